import { useEffect, useRef, useState } from 'react';
import { guessProbability } from '../../dsp/stats';
import { useEngine } from '../engineApi';
import { useEarshotStore } from '../StoreContext';

export const ABX_TRIALS = 10;

interface AbxQuizProps {
  readonly title: string;
  readonly score: { readonly correct: number; readonly trials: number };
  readonly onAnswer: (right: boolean) => void;
  readonly onReset: () => void;
  readonly onClose: () => void;
}

/**
 * Blind ABX over the running loudness-matched comparison: X is A or B at random; the user says which, and the score
 * shows how likely guessing would do as well. The screen never shows which side X is.
 */
export function AbxQuiz({ title, score, onAnswer, onReset, onClose }: AbxQuizProps) {
  const engine = useEngine();
  const store = useEarshotStore();
  const [x, setX] = useState<'A' | 'B'>(() => (Math.random() < 0.5 ? 'A' : 'B'));
  const [heard, setHeard] = useState<'A' | 'B' | 'X' | null>(null);
  const [last, setLast] = useState<boolean | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const play = (which: 'A' | 'B' | 'X') => {
    const side = which === 'X' ? x : which;
    engine.selectSide(side);
    const { ab, actions, playState } = store.getState();
    // The store shows the side only for A and B: during X the screen must not give the answer away.
    if (which !== 'X' && ab) actions.setAb({ ...ab, side });
    setHeard(which);
    if (playState !== 'playing') actions.play();
  };
  const answer = (guess: 'A' | 'B') => {
    const right = guess === x;
    onAnswer(right);
    setLast(right);
    setX(Math.random() < 0.5 ? 'A' : 'B');
    setHeard(null);
  };
  const done = score.trials >= ABX_TRIALS;
  const p = guessProbability(score.correct, score.trials);
  return (
    <section className="abx" aria-labelledby="abx-title">
      <h3 id="abx-title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p className="muted">Listen to A (without) and B (with), then to X, which is one of them at random. Which is X?</p>
      <div className="abx-row" role="group" aria-label="Listen">
        {(['A', 'B', 'X'] as const).map((w) => (
          <button key={w} type="button" className="btn" aria-pressed={heard === w} onClick={() => play(w)} disabled={done}>
            Play {w}
          </button>
        ))}
      </div>
      <div className="abx-row" role="group" aria-label="Answer">
        <button type="button" className="btn" onClick={() => answer('A')} disabled={done || heard === null}>
          X is A
        </button>
        <button type="button" className="btn" onClick={() => answer('B')} disabled={done || heard === null}>
          X is B
        </button>
      </div>
      <p role="status" className="abx-score">
        {last !== null && !done && (last ? 'Right. ' : 'Wrong. ')}
        {score.trials > 0
          ? `${score.correct} of ${score.trials} right. The chance of doing this well by guessing: ${(p * 100).toFixed(p < 0.01 ? 2 : 1)}%.`
          : `${ABX_TRIALS} trials.`}
        {done && (p <= 0.05 ? ' You can hear it.' : ' Not shown to be audible (the usual line is 5%).')}
      </p>
      <div className="abx-row">
        <button type="button" className="btn btn-small" onClick={onReset}>
          Start again
        </button>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close ABX
        </button>
      </div>
    </section>
  );
}
