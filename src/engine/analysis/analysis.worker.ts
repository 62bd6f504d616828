// Loudness analysis and the auto-master's gain search, off the main thread.
import { TruePeakLimiter } from '../../dsp/limiter';
import { measureLoudness, type LoudnessMeasurement } from '../../dsp/loudness';

export type AnalysisRequest =
  | { readonly id: number; readonly type: 'measure'; readonly channels: Float32Array[]; readonly sampleRate: number }
  | {
      readonly id: number;
      readonly type: 'fit';
      readonly channels: Float32Array[];
      readonly sampleRate: number;
      readonly targetLufs: number;
      readonly ceilingDb: number;
      readonly releaseMs: number;
      readonly lookaheadMs: number;
    };

export type AnalysisResponse =
  | { readonly id: number; readonly ok: true; readonly measurement: LoudnessMeasurement; readonly gainDb?: number }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Gain, then the same limiter code the AudioWorklet runs; returns the limited signal's loudness. */
function limitedLoudness(channels: Float32Array[], sampleRate: number, gainDb: number, req: Extract<AnalysisRequest, { type: 'fit' }>, scratch: Float32Array[]): LoudnessMeasurement {
  const limiter = new TruePeakLimiter(channels.length, sampleRate, { lookaheadMs: req.lookaheadMs, ceilingDb: req.ceilingDb, releaseMs: req.releaseMs });
  const g = Math.pow(10, gainDb / 20);
  const length = channels[0]!.length;
  const block = 128;
  const inBlock = channels.map(() => new Float32Array(block));
  const outBlock = channels.map(() => new Float32Array(block));
  const latency = limiter.latencySamples;
  // Feed the signal plus the look-ahead's worth of silence, and keep the output aligned with the input.
  for (let start = 0; start < length + latency; start += block) {
    const frames = block;
    for (let c = 0; c < channels.length; c++) {
      const src = channels[c]!;
      const dst = inBlock[c]!;
      for (let i = 0; i < frames; i++) {
        const n = start + i;
        dst[i] = n < length ? src[n]! * g : 0;
      }
    }
    limiter.process(inBlock, outBlock, frames);
    for (let c = 0; c < channels.length; c++) {
      const out = outBlock[c]!;
      const dst = scratch[c]!;
      for (let i = 0; i < frames; i++) {
        const n = start + i - latency;
        if (n >= 0 && n < length) dst[n] = out[i]!;
      }
    }
  }
  return measureLoudness(scratch, sampleRate);
}

/**
 * Finds the gain into the limiter that lands the limited signal on the target loudness. Loudness rises
 * monotonically with gain (less and less once the limiter works hard), so a secant search on the measured
 * curve, bracketed, converges in a few renders.
 */
function fitGain(req: Extract<AnalysisRequest, { type: 'fit' }>): { gainDb: number; measurement: LoudnessMeasurement } {
  const { channels, sampleRate, targetLufs } = req;
  const scratch = channels.map((c) => new Float32Array(c.length));
  const dry = measureLoudness(channels, sampleRate);
  if (!Number.isFinite(dry.integrated)) throw new Error('the mix is silent: there is nothing to master');
  let lo = -24;
  let hi = 24;
  let gain = Math.max(lo, Math.min(hi, targetLufs - dry.integrated));
  let best = { gainDb: gain, measurement: limitedLoudness(channels, sampleRate, gain, req, scratch), error: Infinity };
  best.error = Math.abs(best.measurement.integrated - targetLufs);
  let prev: { gain: number; lufs: number } | null = null;
  let current = { gain, lufs: best.measurement.integrated };
  for (let i = 0; i < 8 && best.error > 0.05; i++) {
    if (current.lufs < targetLufs) lo = Math.max(lo, current.gain);
    else hi = Math.min(hi, current.gain);
    let next: number;
    if (prev && Math.abs(current.lufs - prev.lufs) > 1e-3) {
      next = current.gain + ((targetLufs - current.lufs) * (current.gain - prev.gain)) / (current.lufs - prev.lufs);
    } else {
      next = current.gain + (targetLufs - current.lufs);
    }
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    gain = next;
    const m = limitedLoudness(channels, sampleRate, gain, req, scratch);
    prev = current;
    current = { gain, lufs: m.integrated };
    const error = Math.abs(m.integrated - targetLufs);
    if (error < best.error) best = { gainDb: gain, measurement: m, error };
  }
  return { gainDb: best.gainDb, measurement: best.measurement };
}

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const req = e.data;
  const post = (r: AnalysisResponse) => (self as unknown as Worker).postMessage(r);
  try {
    if (req.type === 'measure') post({ id: req.id, ok: true, measurement: measureLoudness(req.channels, req.sampleRate) });
    else {
      const { gainDb, measurement } = fitGain(req);
      post({ id: req.id, ok: true, measurement, gainDb });
    }
  } catch (err) {
    post({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
