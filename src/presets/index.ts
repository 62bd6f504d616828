import { ADT, ENO_LOOPS, EQ_CARVING, G_FUNK, LCR_PANNING, PARALLEL_COMPRESSION, SIDECHAIN, SLAPBACK, TAPE } from './techniques/more';
import { WALL_OF_SOUND } from './techniques/wallOfSound';
import type { Technique } from './types';

/** Every technique, in the order the toolbar shows them. */
export const TECHNIQUES: readonly Technique[] = [WALL_OF_SOUND, ADT, PARALLEL_COMPRESSION, SIDECHAIN, SLAPBACK, TAPE, LCR_PANNING, EQ_CARVING, ENO_LOOPS, G_FUNK];

export const techniqueById = (id: string): Technique | undefined => TECHNIQUES.find((t) => t.id === id);

export { applyTechnique, isApplied, removeTechnique } from './apply';
export type { Technique } from './types';
