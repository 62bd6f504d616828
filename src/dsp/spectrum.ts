/** Spectra for analysis and tests: a radix-2 FFT, a Welch-averaged power spectrum and spectral flatness. */

/** In-place radix-2 FFT of (re, im); length must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

/**
 * Mean power spectrum of a signal (Hann windows, 50% overlap).
 * @param size FFT size, a power of two
 * @returns size/2 + 1 power values, bin k at k·sampleRate/size Hz
 */
export function powerSpectrum(x: Float32Array, size = 4096, from = 0, to = x.length): Float64Array {
  const out = new Float64Array(size / 2 + 1);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const win = new Float64Array(size);
  for (let i = 0; i < size; i++) win[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  let frames = 0;
  for (let start = from; start + size <= to; start += size / 2) {
    for (let i = 0; i < size; i++) {
      re[i] = x[start + i]! * win[i]!;
      im[i] = 0;
    }
    fft(re, im);
    for (let k = 0; k <= size / 2; k++) out[k] = out[k]! + re[k]! * re[k]! + im[k]! * im[k]!;
    frames++;
  }
  if (frames > 0) for (let k = 0; k < out.length; k++) out[k] = out[k]! / frames;
  return out;
}

/**
 * Spectral flatness (Wiener entropy) of a power spectrum between two bins: geometric mean over arithmetic mean,
 * 0 (a pure tone) .. 1 (white noise).
 */
export function spectralFlatness(power: Float64Array, fromBin = 1, toBin = power.length): number {
  let logSum = 0;
  let sum = 0;
  let n = 0;
  for (let k = fromBin; k < toBin; k++) {
    const p = Math.max(power[k]!, 1e-30);
    logSum += Math.log(p);
    sum += p;
    n++;
  }
  return n > 0 && sum > 0 ? Math.exp(logSum / n) / (sum / n) : 0;
}

/** Crest factor, dB: sample peak over RMS. */
export function crestFactorDb(x: Float32Array, from = 0, to = x.length): number {
  let peak = 0;
  let sq = 0;
  for (let i = from; i < to; i++) {
    const v = x[i]!;
    peak = Math.max(peak, Math.abs(v));
    sq += v * v;
  }
  const rms = Math.sqrt(sq / Math.max(1, to - from));
  return rms > 0 ? 20 * Math.log10(peak / rms) : 0;
}
