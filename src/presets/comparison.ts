import type { Project } from '../state/project';
import { applyTechnique, removeTechnique } from './apply';
import { TECHNIQUES, techniqueById } from './index';

/** The id of the comparison bounce's reference variant: the mix with every technique taken out. */
export const AS_MIXED = 'as-mixed';
export const AS_MIXED_LABEL = 'As mixed';

/** One version of the song to bounce, and what the user should know about it. */
export interface ComparisonVariant {
  readonly id: string;
  readonly label: string;
  readonly project: Project;
  /** Set when the technique could not do (all of) its work on this song. */
  readonly note?: string;
}

/**
 * The project with every technique from the toolbar taken back out, latest first (so each is removed from the state
 * it was applied to). The automatic mix is part of the mix and stays.
 */
export function withoutTechniques(p: Project): Project {
  let out = p;
  for (let i = p.presets.length - 1; i >= 0; i--) {
    const id = p.presets[i]!.id;
    if (techniqueById(id)) out = removeTechnique(out, id);
  }
  return out;
}

/**
 * The versions to compare: AS_MIXED is the mix without techniques, any technique id is that mix with only that
 * technique applied. Unknown ids are left out.
 */
export function comparisonVariants(p: Project, ids: readonly string[]): ComparisonVariant[] {
  const base = withoutTechniques(p);
  const out: ComparisonVariant[] = [];
  for (const id of ids) {
    if (id === AS_MIXED) {
      out.push({ id, label: AS_MIXED_LABEL, project: base });
      continue;
    }
    const t = TECHNIQUES.find((x) => x.id === id);
    if (!t) continue;
    const outcome = applyTechnique(base, t);
    const note = outcome.refused ?? (outcome.skipped.length > 0 ? `${t.name}: ${outcome.skipped.join(' ')}` : undefined);
    out.push({ id, label: t.name, project: outcome.project, ...(note !== undefined ? { note } : {}) });
  }
  return out;
}
