/**
 * The course: the lesson list (#/lessons), a lesson step (#/lesson/<id>/<step>, optionally with a shared mix) and
 * a friendly "not found" for anything else. Loaded lazily, with the course data, on the first visit.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { LESSONS, lessonById, lessonNumber, readParam, wikipediaUrl, writeParam, type Lesson } from '../../lessons/course';
import { formatClock } from '../../dsp/musicalTime';
import { articleById } from '../../lessons/encyclopedia';
import {
  answerQuiz,
  isComplete,
  lessonProgress,
  loadProgress,
  markSeen,
  quizScore,
  recordLessonAbx,
  resetLessonAbx,
  saveProgress,
  type CourseProgress,
} from '../../lessons/progress';
import { decodeMix, encodeMix, ShareLinkError } from '../../lessons/share';
import { AbxQuiz } from '../components/AbxQuiz';
import { LabeledSlider } from '../components/LabeledSlider';
import { Meter } from '../components/Meter';
import { useCommands } from '../commandsApi';
import { useEngine } from '../engineApi';
import { formatDb } from '../format';
import { lessonHash, navigate, parseHash, type Route } from '../hooks/useHashRoute';
import { useEarshot, useEarshotStore } from '../StoreContext';
import { formatExplore, lessonAbKey, stepExcerpt, stepMix, withListenMarkers } from './lessonMix';
import './Lessons.css';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));

/** Progress in React state, written through to localStorage on every change. */
function useProgress(): [CourseProgress, (fn: (p: CourseProgress) => CourseProgress) => void] {
  const [progress, setProgress] = useState<CourseProgress>(() => loadProgress());
  const update = useCallback((fn: (p: CourseProgress) => CourseProgress) => {
    setProgress((p) => {
      const next = fn(p);
      if (next !== p) saveProgress(next);
      return next;
    });
  }, []);
  return [progress, update];
}

/** Escape leaves an overlay (back to the mix). */
function useEscapeTo(hash: string): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.stopPropagation();
      navigate(hash);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [hash]);
}

function LessonList() {
  const [progress] = useProgress();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEscapeTo('#/');
  return (
    <div className="overlay" onClick={(e) => e.target === e.currentTarget && navigate('#/')}>
      <div className="lesson-list" role="dialog" aria-modal="true" aria-labelledby="lesson-list-title">
        <header className="enc-header">
          <h1 id="lesson-list-title" ref={heading} tabIndex={-1}>
            Lessons
          </h1>
          <button type="button" className="btn" onClick={() => navigate('#/')}>
            Close lessons
          </button>
        </header>
        <p className="muted lesson-list-intro">Fourteen short lessons, each on the demo song. Every step sets up the mix for you and says what to listen for.</p>
        <ol className="lesson-links">
          {LESSONS.map((l) => {
            const p = lessonProgress(progress, l.id);
            const done = isComplete(l, p);
            return (
              <li key={l.id} className={done ? 'is-done' : undefined}>
                <a href={lessonHash(l.id, 1)}>{l.title}</a>
                <span className="lesson-link-progress">
                  {done ? 'Done' : p.seen.length > 0 ? `${p.seen.length} of ${l.steps.length} steps heard` : `${l.steps.length} steps`}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}

/** What a bad link shows: what was wrong, and ways back. Nothing has been applied. */
function NotFound({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <aside className="lesson lesson-missing" aria-labelledby="lesson-missing-title">
      <h2 id="lesson-missing-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>{children}</p>
      <ul className="lesson-ways-back">
        {extra}
        <li>
          <a href="#/lessons">See all lessons</a>
        </li>
        <li>
          <a href="#/">Back to the mix</a>
        </li>
      </ul>
    </aside>
  );
}

function AbBox({ lesson, stepIndex, presenter, progress, update }: { lesson: Lesson; stepIndex: number; presenter: boolean; progress: CourseProgress; update: (fn: (p: CourseProgress) => CourseProgress) => void }) {
  const store = useEarshotStore();
  const engine = useEngine();
  const commands = useCommands();
  const key = lessonAbKey(lesson);
  const ab = useEarshot((s) => (s.ab?.techniqueId === key ? s.ab : null));
  const [abx, setAbx] = useState(false);
  const step = lesson.steps[stepIndex]!;
  const compare = step.compare;

  const start = async () => {
    if (!compare) return;
    const { actions } = store.getState();
    try {
      const demo = await commands.demoProject();
      const b = stepMix(demo, step, compare.b);
      // B is what plays in the mixer: the step's "with" mix.
      if (JSON.stringify(b) !== JSON.stringify(store.getState().project)) commands.openDemoMix(b);
      actions.setAb({ techniqueId: key, side: 'B', offsetDb: null });
      // Play from where the difference is, unless the listener is already inside that stretch.
      const excerpt = stepExcerpt(step, b.durationSec);
      const at = engine.getPositionSec();
      if (at < excerpt.startSec || at > excerpt.endSec) actions.seek(excerpt.startSec);
      const offsetDb = await engine.compare(stepMix(demo, step, compare.a), excerpt);
      const now = store.getState().ab;
      if (now?.techniqueId === key) actions.setAb({ ...now, offsetDb });
    } catch (e) {
      engine.stopComparing();
      actions.setAb(null);
      actions.notify('error', `The A/B comparison could not start: ${errorText(e)}`);
    }
  };
  const flip = () => {
    if (!ab) {
      setAbx(false);
      void start();
      return;
    }
    const side = ab.side === 'A' ? 'B' : 'A';
    engine.selectSide(side);
    store.getState().actions.setAb({ ...ab, side });
  };
  const stop = () => {
    if (store.getState().ab?.techniqueId === key) {
      engine.stopComparing();
      store.getState().actions.setAb(null);
    }
    setAbx(false);
  };

  if (!compare) {
    return (
      <section className="lesson-ab" aria-label="Compare">
        <p className="muted">This step is for listening: press Play and follow the markers.</p>
        {presenter && <Meter source="master" label="Master" readout />}
      </section>
    );
  }
  const [labelA, labelB] = compare.label.split(' / ');
  return (
    <section className="lesson-ab" aria-label="Compare">
      <h3 className="lesson-ab-title">{compare.label}</h3>
      <div className="lesson-ab-row">
        <button type="button" className="btn btn-ab" aria-pressed={ab?.side === 'B'} onClick={flip} title="Switch between A and B, matched in loudness">
          A/B
        </button>
        <p className="lesson-ab-sides" aria-hidden="true">
          <span className={ab?.side === 'A' ? 'is-on' : undefined}>A</span>
          <span className={ab?.side === 'B' ? 'is-on' : undefined}>B</span>
        </p>
        {presenter && <Meter source="master" label="Master" readout />}
      </div>
      <p className="ab-status" role="status">
        {!ab && `Press A/B to switch between A (${labelA ?? 'without'}) and B (${labelB ?? 'with'}), matched in loudness.`}
        {ab && `Hearing ${ab.side}: ${(ab.side === 'A' ? labelA : labelB) ?? ''}. `}
        {ab && ab.offsetDb === null && 'Measuring loudness…'}
        {ab &&
          ab.offsetDb !== null &&
          (Math.abs(ab.offsetDb) < 0.05 ? 'Both are equally loud.' : `${ab.offsetDb > 0 ? 'B' : 'A'} turned down ${formatDb(Math.abs(ab.offsetDb)).replace('+', '')} to match.`)}
      </p>
      {ab && (
        <div className="lesson-ab-row">
          <button type="button" className="btn btn-small lesson-btn" onClick={() => setAbx(true)} disabled={abx || ab.offsetDb === null}>
            Start ABX
          </button>
          <button type="button" className="btn btn-small lesson-btn" onClick={stop}>
            Stop comparing
          </button>
        </div>
      )}
      {ab && abx && (
        <AbxQuiz
          title={`Blind ABX: ${compare.label}`}
          score={lessonProgress(progress, lesson.id).abx ?? { correct: 0, trials: 0 }}
          onAnswer={(right) => update((p) => recordLessonAbx(p, lesson.id, right))}
          onReset={() => update((p) => resetLessonAbx(p, lesson.id))}
          onClose={() => setAbx(false)}
        />
      )}
    </section>
  );
}

function Explore({ lesson }: { lesson: Lesson }) {
  const project = useEarshot((s) => s.project);
  const actions = useEarshot((s) => s.actions);
  return (
    <section className="lesson-explore" aria-labelledby="lesson-explore-title">
      <h3 id="lesson-explore-title">Explore</h3>
      <p className="muted">Move these on the mix you just heard. Each says what people usually set.</p>
      {lesson.explore.map((c) => {
        const value = readParam(project, c.stripId, c.param);
        return (
          <div key={`${c.stripId}.${c.param}`} className="lesson-explore-control" onPointerDown={actions.beginGesture} onPointerUp={actions.endGesture} onPointerCancel={actions.endGesture}>
            <LabeledSlider
              label={c.label}
              value={value ?? c.min}
              min={c.min}
              max={c.max}
              step={c.step ?? (c.max - c.min) / 100}
              format={(v) => (value === undefined ? 'not in this mix' : formatExplore(c, v))}
              disabled={value === undefined}
              onChange={(v) => actions.updateProject((p) => writeParam(p, c.stripId, c.param, v))}
            />
            <p className="lesson-typical">{c.typical}</p>
          </div>
        );
      })}
    </section>
  );
}

function Quiz({ lesson, progress, update }: { lesson: Lesson; progress: CourseProgress; update: (fn: (p: CourseProgress) => CourseProgress) => void }) {
  const mine = lessonProgress(progress, lesson.id);
  const score = quizScore(lesson, mine);
  return (
    <section className="lesson-quiz" aria-labelledby="lesson-quiz-title">
      <h3 id="lesson-quiz-title">Check yourself</h3>
      {lesson.quiz.map((q, qi) => {
        const picked = mine.quiz[String(qi)];
        return (
          <fieldset key={qi} className="lesson-question">
            <legend>{q.question}</legend>
            {q.choices.map((c, ci) => (
              <label key={ci} className="lesson-choice">
                <input type="radio" name={`${lesson.id}-q${qi}`} checked={picked === ci} onChange={() => update((p) => answerQuiz(p, lesson.id, qi, ci))} />
                {c}
              </label>
            ))}
            {picked !== undefined && (
              <p className={picked === q.answer ? 'lesson-right' : 'lesson-wrong'} role="status">
                {picked === q.answer ? 'Right. ' : 'Not quite. '}
                {q.why}
              </p>
            )}
          </fieldset>
        );
      })}
      <p className="muted">
        {score.answered} of {lesson.quiz.length} answered, {score.right} right.
      </p>
    </section>
  );
}

function ShareBox({ lesson, stepIndex }: { lesson: Lesson; stepIndex: number }) {
  const store = useEarshotStore();
  const [link, setLink] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const share = async () => {
    try {
      const payload = await encodeMix(store.getState().project);
      const url = `${location.origin}${location.pathname}${location.search}${lessonHash(lesson.id, stepIndex + 1)}?mix=${payload}`;
      setLink(url);
      try {
        await navigator.clipboard.writeText(url);
        setMessage('Link copied. It opens this step with the mix as it is now.');
      } catch {
        setMessage('Copy the link below. It opens this step with the mix as it is now.');
      }
    } catch (e) {
      setLink(null);
      setMessage(e instanceof ShareLinkError ? e.message : `The link could not be made: ${errorText(e)}`);
    }
  };
  return (
    <div className="lesson-share">
      <button type="button" className="btn lesson-btn" onClick={() => void share()}>
        Share
      </button>
      <p role="status" className="muted">
        {message}
      </p>
      {link && <input className="lesson-share-link" readOnly aria-label="Share link" value={link} onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}

interface LessonViewProps {
  readonly lesson: Lesson;
  readonly stepIndex: number;
  readonly mix: string | null;
  readonly presenter: boolean;
  readonly onPresenter: (on: boolean) => void;
}

function LessonView({ lesson, stepIndex, mix, presenter, onPresenter }: LessonViewProps) {
  const store = useEarshotStore();
  const engine = useEngine();
  const commands = useCommands();
  const [progress, update] = useProgress();
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState<string | null>(null);
  const step = lesson.steps[stepIndex]!;
  const key = `${lesson.id}/${stepIndex}/${mix ?? ''}`;
  const latest = useRef(key);
  const applied = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const abKey = lessonAbKey(lesson);

  // Opening a step (or a shared mix) sets up its mix once: one undo step. A bad share link applies nothing.
  useEffect(() => {
    latest.current = key;
    if (applied.current === key) return;
    applied.current = key;
    setFailure(null);
    if (store.getState().ab?.techniqueId === abKey) {
      engine.stopComparing();
      store.getState().actions.setAb(null);
    }
    void (async () => {
      try {
        const demo = await commands.demoProject();
        const project = mix ? withListenMarkers(await decodeMix(mix, demo), step) : stepMix(demo, step);
        if (latest.current !== key) return;
        commands.openDemoMix(project);
        store.getState().actions.seek(step.markers[0]?.timeSec ?? 0);
        update((p) => markSeen(p, lesson.id, stepIndex));
        setReady(key);
      } catch (e) {
        if (latest.current !== key) return;
        setFailure(e instanceof ShareLinkError ? e.message : `The demo song could not be loaded: ${errorText(e)}`);
      }
    })();
  }, [key, mix, step, lesson.id, stepIndex, store, engine, commands, update, abKey]);

  // Leaving the lesson ends its comparison.
  useEffect(
    () => () => {
      if (store.getState().ab?.techniqueId === abKey) {
        engine.stopComparing();
        store.getState().actions.setAb(null);
      }
    },
    [store, engine, abKey],
  );

  useEffect(() => {
    if (ready === key) heading.current?.focus({ preventScroll: false });
  }, [ready, key]);

  const last = lesson.steps.length - 1;
  const go = useCallback((i: number) => navigate(lessonHash(lesson.id, Math.max(0, Math.min(last, i)) + 1)), [lesson.id, last]);

  // A presentation clicker sends PageDown / PageUp: next and previous step.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      // Read the step from the address, not from this render: two quick presses must move two steps.
      const now = parseHash(window.location.hash);
      const at = now.page === 'lesson' && now.lessonId === lesson.id && now.step > 0 ? now.step - 1 : stepIndex;
      if (e.key === 'PageDown' && at < last) go(at + 1);
      else if (e.key === 'PageUp' && at > 0) go(at - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, stepIndex, last, lesson.id]);

  if (failure) {
    return (
      <NotFound
        title="This link could not be opened"
        extra={
          mix ? (
            <li>
              <a href={lessonHash(lesson.id, stepIndex + 1)}>Open the step without the shared mix</a>
            </li>
          ) : null
        }
      >
        {failure} Nothing in your mix was changed.
      </NotFound>
    );
  }

  const article = articleById(lesson.articleId);
  const number = lessonNumber(lesson.id);
  const next = LESSONS[number];
  return (
    <aside className="lesson" aria-labelledby="lesson-title">
      <div className="lesson-main">
        <header className="lesson-head">
          <p className="lesson-kicker">
            Lesson {number} of {LESSONS.length}
          </p>
          <div className="lesson-head-buttons">
            <button type="button" className="btn lesson-btn" aria-pressed={presenter} onClick={() => onPresenter(!presenter)} title="Presenter mode (P)">
              Presenter mode
            </button>
            <button type="button" className="btn btn-small" aria-label="Close lesson" title="Close lesson" onClick={() => navigate('#/')}>
              ×
            </button>
          </div>
          <h2 id="lesson-title" className="lesson-title">
            {lesson.title}
          </h2>
          <p className="lesson-goal">{lesson.goal}</p>
        </header>
        <nav className="lesson-steps" aria-label="Steps">
          <ol>
            {lesson.steps.map((s, i) => (
              <li key={i}>
                <a href={lessonHash(lesson.id, i + 1)} aria-current={i === stepIndex ? 'step' : undefined} title={s.title}>
                  <span className="visually-hidden">Step </span>
                  {i + 1}
                  {lessonProgress(progress, lesson.id).seen.includes(i) && <span className="visually-hidden"> (heard)</span>}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <section className="lesson-step" aria-labelledby="lesson-step-title">
          <h3 id="lesson-step-title" ref={heading} tabIndex={-1}>
            Step {stepIndex + 1} of {lesson.steps.length}: {step.title}
          </h3>
          <p className="lesson-listen" aria-busy={ready !== key}>
            {step.listenFor}
          </p>
          <div className="lesson-markers" role="group" aria-label="Listen here">
            {step.markers.map((m, i) => (
              <button key={i} type="button" className="btn btn-marker" onClick={() => store.getState().actions.seek(m.timeSec)}>
                <span className="lesson-marker-time">{formatClock(m.timeSec)}</span> {m.label}
              </button>
            ))}
          </div>
        </section>
      </div>
      <div className="lesson-side">
        <AbBox key={stepIndex} lesson={lesson} stepIndex={stepIndex} presenter={presenter} progress={progress} update={update} />
        <div className="lesson-nav">
          <button type="button" className="btn lesson-btn" onClick={() => go(stepIndex - 1)} disabled={stepIndex === 0}>
            Previous step
          </button>
          <button type="button" className="btn lesson-btn lesson-next" onClick={() => go(stepIndex + 1)} disabled={stepIndex === last}>
            Next step
          </button>
        </div>
        {stepIndex === last && !presenter && <Explore lesson={lesson} />}
        {stepIndex === last && <Quiz lesson={lesson} progress={progress} update={update} />}
        {stepIndex === last && next && (
          <p>
            Next lesson: <a href={lessonHash(next.id, 1)}>{next.title}</a>
          </p>
        )}
        <footer className="lesson-links-row">
          <button type="button" className="btn lesson-btn" onClick={() => navigate(`#/encyclopedia/${lesson.articleId}`)} disabled={!article}>
            Open article
          </button>
          <a className="lesson-wiki" href={wikipediaUrl(lesson.wikipediaTitle)} target="_blank" rel="noopener noreferrer">
            Wikipedia: {lesson.wikipediaTitle}
          </a>
          {!presenter && <ShareBox lesson={lesson} stepIndex={stepIndex} />}
        </footer>
      </div>
    </aside>
  );
}

interface LessonRouteProps {
  readonly route: Extract<Route, { page: 'lessons' | 'lesson' }>;
  readonly presenter: boolean;
  readonly onPresenter: (on: boolean) => void;
}

export default function LessonRoute({ route, presenter, onPresenter }: LessonRouteProps) {
  if (route.page === 'lessons') return <LessonList />;
  const lesson = route.lessonId ? lessonById(route.lessonId) : undefined;
  if (!lesson) {
    return (
      <NotFound title="Lesson not found">
        {route.lessonId ? `There is no lesson called "${route.lessonId}".` : 'That link does not name a lesson.'} Nothing in your mix was changed.
      </NotFound>
    );
  }
  if (route.step < 1 || route.step > lesson.steps.length) {
    return (
      <NotFound
        title="Step not found"
        extra={
          <li>
            <a href={lessonHash(lesson.id, 1)}>Start {lesson.title} at step 1</a>
          </li>
        }
      >
        {lesson.title} has steps 1 to {lesson.steps.length}. Nothing in your mix was changed.
      </NotFound>
    );
  }
  if (route.mix === '!') {
    return (
      <NotFound
        title="This link could not be opened"
        extra={
          <li>
            <a href={lessonHash(lesson.id, route.step)}>Open the step without the shared mix</a>
          </li>
        }
      >
        The shared link is damaged: its mix is not valid base64url text, or is too long. Nothing in your mix was changed.
      </NotFound>
    );
  }
  return <LessonView key={lesson.id} lesson={lesson} stepIndex={route.step - 1} mix={route.mix} presenter={presenter} onPresenter={onPresenter} />;
}
