import { parseProject } from '../state/schema';
import type { Project } from '../state/project';
import { diff, revert, type Op } from './patch';
import type { Technique } from './types';

export interface ApplyOutcome {
  readonly project: Project;
  readonly skipped: readonly string[];
  /** Set when nothing was done, and why (e.g. already applied). */
  readonly refused?: string;
}

export const isApplied = (p: Project, id: string): boolean => p.presets.some((x) => x.id === id);

/**
 * Applies a technique and records what it changed, so removeTechnique can take exactly that back out.
 * Applying one that is already applied does nothing (it would stack by mistake).
 */
export function applyTechnique(p: Project, t: Technique): ApplyOutcome {
  if (isApplied(p, t.id)) return { project: p, skipped: [], refused: `${t.name} is already applied.` };
  const result = t.apply(p);
  const ops = diff(p, result.project);
  if (ops.length === 0) return { project: p, skipped: result.skipped, refused: `${t.name} found nothing in this song to change.` };
  return { project: { ...result.project, presets: [...p.presets, { id: t.id, ops }] }, skipped: result.skipped };
}

/**
 * Takes a technique back out: what it added goes, what it changed returns to what it was, except values the user
 * has edited since. With no edits in between the project deep-equals the one before applying. The result is
 * checked against the project schema, so ops read from a file cannot smuggle in bad values.
 */
export function removeTechnique(p: Project, id: string): Project {
  const entry = p.presets.find((x) => x.id === id);
  if (!entry) return p;
  const without: Project = { ...p, presets: p.presets.filter((x) => x !== entry) };
  const reverted = revert(without, entry.ops as Op[]);
  try {
    parseProject(JSON.parse(JSON.stringify({ ...reverted, version: p.version })), 'the project');
  } catch {
    return without;
  }
  return reverted;
}
