import { dbToGain } from '../dsp/decibels';
import { measureLoudness } from '../dsp/loudness';
import { powerSpectrum } from '../dsp/spectrum';
import { AUTO_MIX_BANDS, type StemAnalysis } from '../state/stems';
import type { Project } from '../state/project';

/** At most this much of each track is measured, seconds: enough for a stable reading, quick on a weak laptop. */
const MAX_SEC = 40;

/**
 * Measures each track's own audio (its clips with clip gain and trim, before the strip): integrated loudness and
 * the energy in each auto-mix band. Reads the decoded buffers directly: no render is needed for this.
 */
export function analyzeStems(project: Project, buffers: ReadonlyMap<string, AudioBuffer>): StemAnalysis[] {
  const out: StemAnalysis[] = [];
  for (const t of project.tracks) {
    const pieces: Float32Array[] = [];
    let total = 0;
    let rate = 0;
    for (const c of t.clips) {
      const b = buffers.get(c.assetId);
      if (!b || total >= MAX_SEC * b.sampleRate) continue;
      rate = b.sampleRate;
      const from = Math.floor(c.offsetSec * rate);
      const to = Math.min(b.length, from + Math.floor(c.durationSec * rate), from + MAX_SEC * rate - total);
      const g = dbToGain(c.gainDb + t.trimDb);
      const mono = new Float32Array(Math.max(0, to - from));
      for (let ch = 0; ch < b.numberOfChannels; ch++) {
        const d = b.getChannelData(ch);
        for (let i = 0; i < mono.length; i++) mono[i] = mono[i]! + (d[from + i]! * g) / b.numberOfChannels;
      }
      pieces.push(mono);
      total += mono.length;
    }
    if (total === 0 || rate === 0) continue;
    const joined = new Float32Array(total);
    let at = 0;
    for (const p of pieces) {
      joined.set(p, at);
      at += p.length;
    }
    const lufs = measureLoudness([joined, joined], rate).integrated - 3; // a centred mono part: −3 dB per side
    const size = 4096;
    const spectrum = powerSpectrum(joined, size);
    const bandsDb = AUTO_MIX_BANDS.map(([lo, hi]) => {
      let e = 0;
      for (let k = Math.max(1, Math.floor((lo * size) / rate)); k <= Math.min(size / 2, Math.ceil((hi * size) / rate)); k++) e += spectrum[k]!;
      return 10 * Math.log10(e + 1e-20);
    });
    out.push({ trackId: t.id, lufs, bandsDb });
  }
  return out;
}
