import { mulberry32 } from '../../src/dsp/random';

/** Seeded pink noise (Paul Kellet's filter on white noise), scaled to the given RMS. */
export function pinkNoise(seed: number, length: number, rms: number): Float32Array {
  const rnd = mulberry32(seed);
  const x = new Float32Array(length);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  let power = 0;
  for (let i = 0; i < length; i++) {
    const w = rnd() * 2 - 1;
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    const v = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    x[i] = v;
    power += v * v;
  }
  const gain = rms / Math.sqrt(power / length);
  for (let i = 0; i < length; i++) x[i] = x[i]! * gain;
  return x;
}
