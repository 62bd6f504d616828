import { createContext, useContext } from 'react';
import type { Project } from '../state/project';

/** Where dropped or imported audio should land. */
export interface DropTarget {
  /** The lane it was dropped on; null makes a new track per file. */
  readonly trackId: string | null;
  readonly startSec: number;
}

/** Project-level commands: files in and out, recording. The UI calls them; app/ implements them. */
export interface ProjectCommands {
  /** Imports audio files as clips; each failure is reported by name, the rest still import. */
  importFiles(files: readonly File[], at?: DropTarget): Promise<void>;
  newProject(): void;
  loadDemo(): Promise<void>;
  /** The demo song as the lessons build on it (fetched once). */
  demoProject(): Promise<Project>;
  /**
   * Puts a mix built from the demo song in place of the current one, as one undoable step (Undo brings the previous
   * mix back, the user's own audio included), and loads any demo stems not yet in memory.
   */
  openDemoMix(project: Project): void;
  /** Writes one .earshot file (project + the user's audio) and offers it as a download. */
  saveProject(): Promise<void>;
  openProject(file: File): Promise<void>;
  /** Starts the overdub on the selected track (count-in first), or stops and keeps the take. */
  toggleRecord(): Promise<void>;
  /** Microphone level while armed or recording, dBFS peak; −∞ when there is no input. Read per frame. */
  readInputDb(): number;
}

export const CommandsContext = createContext<ProjectCommands | null>(null);

export function useCommands(): ProjectCommands {
  const c = useContext(CommandsContext);
  if (!c) throw new Error('useCommands() needs a <CommandsContext.Provider>');
  return c;
}
