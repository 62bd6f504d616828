import { useRef, useState, type ChangeEvent } from 'react';
import { useCommands } from '../commandsApi';
import { useEarshot } from '../StoreContext';
import { InputMeter } from './InputMeter';

/** Files in and out, undo and redo, and the overdub: the project's own controls, in the header. */
export function ProjectBar() {
  const commands = useCommands();
  const actions = useEarshot((s) => s.actions);
  const canUndo = useEarshot((s) => s.history.past.length > 0);
  const canRedo = useEarshot((s) => s.history.future.length > 0);
  const recordState = useEarshot((s) => s.recordState);
  const selectedTrack = useEarshot((s) => s.project.tracks.find((t) => t.id === s.selectedTrackId)?.name ?? null);
  const importRef = useRef<HTMLInputElement>(null);
  const openRef = useRef<HTMLInputElement>(null);
  const [confirmNew, setConfirmNew] = useState(false);

  const onImport = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    if (files.length > 0) void commands.importFiles(files);
  };
  const onOpen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) void commands.openProject(file);
  };
  const recording = recordState !== 'idle';
  const recordTitle = recording
    ? 'Stop recording and keep the take'
    : `Record onto ${selectedTrack ?? 'a new track'} from the playhead, after a one-bar count-in`;

  return (
    <div className="project-bar" role="toolbar" aria-label="Project">
      <button type="button" className="btn btn-small" onClick={actions.undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="btn btn-small" onClick={actions.redo} disabled={!canRedo} aria-label="Redo" title="Redo (Shift+Ctrl+Z)">
        Redo
      </button>
      <span className="bar-sep" aria-hidden="true" />
      <button type="button" className="btn btn-small" onClick={() => importRef.current?.click()} aria-label="Import audio" title="Import WAV, MP3, OGG, FLAC or M4A (or drop files on the timeline)">
        Import
      </button>
      <input ref={importRef} type="file" accept="audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.aac,.webm" multiple hidden onChange={onImport} tabIndex={-1} aria-hidden="true" />
      <button
        type="button"
        className={`btn btn-small btn-record${recording ? ' is-recording' : ''}`}
        aria-pressed={recording}
        onClick={() => void commands.toggleRecord()}
        title={recordTitle}
      >
        <span className="rec-dot" aria-hidden="true" />
        Record
      </button>
      {recording && (
        <span className="record-status" role="status">
          {recordState === 'count-in' ? 'Count-in…' : `Recording${selectedTrack ? ` on ${selectedTrack}` : ''}`}
          <InputMeter />
        </span>
      )}
      <span className="bar-sep" aria-hidden="true" />
      {confirmNew ? (
        <span className="confirm" role="group" aria-label="Start a new project?">
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => {
              setConfirmNew(false);
              commands.newProject();
            }}
          >
            Yes, new project
          </button>
          <button type="button" className="btn btn-small" onClick={() => setConfirmNew(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setConfirmNew(true)} aria-label="New project" title="Start an empty project (the current one can be saved first)">
          New
        </button>
      )}
      <button type="button" className="btn btn-small" onClick={() => void commands.loadDemo()} aria-label="Load demo" title="Load the demo song">
        Demo
      </button>
      <button type="button" className="btn btn-small" onClick={() => openRef.current?.click()} aria-label="Open project" title="Open an .earshot project file">
        Open
      </button>
      <input ref={openRef} type="file" accept=".earshot,.json,application/json" hidden onChange={onOpen} tabIndex={-1} aria-hidden="true" />
      <button type="button" className="btn btn-small" onClick={() => void commands.saveProject()} aria-label="Save project" title="Save the project and your audio as one .earshot file">
        Save
      </button>
    </div>
  );
}
