import { useEffect } from 'react';
import { secondsPerBar, secondsPerBeat } from '../../dsp/musicalTime';
import { findClip } from '../../state/edits';
import type { EarshotStore } from '../../state/store';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/**
 * Global keys (the full list is in ShortcutsOverlay): Space play/pause, Home to the start, L loop, K metronome,
 * +/− zoom, ←/→ nudge the selected clip or move a bar, S split, M mute, Delete, Ctrl/Cmd+Z undo, ? help.
 * Keys typed into a field, and Space or Enter on a focused button, stay with that control.
 */
export function useShortcuts(store: EarshotStore, onHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const s = store.getState();
      const a = s.actions;
      if (e.ctrlKey || e.metaKey) {
        const key = e.key.toLowerCase();
        if (key === 'z' && !e.shiftKey) a.undo();
        else if ((key === 'z' && e.shiftKey) || key === 'y') a.redo();
        else if (key === 'd' && s.selectedClipId) a.duplicateClip(s.selectedClipId);
        else return;
        e.preventDefault();
        return;
      }
      const onButton = e.target instanceof HTMLButtonElement;
      const meter = { bpm: s.project.bpm, beatsPerBar: s.project.beatsPerBar };
      const bar = secondsPerBar(meter);
      const selected = s.selectedClipId ? findClip(s.project, s.selectedClipId) : null;
      if (e.altKey && !(selected && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'))) return;
      switch (e.key) {
        case '?':
          onHelp();
          break;
        case 's':
        case 'S':
          a.splitAt(s.cursorSec);
          break;
        case 'm':
        case 'M':
          if (!s.selectedTrackId) return;
          a.setTrackMute(s.selectedTrackId, !s.project.tracks.find((t) => t.id === s.selectedTrackId)?.mute);
          break;
        case 'Delete':
        case 'Backspace':
          if (!s.selectedClipId) return;
          a.deleteClip(s.selectedClipId);
          break;
        case ' ':
          if (onButton) return;
          a.togglePlay();
          break;
        case 'Home':
          a.seek(0);
          break;
        case 'l':
        case 'L':
          a.setLoopEnabled(!s.project.loop.enabled);
          break;
        case 'k':
        case 'K':
          a.setMetronome(!s.metronome);
          break;
        case '+':
        case '=':
          a.setZoom(s.pxPerSec * 1.5);
          break;
        case '-':
        case '_':
          a.setZoom(s.pxPerSec / 1.5);
          break;
        case 'ArrowLeft':
        case 'ArrowRight': {
          const dir = e.key === 'ArrowLeft' ? -1 : 1;
          if (selected) {
            // Nudge: a beat, or 10 ms with Alt.
            const step = e.altKey ? 0.01 : secondsPerBeat(meter);
            a.moveClip(selected.clip.id, selected.clip.startSec + dir * step);
          } else a.seek(Math.max(0, s.cursorSec + dir * bar));
          break;
        }
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, onHelp]);
}
