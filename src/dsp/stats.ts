/**
 * The chance of getting at least `correct` of `trials` right by guessing (p = 1/2 per trial): the one-sided
 * binomial tail an ABX test reports. 0.05 or less is the usual line for "you can hear it".
 */
export function guessProbability(correct: number, trials: number): number {
  if (trials <= 0) return 1;
  const k = Math.max(0, Math.min(trials, Math.round(correct)));
  let sum = 0;
  // C(n, i) / 2^n summed in log space, so long sessions do not overflow.
  for (let i = k; i <= trials; i++) sum += Math.exp(logChoose(trials, i) - trials * Math.LN2);
  return Math.min(1, sum);
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}
