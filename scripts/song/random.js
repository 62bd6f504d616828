// Seeded randomness. Everything "random" in the song (timing feel, velocities,
// and the noise inside Tone.js drums) comes from here, so every run of
// `npm run samples` produces bit-identical audio.

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Returns a function giving floats in [0, 1).
 * This exact function is also injected into the browser page as Math.random
 * (via Function.prototype.toString), so keep it self-contained.
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function random() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, so each stem gets its own stable seed. */
export function seedFromString(text, base = 0x5eed) {
  let h = (0x811c9dc5 ^ base) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
