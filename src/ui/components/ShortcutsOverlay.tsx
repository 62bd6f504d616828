import { useEffect, useRef } from 'react';

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space', 'Play / pause'],
  ['Home', 'Go to the start'],
  ['← →', 'Nudge the selected clip (one beat; Alt: fine), or move the playhead a bar'],
  ['S', 'Split the selected clip (or the clips under the playhead) at the playhead'],
  ['M', 'Mute or unmute the selected track'],
  ['Delete', 'Delete the selected clip'],
  ['Ctrl/Cmd + D', 'Duplicate the selected clip'],
  ['Ctrl/Cmd + Z', 'Undo'],
  ['Shift + Ctrl/Cmd + Z', 'Redo'],
  ['L', 'Loop on or off'],
  ['K', 'Metronome on or off'],
  ['+ / −', 'Zoom in / out'],
  ['P', 'Presenter mode on or off (in a lesson; Escape leaves it)'],
  ['Page Down / Page Up', 'Next / previous lesson step (a presentation clicker sends these)'],
  ['?', 'Show this list'],
];

/** The list of keys, as a modal dialog; Escape or the button closes it and focus returns where it was. */
export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => back?.focus();
  }, []);
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
