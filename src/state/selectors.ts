import type { EarshotState } from './store';
import type { Track } from './project';

export const selectAnySolo = (s: EarshotState): boolean => s.project.tracks.some((t) => t.solo);

/** A track is heard when it is not muted and, if anything is soloed, it is soloed too. */
export function isAudible(track: Track, anySolo: boolean): boolean {
  return !track.mute && (!anySolo || track.solo);
}

/** Per track, whether it is heard: the one rule the engine and the mixer's display share. */
export function selectAudibility(s: EarshotState): Readonly<Record<string, boolean>> {
  const anySolo = selectAnySolo(s);
  const out: Record<string, boolean> = {};
  for (const t of s.project.tracks) out[t.id] = isAudible(t, anySolo);
  return out;
}
