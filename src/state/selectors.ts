import type { EarshotState } from './store';
import type { Project, Track } from './project';

export const selectAnySolo = (s: EarshotState): boolean => s.project.tracks.some((t) => t.solo) || s.project.buses.some((b) => b.solo);

/** Whether a strip is heard (audible), and whether it still feeds its sends (feeding). */
export interface StripAudibility {
  readonly audible: boolean;
  readonly feeding: boolean;
}

/**
 * The solo rules, shared by the engine and the mixer's display:
 * - a muted strip is silent, sends included;
 * - soloing tracks silences the other tracks, sends included; buses are solo-safe, so a soloed track's reverb is heard;
 * - soloing a bus silences the other strips' own outputs, while tracks keep feeding the buses, so the bus is heard
 *   with what goes into it.
 */
export function stripAudibility(project: Project): ReadonlyMap<string, StripAudibility> {
  const trackSolo = project.tracks.some((t) => t.solo);
  const busSolo = project.buses.some((b) => b.solo);
  const out = new Map<string, StripAudibility>();
  for (const t of project.tracks) {
    const feeding = !t.mute && (!trackSolo || t.solo);
    out.set(t.id, { feeding, audible: feeding && !(busSolo && !t.solo) });
  }
  for (const b of project.buses) out.set(b.id, { feeding: !b.mute, audible: !b.mute && (!busSolo || b.solo) });
  return out;
}

/** A track is heard when it is not muted and, if anything is soloed, it is soloed too. */
export function isAudible(track: Track, anySolo: boolean): boolean {
  return !track.mute && (!anySolo || track.solo);
}

/** Per strip, whether it is heard: the mixer's display. */
export function selectAudibility(s: EarshotState): Readonly<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const [id, a] of stripAudibility(s.project)) out[id] = a.audible;
  return out;
}
