/**
 * One requestAnimationFrame loop shared by the playhead, the meters and the time readouts. They draw straight to the
 * DOM, so a frame never re-renders React.
 *
 * Two kinds of work:
 * - onFrame: every frame (the playhead). It returns true when it moved something on screen.
 * - onThrottled: at most every `intervalMs` (meters, text readouts), which need neither 60 Hz nor the layout and
 *   repaint that changing text costs.
 *
 * Where the changes of a frame land matters as much as how many there are: the compositor redraws one rectangle
 * per frame, the box around everything that changed. The playhead is a tall thin line in the timeline; the mixer's
 * meters are a wide band at the bottom of the window. Changed in the same frame, the box is nearly the whole
 * window, which without a GPU costs more than a frame's budget. So work marked `awayFromPlayhead` waits for a frame
 * in which the playhead stands still (at ordinary zoom it moves by less than a pixel a frame, so every second or
 * third frame is still). Once it has waited three intervals it runs anyway, and the playhead skips that one frame.
 * Other throttled work keeps out of the frames in which the away work runs, for the same reason.
 */
type FrameCallback = (nowMs: number, elapsedSec: number) => boolean | void;

export interface ThrottleOptions {
  /** Least time between two calls, ms; or a function asked each frame (0: every frame). */
  readonly intervalMs: number | (() => number);
  /** It changes pixels far from the playhead (the mixer's meters): see above. */
  readonly awayFromPlayhead?: boolean;
}

interface Job {
  readonly cb: FrameCallback;
  readonly interval: () => number;
  /** This frame's interval, ms. */
  intervalMs: number;
  readonly away: boolean;
  /** When it last ran, ms (0: never). */
  last: number;
}

const everyFrame = new Set<FrameCallback>();
const throttled = new Set<Job>();
let handle = 0;
let lastEveryFrame = 0;
/** Frame times wobble: a job this close to its interval counts as due, so a two-frame interval is kept. */
const EARLY_MS = 2;
const FRAME_MS = 17;
/** Away work that has waited this many intervals is overdue: see tick. */
const OVERDUE_INTERVALS = 3;

function runJob(job: Job, now: number): void {
  const elapsed = job.last ? (now - job.last) / 1000 : 0;
  job.last = now;
  job.cb(now, elapsed);
}

function tick(now: number): void {
  // How due the away work is. Some of it due: it runs in this frame if the playhead stays still. Overdue: it runs
  // anyway, and the playhead holds its place for this one frame instead (it catches up on the next, as it reads the
  // audio clock). Holding is rare at ordinary zoom; it matters when frames are slow, because then the playhead moves
  // every frame, and combined frames would keep them slow.
  let awayDue = false;
  let awayOverdue = false;
  for (const job of throttled) {
    job.intervalMs = job.interval();
    if (!job.away) continue;
    const waited = now - job.last;
    if (waited >= job.intervalMs - EARLY_MS) awayDue = true;
    if (waited >= OVERDUE_INTERVALS * job.intervalMs) awayOverdue = true;
  }

  let moved = false;
  if (!awayOverdue) {
    const elapsed = lastEveryFrame ? (now - lastEveryFrame) / 1000 : 0;
    lastEveryFrame = now;
    for (const cb of everyFrame) if (cb(now, elapsed) === true) moved = true;
  }

  // Away work runs together, in one frame: when some of it is due, the rest that is due within about a frame (or half
  // its interval) comes along, so meters that started in different frames fall into step instead of spreading over
  // more frames. Other throttled work (the time readout, near the top) keeps out of those frames unless it is late.
  const awayRuns = awayOverdue || (awayDue && !moved);
  for (const job of throttled) {
    const waited = now - job.last;
    if (job.away) {
      if (awayRuns && waited >= job.intervalMs - Math.min(job.intervalMs / 2, FRAME_MS)) runJob(job, now);
    } else if (waited >= job.intervalMs - EARLY_MS && (!awayRuns || waited >= OVERDUE_INTERVALS * job.intervalMs)) {
      runJob(job, now);
    }
  }
  handle = everyFrame.size + throttled.size > 0 ? requestAnimationFrame(tick) : 0;
}

function ensureRunning(): void {
  if (!handle) {
    lastEveryFrame = 0;
    handle = requestAnimationFrame(tick);
  }
}

/** Calls `cb` every animation frame until the returned function is called. `cb` returns true when it moved something. */
export function onFrame(cb: FrameCallback): () => void {
  everyFrame.add(cb);
  ensureRunning();
  return () => {
    everyFrame.delete(cb);
  };
}

/**
 * Calls `cb` on an animation frame at most every `intervalMs`; elapsedSec is the time since its previous call
 * (0 the first time). Returns the function that stops it.
 */
export function onThrottled(cb: FrameCallback, { intervalMs, awayFromPlayhead = false }: ThrottleOptions): () => void {
  const interval = typeof intervalMs === 'number' ? () => intervalMs : intervalMs;
  const job: Job = { cb, interval, intervalMs: interval(), away: awayFromPlayhead, last: 0 };
  throttled.add(job);
  ensureRunning();
  return () => {
    throttled.delete(job);
  };
}
