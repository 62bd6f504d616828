/**
 * One requestAnimationFrame loop shared by every meter and the playhead. They draw straight to the DOM,
 * so a frame never re-renders React.
 */
type FrameCallback = (nowMs: number, elapsedSec: number) => void;

const callbacks = new Set<FrameCallback>();
let handle = 0;
let last = 0;

function tick(now: number): void {
  const elapsed = last ? (now - last) / 1000 : 0;
  last = now;
  for (const cb of callbacks) cb(now, elapsed);
  handle = callbacks.size > 0 ? requestAnimationFrame(tick) : 0;
}

export function onFrame(cb: FrameCallback): () => void {
  callbacks.add(cb);
  if (!handle) {
    last = 0;
    handle = requestAnimationFrame(tick);
  }
  return () => {
    callbacks.delete(cb);
  };
}
