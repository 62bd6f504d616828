import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Track } from '../../state/project';
import { useEarshot } from '../StoreContext';

interface TrackHeaderProps {
  readonly track: Track;
  readonly index: number;
  readonly count: number;
  readonly selected: boolean;
  readonly automationOpen: boolean;
  readonly onToggleAutomation: () => void;
  /** A load error of one of the track's clips, shown as a badge. */
  readonly error: string | null;
}

type IconName = 'rename' | 'up' | 'down' | 'automation' | 'delete';

const ICONS: Record<IconName, string> = {
  rename: 'M4 17.2V20h2.8l8.3-8.3-2.8-2.8zM19.7 7.1a1 1 0 0 0 0-1.4l-1.4-1.4a1 1 0 0 0-1.4 0l-1.3 1.3 2.8 2.8z',
  up: 'M12 6l7 8h-14z',
  down: 'M12 18l-7-8h14z',
  automation: 'M3 17l5-6 4 3 5-7 4 4v2l-4-3.5-5 7-4-3-5 6z',
  delete: 'M8 4h8v2h4v2H4V6h4zm-2 5h12l-1 11H7z',
};

/** The delete button asks again for this long before it forgets it was pressed. */
const CONFIRM_MS = 4000;

/**
 * The head of a track's lane: its colour, its name (double-click or Rename to edit), order, automation and delete.
 * Mute and solo live in the mixer.
 */
export function TrackHeader({ track, index, count, selected, automationOpen, onToggleAutomation, error }: TrackHeaderProps) {
  const actions = useEarshot((s) => s.actions);
  const [editing, setEditing] = useState(false);
  const [armed, setArmed] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const moveButtons = useRef<Record<'up' | 'down', HTMLButtonElement | null>>({ up: null, down: null });
  const colorInput = useRef<HTMLInputElement>(null);
  // After a move the browser may drop focus from a button React re-inserted; this puts it back.
  const refocus = useRef<'up' | 'down' | 'rename' | null>(null);
  // Set once Enter or Escape has ended the edit, so the blur that follows does not commit it again.
  const closing = useRef(false);

  useLayoutEffect(() => {
    const which = refocus.current;
    if (!which || editing) return;
    refocus.current = null;
    (which === 'rename' ? renameButton.current : moveButtons.current[which])?.focus();
  }, [index, editing]);

  useEffect(() => {
    if (!armed) return;
    const t = window.setTimeout(() => setArmed(false), CONFIRM_MS);
    return () => window.clearTimeout(t);
  }, [armed]);

  // A colour picker sends "input" while it is open and "change" once when closed: only the change is an edit.
  useEffect(() => {
    const el = colorInput.current;
    if (!el) return;
    el.value = track.color;
    const onChange = () => actions.setTrackColor(track.id, el.value);
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, [actions, track.id, track.color]);

  const move = (dir: 'up' | 'down') => {
    const to = dir === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= count) return;
    refocus.current = dir;
    actions.moveTrack(track.id, to);
  };

  const startEditing = () => {
    closing.current = false;
    setEditing(true);
  };

  const finishEditing = (commit: boolean, value: string) => {
    if (closing.current) return;
    closing.current = true;
    if (commit) actions.renameTrack(track.id, value);
    refocus.current = 'rename';
    setEditing(false);
  };

  const onNameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finishEditing(true, e.currentTarget.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finishEditing(false, '');
    }
  };

  const icon = (name: IconName) => (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );

  return (
    <div
      className={`lane-header tl-header${selected ? ' tl-header-selected' : ''}`}
      onPointerDown={() => actions.select({ trackId: track.id, clipId: null })}
      onKeyDown={(e) => {
        if (e.key === 'F2' && !editing) {
          e.preventDefault();
          startEditing();
        }
      }}
    >
      <div className="tl-header-top">
        <input
          ref={colorInput}
          type="color"
          className="tl-color"
          aria-label={`Colour ${track.name}`}
          title="Track colour"
          defaultValue={track.color}
        />
        {editing ? (
          <input
            className="tl-name-input"
            aria-label="Track name"
            defaultValue={track.name}
            maxLength={60}
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onKeyDown={onNameKey}
            onBlur={(e) => finishEditing(true, e.currentTarget.value)}
          />
        ) : (
          <span className="lane-name tl-name" title={`${track.name} (double-click to rename)`} onDoubleClick={startEditing}>
            {track.name}
          </span>
        )}
        {error && (
          <span className="lane-error-badge" title={error}>
            !
          </span>
        )}
      </div>
      <div className="tl-header-buttons">
        <button ref={renameButton} type="button" className="tl-icon-btn" aria-label={`Rename ${track.name}`} title="Rename (F2)" onClick={startEditing}>
          {icon('rename')}
        </button>
        <button
          ref={(el) => {
            moveButtons.current.up = el;
          }}
          type="button"
          className="tl-icon-btn"
          aria-label={`Move ${track.name} up`}
          aria-disabled={index === 0}
          title="Move up"
          onClick={() => move('up')}
        >
          {icon('up')}
        </button>
        <button
          ref={(el) => {
            moveButtons.current.down = el;
          }}
          type="button"
          className="tl-icon-btn"
          aria-label={`Move ${track.name} down`}
          aria-disabled={index === count - 1}
          title="Move down"
          onClick={() => move('down')}
        >
          {icon('down')}
        </button>
        <button
          type="button"
          className="tl-icon-btn tl-auto-toggle"
          aria-label={`Automation ${track.name}`}
          aria-pressed={automationOpen}
          title="Show volume and pan automation"
          onClick={onToggleAutomation}
        >
          {icon('automation')}
          {(track.automation.volume.length > 0 || track.automation.pan.length > 0) && <span className="tl-auto-dot" aria-hidden="true" />}
        </button>
        <button
          type="button"
          className={`tl-icon-btn tl-delete${armed ? ' tl-delete-armed' : ''}`}
          aria-label={armed ? `Confirm delete track ${track.name}` : `Delete track ${track.name}`}
          title={armed ? 'Click again to delete the track and its clips' : 'Delete track'}
          onClick={(e) => {
            if (!armed) return setArmed(true);
            // Focus goes on to the next track (or Add track), not to the page, which would lose a keyboard user's place.
            const row = e.currentTarget.closest('.tl-track');
            const next =
              row?.nextElementSibling?.querySelector<HTMLElement>('.tl-delete') ??
              row?.previousElementSibling?.querySelector<HTMLElement>('.tl-delete') ??
              document.querySelector<HTMLElement>('.tl-add-track');
            actions.removeTrack(track.id);
            next?.focus();
          }}
          onBlur={() => setArmed(false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && armed) {
              e.stopPropagation();
              setArmed(false);
            }
          }}
        >
          {icon('delete')}
          {armed && <span className="tl-delete-text">Delete?</span>}
        </button>
      </div>
    </div>
  );
}
