/**
 * Whether elements are on screen (inside the window and every scrolling ancestor), from one shared
 * IntersectionObserver. Meters use it to skip drawing while scrolled out of view.
 */
type Listener = (visible: boolean) => void;

const listeners = new Map<Element, Listener>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver | null {
  if (observer || typeof IntersectionObserver !== 'function') return observer;
  observer = new IntersectionObserver((entries) => {
    for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
  });
  return observer;
}

/** Calls `listener` whenever `el` comes into or goes out of view. Without IntersectionObserver it never calls it. */
export function watchVisibility(el: Element, listener: Listener): () => void {
  const io = shared();
  if (!io) return () => undefined;
  listeners.set(el, listener);
  io.observe(el);
  return () => {
    io.unobserve(el);
    listeners.delete(el);
  };
}
