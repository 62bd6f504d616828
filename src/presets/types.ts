import type { Project, TrackRole } from '../state/project';

/** What a technique did: the new project, plus what it could not do for lack of something, for the user. */
export interface TechniqueResult {
  readonly project: Project;
  /** One sentence per thing skipped, e.g. "No tambourine or castanets in this song: no percussion layer added." */
  readonly skipped: readonly string[];
}

export interface Technique {
  readonly id: string;
  /** The toggle's accessible name, e.g. "Wall of Sound". */
  readonly name: string;
  /** One line on what it does to the mix. */
  readonly summary: string;
  /** The encyclopedia article about it. */
  readonly articleId: string;
  /** Pure: the project with the technique applied. Never called twice on the same project by applyTechnique. */
  apply(project: Project): TechniqueResult;
}

export const rolesOf = (p: Project, roles: readonly TrackRole[]) => p.tracks.filter((t) => roles.includes(t.role));
