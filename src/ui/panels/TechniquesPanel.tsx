import { useEffect, useState } from 'react';
import { formatDb } from '../../dsp/decibels';
import { TECHNIQUES, applyTechnique, isApplied, removeTechnique, techniqueById } from '../../presets';
import { autoMixTechnique, type AutoMixStep } from '../../presets/autoMix';
import type { EarshotStore } from '../../state/store';
import { AbxQuiz } from '../components/AbxQuiz';
import { ComparisonBounce } from '../components/ComparisonBounce';
import { useEngine, type EngineApi } from '../engineApi';
import { navigate } from '../hooks/useHashRoute';
import { useEarshot, useEarshotStore } from '../StoreContext';
import './TechniquesPanel.css';

/** The stretch both A/B versions are measured over: the loop when it is on, else 12 s from the playhead. */
function excerptOf(store: EarshotStore): { startSec: number; endSec: number } {
  const { project, cursorSec } = store.getState();
  if (project.loop.enabled) return { startSec: project.loop.startSec, endSec: project.loop.endSec };
  const start = Math.max(0, Math.min(cursorSec, project.durationSec - 12));
  return { startSec: start, endSec: Math.min(project.durationSec, start + 12) };
}

/** Applies or removes a technique as one undo step, telling the user what it had to skip. */
function toggleTechnique(store: EarshotStore, id: string): void {
  const t = techniqueById(id);
  if (!t) return;
  const { project, actions } = store.getState();
  if (isApplied(project, id)) {
    actions.updateProject((p) => removeTechnique(p, id));
    return;
  }
  const outcome = applyTechnique(project, t);
  if (outcome.refused) {
    actions.notify('warning', [outcome.refused, ...outcome.skipped].join(' '));
    return;
  }
  actions.updateProject(() => outcome.project);
  if (outcome.skipped.length > 0) actions.notify('info', `${t.name}: ${outcome.skipped.join(' ')}`);
}

/** Starts a loudness-matched A/B of a technique (applying it first, so B is "with"). */
async function startAb(store: EarshotStore, engine: EngineApi, id: string): Promise<void> {
  const t = techniqueById(id);
  if (!t) return;
  if (!isApplied(store.getState().project, id)) toggleTechnique(store, id);
  const { project, actions } = store.getState();
  if (!isApplied(project, id)) return;
  actions.setAb({ techniqueId: id, side: 'B', offsetDb: null });
  try {
    const offsetDb = await engine.compare(removeTechnique(project, id), excerptOf(store));
    if (store.getState().ab?.techniqueId === id) actions.setAb({ techniqueId: id, side: store.getState().ab?.side ?? 'B', offsetDb });
  } catch (e) {
    engine.stopComparing();
    actions.setAb(null);
    actions.notify('error', `The A/B comparison could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Technique toggles, the loudness-matched A/B switch and the ABX quiz. */
export default function TechniquesPanel() {
  const store = useEarshotStore();
  const engine = useEngine();
  const applied = useEarshot((s) => s.project.presets);
  // A lesson's comparison is the lesson's business: this panel shows and ends only technique comparisons.
  const ab = useEarshot((s) => (s.ab && techniqueById(s.ab.techniqueId) ? s.ab : null));
  const abxScores = useEarshot((s) => s.abxScores);
  const actions = useEarshot((s) => s.actions);
  const [focusId, setFocusId] = useState<string>(TECHNIQUES[0]!.id);
  const [abx, setAbx] = useState(false);
  const [autoSteps, setAutoSteps] = useState<readonly AutoMixStep[] | null>(null);
  const autoOn = applied.some((x) => x.id === 'auto-mix');
  const runAutoMix = async () => {
    if (autoOn) {
      actions.updateProject((p) => removeTechnique(p, 'auto-mix'));
      setAutoSteps(null);
      return;
    }
    const t = autoMixTechnique(await engine.analyzeStems());
    const outcome = applyTechnique(store.getState().project, t);
    setAutoSteps(t.steps);
    if (outcome.refused) actions.notify('info', [outcome.refused, ...outcome.skipped].join(' '));
    else actions.updateProject(() => outcome.project);
  };
  const current = techniqueById(ab?.techniqueId ?? focusId) ?? TECHNIQUES[0]!;

  // A comparison ends when its technique is taken out (by a toggle or by undo).
  useEffect(() => {
    if (ab && !applied.some((x) => x.id === ab.techniqueId)) {
      engine.stopComparing();
      actions.setAb(null);
    }
  }, [ab, applied, engine, actions]);
  // Leaving the panel ends the comparison: the mix goes back to what the project says.
  useEffect(
    () => () => {
      const running = store.getState().ab;
      if (!running || !techniqueById(running.techniqueId)) return;
      engine.stopComparing();
      actions.setAb(null);
    },
    [store, engine, actions],
  );

  const flip = () => {
    if (!ab) {
      setAbx(false);
      void startAb(store, engine, current.id);
      return;
    }
    const side = ab.side === 'A' ? 'B' : 'A';
    engine.selectSide(side);
    actions.setAb({ ...ab, side });
  };
  const stop = () => {
    engine.stopComparing();
    actions.setAb(null);
    setAbx(false);
  };

  return (
    <section className="techniques" aria-label="Techniques">
      <ul className="technique-list">
        {TECHNIQUES.map((t) => {
          const on = applied.some((x) => x.id === t.id);
          return (
            <li key={t.id} className={`technique${focusId === t.id ? ' is-focus' : ''}`}>
              <button
                type="button"
                className="btn-technique"
                aria-pressed={on}
                aria-describedby={`technique-${t.id}`}
                onClick={() => {
                  setFocusId(t.id);
                  if (ab) stop();
                  toggleTechnique(store, t.id);
                }}
              >
                {t.name}
              </button>
              <p id={`technique-${t.id}`} className="technique-summary">
                {t.summary}
              </p>
              <a className="technique-link" href={`#/encyclopedia/${t.articleId}`} onClick={(e) => (e.preventDefault(), navigate(`#/encyclopedia/${t.articleId}`))}>
                About {t.name}
              </a>
            </li>
          );
        })}
      </ul>
      <div className="ab-box" role="group" aria-label="Compare">
        <label className="field">
          <span>Compare</span>
          <select
            value={current.id}
            onChange={(e) => {
              if (ab) stop();
              setFocusId(e.currentTarget.value);
            }}
          >
            {TECHNIQUES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-ab" aria-pressed={ab?.side === 'B'} onClick={flip} title="Switch between without (A) and with (B), matched in loudness">
          A/B
        </button>
        <p className="ab-status" role="status">
          {!ab && `Press A/B to hear ${current.name} on and off, matched in loudness.`}
          {ab && `Hearing ${ab.side === 'A' ? `A: without ${current.name}` : `B: with ${current.name}`}. `}
          {ab && ab.offsetDb === null && 'Measuring loudness…'}
          {ab && ab.offsetDb !== null &&
            (Math.abs(ab.offsetDb) < 0.05
              ? 'Both versions are equally loud.'
              : `${ab.offsetDb > 0 ? 'B' : 'A'} turned down ${formatDb(Math.abs(ab.offsetDb)).replace('+', '')} to match.`)}
        </p>
        {ab && (
          <>
            <button type="button" className="btn btn-small" onClick={() => setAbx(true)} disabled={abx || ab.offsetDb === null}>
              Start ABX
            </button>
            <button type="button" className="btn btn-small" onClick={stop}>
              Stop comparing
            </button>
          </>
        )}
      </div>
      <section className="automix" aria-labelledby="automix-title">
        <h3 id="automix-title">Automatic mix</h3>
        <p className="muted">
          Measures every track, then follows three rules a person could follow: balance each part against the lead, make room where two
          parts crowd the same band, and high-pass parts with no real low end. Every step is listed with its reason.
        </p>
        <button type="button" className="btn-technique" aria-pressed={autoOn} onClick={() => void runAutoMix()}>
          Automatic mix
        </button>
        {autoOn && autoSteps && (
          <ol className="automix-steps">
            {autoSteps.map((s, i) => (
              <li key={i}>
                <strong>{s.track}:</strong> {s.what}. <span className="muted">{s.why}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {ab && abx && (
        <AbxQuiz
          title={`Blind ABX: ${current.name}`}
          score={abxScores[ab.techniqueId] ?? { correct: 0, trials: 0 }}
          onAnswer={(right) => actions.recordAbx(ab.techniqueId, right)}
          onReset={() => actions.resetAbx(ab.techniqueId)}
          onClose={() => setAbx(false)}
        />
      )}
      <ComparisonBounce />
    </section>
  );
}
