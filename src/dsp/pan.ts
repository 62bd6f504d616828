/**
 * Equal-power pan law for a mono source, as Web Audio's StereoPannerNode applies it.
 * @param pan −1 (hard left) .. +1 (hard right)
 * @returns the left and right gains; at the centre each is cos(π/4) ≈ 0.7071 (−3.01 dB)
 */
export function equalPowerPan(pan: number): { left: number; right: number } {
  const p = clampPan(pan);
  const x = ((p + 1) / 2) * (Math.PI / 2);
  return { left: Math.cos(x), right: Math.sin(x) };
}

export function clampPan(pan: number): number {
  if (!Number.isFinite(pan)) return 0;
  return Math.max(-1, Math.min(1, pan));
}

/** "Centre", "40% left", "100% right": a pan position in words. */
export function formatPan(pan: number): string {
  const p = Math.round(clampPan(pan) * 100);
  if (p === 0) return 'Centre';
  return p < 0 ? `${-p}% left` : `${p}% right`;
}

/** Short form for a knob label: "C", "L40", "R100". */
export function formatPanShort(pan: number): string {
  const p = Math.round(clampPan(pan) * 100);
  if (p === 0) return 'C';
  return p < 0 ? `L${-p}` : `R${p}`;
}
