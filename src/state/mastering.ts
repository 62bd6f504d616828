/** Loudness targets the auto-master can aim at. */
export type LoudnessTargetId = 'streaming' | 'apple' | 'ebu-r128' | 'aes-td1008' | 'custom';

export interface LoudnessTarget {
  readonly id: LoudnessTargetId;
  readonly label: string;
  /** Integrated loudness, LUFS. */
  readonly lufs: number;
  /** Maximum true peak, dBTP. */
  readonly ceilingDb: number;
}

/** The presets, with figures from the services' and standards' published guidance. */
export const LOUDNESS_TARGETS: readonly LoudnessTarget[] = [
  { id: 'streaming', label: 'Streaming (−14 LUFS, −1 dBTP)', lufs: -14, ceilingDb: -1 },
  { id: 'apple', label: 'Apple Music (−16 LUFS, −1 dBTP)', lufs: -16, ceilingDb: -1 },
  { id: 'ebu-r128', label: 'EBU R 128 broadcast (−23 LUFS, −1 dBTP)', lufs: -23, ceilingDb: -1 },
  { id: 'aes-td1008', label: 'AES TD1008 music (−16 LUFS, −1 dBTP)', lufs: -16, ceilingDb: -1 },
];

/** What a streaming service normalises louder tracks down to, LUFS. */
export const STREAMING_REFERENCE_LUFS = -14;

export interface MasteringSettings {
  /** False bypasses EQ, glue, width and the auto-master gain (the limiter stays as a safety net). */
  readonly enabled: boolean;
  readonly eq: {
    readonly lowShelfDb: number;
    readonly lowShelfHz: number;
    readonly bellDb: number;
    readonly bellHz: number;
    readonly bellQ: number;
    readonly highShelfDb: number;
    readonly highShelfHz: number;
  };
  readonly glue: {
    readonly enabled: boolean;
    readonly thresholdDb: number;
    readonly ratio: number;
    readonly attackMs: number;
    readonly releaseMs: number;
  };
  /** Stereo width, percent: 0 mono, 100 unchanged, 200 twice the side signal. */
  readonly widthPct: number;
  /** Gain into the limiter, dB: what auto-master sets. */
  readonly gainDb: number;
  readonly limiter: { readonly enabled: boolean; readonly ceilingDb: number; readonly releaseMs: number };
  readonly targetId: LoudnessTargetId;
  /** Used when targetId is "custom". */
  readonly customLufs: number;
  readonly customCeilingDb: number;
}

export const DEFAULT_MASTERING: MasteringSettings = {
  enabled: true,
  eq: { lowShelfDb: 0, lowShelfHz: 100, bellDb: 0, bellHz: 2500, bellQ: 0.9, highShelfDb: 0, highShelfHz: 8000 },
  glue: { enabled: false, thresholdDb: -18, ratio: 2, attackMs: 30, releaseMs: 300 },
  widthPct: 100,
  gainDb: 0,
  limiter: { enabled: true, ceilingDb: -1, releaseMs: 100 },
  targetId: 'streaming',
  customLufs: -14,
  customCeilingDb: -1,
};

/** The target the settings point at, resolving "custom". */
export function resolveTarget(m: MasteringSettings): LoudnessTarget {
  if (m.targetId === 'custom') return { id: 'custom', label: 'Custom', lufs: m.customLufs, ceilingDb: m.customCeilingDb };
  return LOUDNESS_TARGETS.find((t) => t.id === m.targetId) ?? LOUDNESS_TARGETS[0]!;
}

const clamp = (v: number, lo: number, hi: number, fallback: number) => (Number.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : fallback);

/** Keeps every mastering field inside its range (hostile or stray values are clamped, not trusted). */
export function clampMastering(m: MasteringSettings): MasteringSettings {
  const d = DEFAULT_MASTERING;
  return {
    enabled: m.enabled,
    eq: {
      lowShelfDb: clamp(m.eq.lowShelfDb, -12, 12, 0),
      lowShelfHz: clamp(m.eq.lowShelfHz, 20, 500, d.eq.lowShelfHz),
      bellDb: clamp(m.eq.bellDb, -12, 12, 0),
      bellHz: clamp(m.eq.bellHz, 100, 12000, d.eq.bellHz),
      bellQ: clamp(m.eq.bellQ, 0.1, 10, d.eq.bellQ),
      highShelfDb: clamp(m.eq.highShelfDb, -12, 12, 0),
      highShelfHz: clamp(m.eq.highShelfHz, 2000, 18000, d.eq.highShelfHz),
    },
    glue: {
      enabled: m.glue.enabled,
      thresholdDb: clamp(m.glue.thresholdDb, -60, 0, d.glue.thresholdDb),
      ratio: clamp(m.glue.ratio, 1, 20, d.glue.ratio),
      attackMs: clamp(m.glue.attackMs, 0, 1000, d.glue.attackMs),
      releaseMs: clamp(m.glue.releaseMs, 10, 1000, d.glue.releaseMs),
    },
    widthPct: clamp(m.widthPct, 0, 200, 100),
    gainDb: clamp(m.gainDb, -24, 24, 0),
    limiter: {
      enabled: m.limiter.enabled,
      ceilingDb: clamp(m.limiter.ceilingDb, -12, 0, -1),
      releaseMs: clamp(m.limiter.releaseMs, 10, 1000, 100),
    },
    targetId: m.targetId,
    customLufs: clamp(m.customLufs, -40, -5, -14),
    customCeilingDb: clamp(m.customCeilingDb, -12, 0, -1),
  };
}

/** A loudness analysis of a rendered mix or a file (BS.1770 / EBU Tech 3342 figures). */
export interface LoudnessAnalysis {
  /** What was measured: "Mix" or a file name. */
  readonly subject: string;
  readonly integratedLufs: number;
  readonly lra: number;
  readonly truePeakDb: number;
  readonly plr: number;
  readonly shortTermMaxLufs: number;
  readonly momentaryMaxLufs: number;
  readonly durationSec: number;
}

/** What auto-master did: the target, the measured result, and the gain it chose. */
export interface AutoMasterReport {
  readonly target: LoudnessTarget;
  readonly before: LoudnessAnalysis;
  readonly after: LoudnessAnalysis;
  readonly gainDb: number;
}
