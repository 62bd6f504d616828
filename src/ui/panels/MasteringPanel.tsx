import { useEffect, useRef, useState } from 'react';
import { formatDb } from '../../dsp/decibels';
import { LOUDNESS_TARGETS, resolveTarget, STREAMING_REFERENCE_LUFS, type LoudnessAnalysis, type LoudnessTargetId, type MasteringSettings } from '../../state/mastering';
import { LabeledSlider } from '../components/LabeledSlider';
import { ProgressAction } from '../components/ProgressAction';
import { useEngine } from '../engineApi';
import { onThrottled } from '../frameLoop';
import { useEarshot } from '../StoreContext';

/** "−14.0 LUFS"; "—" while a figure is not defined yet (silence, or too little audio). */
export function formatLoudness(v: number, unit: string, digits = 1): string {
  if (!Number.isFinite(v)) return '—';
  const r = Number(v.toFixed(digits));
  return `${r < 0 ? '−' : ''}${Math.abs(r).toFixed(digits)} ${unit}`;
}

const HISTORY_FLOOR = -40;
const HISTORY_CEIL = -5;

/** The live BS.1770 meter of the master output: momentary, short-term, integrated, LRA, true peak, history. */
function LiveLoudnessMeter() {
  const engine = useEngine();
  const target = useEarshot((s) => resolveTarget(s.project.master.mastering));
  const readouts = useRef<HTMLDListElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const targetLufs = target.lufs;

  useEffect(() => {
    const cells = new Map<string, HTMLElement>();
    readouts.current?.querySelectorAll<HTMLElement>('[data-readout]').forEach((el) => cells.set(el.dataset.readout!, el));
    // The worklet reports 10 times a second; draw at that rate. It sits at the bottom, with the meters.
    return onThrottled(() => {
      const r = engine.readLoudness();
      if (!r) return;
      const set = (key: string, text: string) => {
        const el = cells.get(key);
        if (el && el.textContent !== text) el.textContent = text;
      };
      // Below −70 LUFS the gate ignores it anyway; show silence rather than a filter's dying tail.
      const floor = (v: number) => (v < -70 ? -Infinity : v);
      set('m', formatLoudness(floor(r.momentary), 'LUFS'));
      set('s', formatLoudness(floor(r.shortTerm), 'LUFS'));
      set('i', formatLoudness(r.integrated, 'LUFS'));
      set('lra', formatLoudness(r.lra, 'LU'));
      set('tp', formatLoudness(r.truePeakMaxDb, 'dBTP'));
      set('gr', formatDb(-engine.limiterReductionDb()));
      const c = canvas.current;
      const h = engine.loudnessHistory();
      if (!c || !h) return;
      const g = c.getContext('2d');
      if (!g) return;
      const { width, height } = c;
      const y = (lufs: number) => height - ((Math.max(HISTORY_FLOOR, Math.min(HISTORY_CEIL, lufs)) - HISTORY_FLOOR) / (HISTORY_CEIL - HISTORY_FLOOR)) * height;
      g.clearRect(0, 0, width, height);
      g.strokeStyle = 'rgba(255,181,71,0.9)';
      g.setLineDash([6, 6]);
      g.beginPath();
      g.moveTo(0, y(targetLufs));
      g.lineTo(width, y(targetLufs));
      g.stroke();
      g.setLineDash([]);
      const slots = Math.round(60 / h.intervalSec);
      const draw = (series: Float32Array, color: string, lineWidth: number) => {
        g.strokeStyle = color;
        g.lineWidth = lineWidth;
        g.beginPath();
        for (let k = 0; k < h.count; k++) {
          const x = width - ((h.count - 1 - k) / slots) * width;
          const v = series[k]!;
          if (k === 0) g.moveTo(x, y(Number.isFinite(v) ? v : HISTORY_FLOOR));
          else g.lineTo(x, y(Number.isFinite(v) ? v : HISTORY_FLOOR));
        }
        g.stroke();
      };
      draw(h.momentary, 'rgba(92,200,255,0.55)', 1);
      draw(h.shortTerm, '#5ee69a', 2.5);
    }, { intervalMs: 100, awayFromPlayhead: true });
  }, [engine, targetLufs]);

  return (
    <section className="master-card loudness-live" aria-label="Loudness meter">
      <h2>Loudness (ITU-R BS.1770)</h2>
      <dl className="readouts" ref={readouts}>
        <div>
          <dt>Momentary</dt>
          <dd data-readout="m" data-testid="loudness-momentary">—</dd>
        </div>
        <div>
          <dt>Short-term</dt>
          <dd data-readout="s" data-testid="loudness-short-term">—</dd>
        </div>
        <div className="readout-main">
          <dt>Integrated</dt>
          <dd data-readout="i" data-testid="loudness-integrated">—</dd>
        </div>
        <div>
          <dt>Range (LRA)</dt>
          <dd data-readout="lra">—</dd>
        </div>
        <div>
          <dt>True peak max</dt>
          <dd data-readout="tp" data-testid="loudness-true-peak">—</dd>
        </div>
        <div>
          <dt>Limiter</dt>
          <dd data-readout="gr">0.0 dB</dd>
        </div>
      </dl>
      <canvas ref={canvas} className="loudness-history" width={560} height={120} role="img" aria-label={`Loudness over the last minute: short-term in green, momentary in blue, the ${formatLoudness(targetLufs, 'LUFS')} target dashed`} />
      <button type="button" className="btn btn-small-text" onClick={() => engine.resetLoudness()}>
        Reset loudness meter
      </button>
    </section>
  );
}

function ChainControls() {
  const m = useEarshot((s) => s.project.master.mastering);
  const update = useEarshot((s) => s.actions.updateMastering);
  const set = (patch: (x: MasteringSettings) => MasteringSettings) => update(patch);
  const off = !m.enabled;
  return (
    <section className="master-card" aria-label="Mastering chain">
      <h2>
        <label className="check">
          <input type="checkbox" checked={m.enabled} onChange={(e) => set((x) => ({ ...x, enabled: e.currentTarget.checked }))} /> Mastering chain
        </label>
      </h2>
      <div className="chain-grid">
        <LabeledSlider label="Low shelf" value={m.eq.lowShelfDb} min={-12} max={12} step={0.5} format={(v) => formatDb(v)} disabled={off} onChange={(v) => set((x) => ({ ...x, eq: { ...x.eq, lowShelfDb: v } }))} />
        <LabeledSlider label="Mid bell" value={m.eq.bellDb} min={-12} max={12} step={0.5} format={(v) => formatDb(v)} disabled={off} onChange={(v) => set((x) => ({ ...x, eq: { ...x.eq, bellDb: v } }))} />
        <LabeledSlider label="Bell frequency" value={m.eq.bellHz} min={200} max={8000} step={10} format={(v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} kHz` : `${v} Hz`)} disabled={off} onChange={(v) => set((x) => ({ ...x, eq: { ...x.eq, bellHz: v } }))} />
        <LabeledSlider label="High shelf" value={m.eq.highShelfDb} min={-12} max={12} step={0.5} format={(v) => formatDb(v)} disabled={off} onChange={(v) => set((x) => ({ ...x, eq: { ...x.eq, highShelfDb: v } }))} />
        <label className="check">
          <input type="checkbox" checked={m.glue.enabled} disabled={off} onChange={(e) => set((x) => ({ ...x, glue: { ...x.glue, enabled: e.currentTarget.checked } }))} /> Glue compressor{' '}
          <span className="muted">
            {m.glue.ratio}:1, {m.glue.attackMs}/{m.glue.releaseMs} ms
          </span>
        </label>
        <LabeledSlider label="Glue threshold" value={m.glue.thresholdDb} min={-40} max={0} step={0.5} format={(v) => formatDb(v)} disabled={off || !m.glue.enabled} onChange={(v) => set((x) => ({ ...x, glue: { ...x.glue, thresholdDb: v } }))} />
        <LabeledSlider label="Stereo width" value={m.widthPct} min={0} max={200} step={5} format={(v) => `${v}%`} disabled={off} onChange={(v) => set((x) => ({ ...x, widthPct: v }))} />
        <LabeledSlider label="Master gain" value={m.gainDb} min={-12} max={24} step={0.1} format={(v) => formatDb(v)} disabled={off} onChange={(v) => set((x) => ({ ...x, gainDb: v }))} />
        <label className="check">
          <input type="checkbox" checked={m.limiter.enabled} onChange={(e) => set((x) => ({ ...x, limiter: { ...x.limiter, enabled: e.currentTarget.checked } }))} /> True-peak limiter
        </label>
        <LabeledSlider label="Ceiling" value={m.limiter.ceilingDb} min={-6} max={0} step={0.1} format={(v) => formatLoudness(v, 'dBTP')} disabled={!m.limiter.enabled} onChange={(v) => set((x) => ({ ...x, limiter: { ...x.limiter, ceilingDb: v } }))} />
        <LabeledSlider label="Limiter release" value={m.limiter.releaseMs} min={10} max={1000} step={10} format={(v) => `${v} ms`} disabled={!m.limiter.enabled} onChange={(v) => set((x) => ({ ...x, limiter: { ...x.limiter, releaseMs: v } }))} />
      </div>
    </section>
  );
}

function AnalysisRow({ a }: { a: LoudnessAnalysis }) {
  return (
    <tr>
      <th scope="row">{a.subject}</th>
      <td>{formatLoudness(a.integratedLufs, 'LUFS')}</td>
      <td>{formatLoudness(a.lra, 'LU')}</td>
      <td>{formatLoudness(a.truePeakDb, 'dBTP')}</td>
      <td>{formatLoudness(a.plr, 'dB')}</td>
    </tr>
  );
}

function TargetAndAnalysis() {
  const engine = useEngine();
  const m = useEarshot((s) => s.project.master.mastering);
  const actions = useEarshot((s) => s.actions);
  const report = useEarshot((s) => s.autoMasterReport);
  const mix = useEarshot((s) => s.mixAnalysis);
  const stale = useEarshot((s) => s.mixAnalysis !== null && s.mixAnalysisOf !== s.project);
  const file = useEarshot((s) => s.fileAnalysis);
  const preview = useEarshot((s) => s.streamingPreview);
  const [fileError, setFileError] = useState<string | null>(null);
  const target = resolveTarget(m);
  const turnDown = preview && mix && Number.isFinite(mix.integratedLufs) ? Math.min(0, STREAMING_REFERENCE_LUFS - mix.integratedLufs) : 0;
  const hit = report ? Math.abs(report.after.integratedLufs - report.target.lufs) <= 0.5 && report.after.truePeakDb <= report.target.ceilingDb + 0.05 : false;

  return (
    <section className="master-card" aria-label="Loudness target and analysis">
      <h2>Target</h2>
      <div className="target-row">
        <label className="field">
          <span>Target</span>
          <select aria-label="Loudness target" value={m.targetId} onChange={(e) => actions.updateMastering((x) => ({ ...x, targetId: e.currentTarget.value as LoudnessTargetId }))}>
            {LOUDNESS_TARGETS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </label>
        {m.targetId === 'custom' && (
          <>
            <label className="field">
              <span>LUFS</span>
              <input type="number" aria-label="Custom loudness target (LUFS)" min={-40} max={-5} step={0.5} value={m.customLufs} onChange={(e) => actions.updateMastering((x) => ({ ...x, customLufs: Number(e.currentTarget.value) }))} />
            </label>
            <label className="field">
              <span>dBTP</span>
              <input type="number" aria-label="Custom true-peak ceiling (dBTP)" min={-12} max={0} step={0.1} value={m.customCeilingDb} onChange={(e) => actions.updateMastering((x) => ({ ...x, customCeilingDb: Number(e.currentTarget.value) }))} />
            </label>
          </>
        )}
        <ProgressAction label="Auto-master" className="btn btn-accent" run={(p) => engine.autoMaster(p)} />
      </div>
      {report && (
        <p className={`report ${hit ? 'report-ok' : 'report-miss'}`} data-testid="auto-master-report">
          Target {formatLoudness(report.target.lufs, 'LUFS')}, ceiling {formatLoudness(report.target.ceilingDb, 'dBTP')}. Measured after:{' '}
          <strong>{formatLoudness(report.after.integratedLufs, 'LUFS')}</strong>, true peak <strong>{formatLoudness(report.after.truePeakDb, 'dBTP')}</strong> (was{' '}
          {formatLoudness(report.before.integratedLufs, 'LUFS')}). Gain into the limiter: {formatDb(report.gainDb)}. {hit ? 'On target.' : 'Off target: see the figures.'}
        </p>
      )}
      <p className="target-note muted">
        Auto-master only sets one gain and the limiter ceiling from a measurement. It does not judge balance, tone or dynamics: that is still your job.
      </p>
      <div className="preview-row">
        <button type="button" className="btn btn-toggle" aria-pressed={preview} onClick={() => actions.setStreamingPreview(!preview)}>
          Streaming preview
        </button>
        <span className="muted" role="status">
          {preview
            ? mix
              ? turnDown < 0
                ? `Turned down ${formatDb(turnDown)} to ${formatLoudness(STREAMING_REFERENCE_LUFS, 'LUFS')}, as a streaming service would.`
                : 'At or below the streaming reference: a service would leave it as it is.'
              : 'Analyze the mix first, so the preview knows how loud it is.'
            : `Hear the master as a service normalising to ${formatLoudness(STREAMING_REFERENCE_LUFS, 'LUFS')} would play it.`}
        </span>
      </div>
      <h2>Analysis</h2>
      <div className="target-row">
        <ProgressAction label="Analyze mix" run={(p) => engine.analyzeMix(p)} />
        <label className="btn file-btn">
          Analyze a file…
          <input
            type="file"
            accept="audio/*,.wav,.flac,.mp3,.ogg,.m4a"
            aria-label="Analyze a file"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!f) return;
              setFileError(null);
              engine.analyzeFile(f).catch((err: unknown) => setFileError(err instanceof Error ? err.message : String(err)));
            }}
          />
        </label>
        {fileError && (
          <span className="error-text" role="alert">
            {fileError}
          </span>
        )}
      </div>
      <table className="analysis">
        <thead>
          <tr>
            <th scope="col">Measured</th>
            <th scope="col">Integrated</th>
            <th scope="col">LRA</th>
            <th scope="col">True peak</th>
            <th scope="col">PLR</th>
          </tr>
        </thead>
        <tbody>
          {mix && <AnalysisRow a={mix} />}
          {file && <AnalysisRow a={file} />}
          {!mix && !file && (
            <tr>
              <td colSpan={5} className="muted">
                Nothing measured yet: press Analyze mix.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {stale && <p className="muted">The mix has changed since it was measured: press Analyze mix for current figures.</p>}
      <p className="muted">Target for the chosen setting: {target.label}.</p>
    </section>
  );
}

/** The mastering section: live loudness, the chain, the target, auto-master, streaming preview and analysis. */
export default function MasteringPanel() {
  return (
    <div className="mastering">
      <LiveLoudnessMeter />
      <ChainControls />
      <TargetAndAnalysis />
    </div>
  );
}
