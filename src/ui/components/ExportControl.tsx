import { useState } from 'react';
import type { ExportSettings } from '../engineApi';
import { useEngine } from '../engineApi';
import { useEarshot } from '../StoreContext';

type Status = { state: 'idle' } | { state: 'rendering'; progress: number } | { state: 'done'; fileName: string } | { state: 'error'; message: string };

function fileNameFor(title: string, s: ExportSettings): string {
  const base = title.replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'earshot-mix';
  return `${base}-${s.sampleRate / 1000}k-${s.bitDepth}bit.wav`;
}

/** "Export mix": renders offline through the playback graph, then downloads a WAV. */
export function ExportControl() {
  const engine = useEngine();
  const title = useEarshot((s) => s.project.title);
  const [settings, setSettings] = useState<ExportSettings>({ sampleRate: 44100, bitDepth: 24 });
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const busy = status.state === 'rendering';

  const run = async () => {
    setStatus({ state: 'rendering', progress: 0 });
    try {
      const blob = await engine.exportMix(settings, (progress) => setStatus({ state: 'rendering', progress }));
      const fileName = fileNameFor(title, settings);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ state: 'done', fileName });
    } catch (err) {
      setStatus({ state: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div className="export" role="group" aria-label="Export">
      <label className="field">
        <select
          aria-label="Export sample rate"
          value={settings.sampleRate}
          disabled={busy}
          onChange={(e) => setSettings({ ...settings, sampleRate: Number(e.currentTarget.value) === 48000 ? 48000 : 44100 })}
        >
          <option value={44100}>44.1 kHz</option>
          <option value={48000}>48 kHz</option>
        </select>
      </label>
      <label className="field">
        <select
          aria-label="Export bit depth"
          value={settings.bitDepth}
          disabled={busy}
          onChange={(e) => setSettings({ ...settings, bitDepth: Number(e.currentTarget.value) === 16 ? 16 : 24 })}
        >
          <option value={24}>24-bit</option>
          <option value={16}>16-bit dithered</option>
        </select>
      </label>
      <button type="button" className="btn btn-export" onClick={() => void run()} disabled={busy}>
        Export mix
      </button>
      <div className="export-status" role="status" aria-live="polite">
        {status.state === 'rendering' && (
          <progress aria-label="Export progress" max={1} value={status.progress}>
            {Math.round(status.progress * 100)}%
          </progress>
        )}
        {status.state === 'done' && <span>Saved {status.fileName}</span>}
        {status.state === 'error' && <span className="error-text">Export failed: {status.message}</span>}
      </div>
    </div>
  );
}
