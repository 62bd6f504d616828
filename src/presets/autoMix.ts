import { setInsert, setStripGain } from '../state/edits';
import type { Project, Track, TrackRole } from '../state/project';
import type { Technique } from './types';
import type { StemAnalysis } from '../state/stems';

export { AUTO_MIX_BANDS, type StemAnalysis } from '../state/stems';

/** Where each part sits against the lead, LU: the balance rule, the kind of table an engineer keeps in their head. */
const BALANCE_LU: Readonly<Record<TrackRole, number>> = {
  lead: 0,
  vocal: 0,
  kick: -4,
  snare: -5,
  bass: -4,
  piano: -7,
  guitar: -9,
  strings: -9,
  hats: -13,
  tambourine: -15,
  other: -8,
};

/** Who keeps a crowded band: a higher number wins, the other part gives way. */
const PRIORITY: Readonly<Record<TrackRole, number>> = {
  lead: 10,
  vocal: 10,
  kick: 9,
  bass: 8,
  snare: 7,
  piano: 6,
  guitar: 5,
  strings: 4,
  other: 3,
  hats: 2,
  tambourine: 1,
};

/** One thing the auto-mix did, and the rule behind it, for the user to read. */
export interface AutoMixStep {
  readonly track: string;
  readonly what: string;
  readonly why: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const fmt = (db: number) => `${db < 0 ? '−' : '+'}${Math.abs(round1(db)).toFixed(1)} dB`;

/**
 * The automatic mix, as rules a person can follow: (1) set each fader so the track sits at its role's distance
 * from the lead; (2) where two parts are both strong in the low-mid (120–500 Hz) or presence (2–6 kHz) band,
 * the lower-priority part gets a 3 dB cut there; (3) parts with little real low end get a high-pass at 100 Hz.
 * @returns the mixed project and the steps, in order
 */
export function autoMix(project: Project, analysis: readonly StemAnalysis[]): { project: Project; steps: AutoMixStep[] } {
  const steps: AutoMixStep[] = [];
  const byId = new Map(analysis.filter((a) => Number.isFinite(a.lufs)).map((a) => [a.trackId, a]));
  const tracks = project.tracks.filter((t) => byId.has(t.id));
  if (tracks.length === 0) return { project, steps };
  let next = project;

  // 1. Balance against the lead (or, without one, the loudest part).
  const lead = tracks.find((t) => t.role === 'lead' || t.role === 'vocal');
  const refTrack = lead ?? tracks.reduce((a, b) => ((byId.get(a.id)?.lufs ?? -Infinity) >= (byId.get(b.id)?.lufs ?? -Infinity) ? a : b));
  const ref = byId.get(refTrack.id)!.lufs + refTrack.gainDb - BALANCE_LU[refTrack.role];
  for (const t of tracks) {
    const a = byId.get(t.id)!;
    const want = ref + BALANCE_LU[t.role];
    const fader = Math.max(-30, Math.min(6, want - a.lufs));
    if (Math.abs(fader - t.gainDb) < 0.5) continue;
    next = setStripGain(next, t.id, round1(fader));
    steps.push({
      track: t.name,
      what: `Fader ${fmt(t.gainDb)} → ${fmt(fader)}`,
      why: `It measures ${round1(a.lufs).toFixed(1)} LUFS; the rule puts a ${t.role} ${Math.abs(BALANCE_LU[t.role])} LU ${BALANCE_LU[t.role] < 0 ? 'under' : 'level with'} ${t === refTrack ? 'itself (it is the reference)' : refTrack.name}.`,
    });
  }

  // 2. Masking: in each crowded band, parts within 6 dB of the band's strongest give way, by priority.
  const crowded: readonly [number, number, 'bell1' | 'bell2', string][] = [
    [1, 250, 'bell1', 'low-mid (120–500 Hz)'],
    [3, 3500, 'bell2', 'presence (2–6 kHz)'],
  ];
  for (const [band, freqHz, bell, label] of crowded) {
    // Energy in the band relative to each track's own loudest band, so a loud track is not "strong" everywhere.
    const share = (t: Track) => {
      const b = byId.get(t.id)!.bandsDb;
      return (b[band] ?? -Infinity) - Math.max(...b);
    };
    const strong = tracks.filter((t) => share(t) > -6).sort((x, y) => PRIORITY[y.role] - PRIORITY[x.role]);
    const keeper = strong[0];
    for (const t of strong.slice(1)) {
      next = setInsert(next, t.id, 'eq', { bypass: false, [bell]: { freqHz, gainDb: -3, q: 1 } });
      steps.push({ track: t.name, what: `EQ −3 dB at ${freqHz >= 1000 ? `${freqHz / 1000} kHz` : `${freqHz} Hz`}`, why: `${t.name} and ${keeper!.name} are both strong in the ${label} band; ${keeper!.name} ranks higher, so ${t.name} makes room.` });
    }
  }

  // 3. Little real low end: a high-pass takes away rumble without changing the part.
  for (const t of tracks) {
    if (t.role === 'kick' || t.role === 'bass') continue;
    const b = byId.get(t.id)!.bandsDb;
    if ((b[0] ?? -Infinity) - Math.max(...b) < -20 && t.inserts.hpf.bypass) {
      next = setInsert(next, t.id, 'hpf', { bypass: false, freqHz: 100 });
      steps.push({ track: t.name, what: 'High-pass at 100 Hz', why: `Its energy below 120 Hz is more than 20 dB under its main band: whatever is down there is rumble, and it muddies the kick and bass.` });
    }
  }
  return { project: next, steps };
}

/** The auto-mix as a technique, once the stems are measured; removing it restores the mix as it was. */
export function autoMixTechnique(analysis: readonly StemAnalysis[]): Technique & { readonly steps: readonly AutoMixStep[] } {
  let steps: AutoMixStep[] = [];
  return {
    id: 'auto-mix',
    name: 'Automatic mix',
    summary: 'Sets faders from measured loudness, carves crowded bands, and high-passes parts without real low end — and shows each rule it followed.',
    articleId: 'mastering',
    get steps() {
      return steps;
    },
    apply(p) {
      const r = autoMix(p, analysis);
      steps = r.steps;
      return { project: r.project, skipped: r.steps.length === 0 ? ['The measured mix already follows the rules: nothing to change.'] : [] };
    },
  };
}
