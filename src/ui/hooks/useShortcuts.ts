import { useEffect } from 'react';
import { secondsPerBar } from '../../dsp/musicalTime';
import type { EarshotStore } from '../../state/store';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/**
 * Global keys: Space play/pause, Home to the start, L loop, K metronome, +/− zoom, ←/→ a bar back/forward.
 * Keys typed into a field, and Space or Enter on a focused button, stay with that control.
 */
export function useShortcuts(store: EarshotStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const s = store.getState();
      const a = s.actions;
      const onButton = e.target instanceof HTMLButtonElement;
      const bar = secondsPerBar({ bpm: s.project.bpm, beatsPerBar: s.project.beatsPerBar });
      switch (e.key) {
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
          a.seek(Math.max(0, s.cursorSec - bar));
          break;
        case 'ArrowRight':
          a.seek(s.cursorSec + bar);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
