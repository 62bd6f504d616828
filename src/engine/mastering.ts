import type { LoudnessMeasurement } from '../dsp/loudness';
import type { AutoMasterReport, LoudnessAnalysis, MasteringSettings } from '../state/mastering';
import { resolveTarget } from '../state/mastering';
import type { Project } from '../state/project';
import type { Analyzer } from './analysis/Analyzer';
import { renderProject } from './render';

/** The sample rate analysis renders run at. */
export const ANALYSIS_RATE = 48000;
/** The limiter's look-ahead, ms: the worklet and the auto-master's search use the same value. */
export const LIMITER_LOOKAHEAD_MS = 3;

export function toAnalysis(subject: string, m: LoudnessMeasurement, durationSec: number): LoudnessAnalysis {
  return {
    subject,
    integratedLufs: m.integrated,
    lra: m.lra,
    truePeakDb: m.truePeakDb,
    plr: m.plr,
    shortTermMaxLufs: m.shortTermMax,
    momentaryMaxLufs: m.momentaryMax,
    durationSec,
  };
}

function channelsOf(buffer: AudioBuffer): Float32Array[] {
  return Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
}

/** Renders the project through the full chain (as exported) and measures it. */
export async function analyzeMix(project: Project, buffers: ReadonlyMap<string, AudioBuffer>, analyzer: Analyzer, onProgress?: (f: number) => void): Promise<LoudnessAnalysis> {
  const rendered = await renderProject(project, buffers, { sampleRate: ANALYSIS_RATE, onProgress: (f) => onProgress?.(f * 0.8) });
  const { measurement } = await analyzer.run({ type: 'measure', channels: channelsOf(rendered), sampleRate: rendered.sampleRate });
  onProgress?.(1);
  return toAnalysis('Mix', measurement, rendered.duration);
}

/** Measures an audio file the user chose (decoded once by the caller). */
export async function analyzeBuffer(name: string, buffer: AudioBuffer, analyzer: Analyzer): Promise<LoudnessAnalysis> {
  const { measurement } = await analyzer.run({ type: 'measure', channels: channelsOf(buffer), sampleRate: buffer.sampleRate });
  return toAnalysis(name, measurement, buffer.duration);
}

/**
 * Auto-master: renders the mix once up to the limiter, searches the gain that lands the limited result on the
 * target (running the limiter's own code in a Worker), applies gain and ceiling, then renders the whole chain
 * again and measures it, so the report shows what was really achieved.
 * @returns the new mastering settings and the report (measured against target)
 */
export async function autoMaster(
  project: Project,
  buffers: ReadonlyMap<string, AudioBuffer>,
  analyzer: Analyzer,
  onProgress?: (f: number) => void,
): Promise<{ mastering: MasteringSettings; report: AutoMasterReport }> {
  const current = project.master.mastering;
  const target = resolveTarget(current);
  const before = await analyzeMix(project, buffers, analyzer, (f) => onProgress?.(f * 0.3));

  // The signal at the limiter's input: the chain with gain 0 dB and the limiter bypassed.
  const preLimiter: Project = {
    ...project,
    master: { ...project.master, mastering: { ...current, enabled: true, gainDb: 0, limiter: { ...current.limiter, enabled: false } } },
  };
  const pre = await renderProject(preLimiter, buffers, { sampleRate: ANALYSIS_RATE, onProgress: (f) => onProgress?.(0.3 + f * 0.3) });
  const fit = await analyzer.run({
    type: 'fit',
    channels: channelsOf(pre),
    sampleRate: pre.sampleRate,
    targetLufs: target.lufs,
    ceilingDb: target.ceilingDb,
    releaseMs: current.limiter.releaseMs,
    lookaheadMs: LIMITER_LOOKAHEAD_MS,
  });
  onProgress?.(0.75);
  const mastering: MasteringSettings = {
    ...current,
    enabled: true,
    gainDb: Math.round((fit.gainDb ?? 0) * 100) / 100,
    limiter: { ...current.limiter, enabled: true, ceilingDb: target.ceilingDb },
  };
  const after = await analyzeMix({ ...project, master: { ...project.master, mastering } }, buffers, analyzer, (f) => onProgress?.(0.75 + f * 0.25));
  return { mastering, report: { target, before, after, gainDb: mastering.gainDb } };
}
