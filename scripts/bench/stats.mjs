// Small statistics helpers shared by the benchmark's Node modules.

/**
 * The median of a list (the mean of the middle two for an even count).
 * @param {readonly number[]} values non-empty
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The q-quantile of a list by nearest rank.
 * @param {readonly number[]} values non-empty
 * @param {number} q 0..1
 * @returns {number}
 */
export function quantile(values, q) {
  if (values.length === 0) throw new RangeError('quantile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
