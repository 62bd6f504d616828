import * as Tone from 'tone';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AudioEngine } from '../../src/engine/AudioEngine';
import { bindStore, resumeAudioIfInterrupted } from '../../src/engine/bindStore';
import { createEarshotStore, type AudioStatus, type EarshotStore } from '../../src/state/store';
import { AudioStatusBanner } from '../../src/ui/components/AudioStatusBanner';
import { StoreContext } from '../../src/ui/StoreContext';
import { project, sineBuffer, track } from './helpers';

/**
 * The system takes the audio away (another app grabs the device, a call, a sleeping laptop): a realtime AudioContext
 * suspended from outside while the song plays, as the OS would, and what the store and the status banner report.
 */

interface Live {
  readonly raw: AudioContext;
  readonly engine: AudioEngine;
  readonly store: EarshotStore;
  /** Every audio status the store reported, in order. */
  readonly statuses: AudioStatus[];
}

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
  vi.restoreAllMocks();
});

/** A realtime engine bound to a store, playing a quiet tone (or, with start: false, never started). */
async function live(options: { start?: boolean } = {}): Promise<Live> {
  const raw = new AudioContext({ latencyHint: 'interactive' });
  // The tests' Chromium allows audio without a gesture; suspending first stands in for the autoplay policy.
  if (options.start === false) await raw.suspend();
  else await raw.resume();
  const context = new Tone.Context({ context: raw, lookAhead: 0.05 });
  const engine = await AudioEngine.create({ context, meters: false });
  engine.library.buffers.set('tone', sineBuffer(440, 10, 0.05, raw.sampleRate));
  const store = createEarshotStore(project([track('tone', {}, 10)], 10));
  const statuses: AudioStatus[] = [];
  const unsubscribe = store.subscribe((s) => s.audioStatus, (s) => statuses.push(s));
  const unbind = bindStore(store, engine);
  cleanups.push(async () => {
    unsubscribe();
    unbind();
    engine.dispose();
    if (raw.state !== 'closed') await raw.close();
  });
  return { raw, engine, store, statuses };
}

/** Renders the status banner for a store; returns its container. */
function banner(store: EarshotStore): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  flushSync(() => root.render(createElement(StoreContext.Provider, { value: store }, createElement(AudioStatusBanner))));
  cleanups.push(async () => {
    root.unmount();
    el.remove();
  });
  return el;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function playing(l: Live): Promise<void> {
  l.store.getState().actions.play();
  await vi.waitFor(() => expect(l.engine.transport.state).toBe('started'));
  await settle(200);
}

describe('AudioContext interruptions (a realtime context, suspended from outside)', () => {
  it('a suspend during playback is won back at once: playback pauses, goes on, and a notice says what happened', async () => {
    const l = await live();
    expect(l.store.getState().audioStatus).toBe('running');
    await playing(l);
    await l.raw.suspend();
    await vi.waitFor(() => {
      expect(l.raw.state).toBe('running');
      expect(l.store.getState().audioStatus).toBe('running');
      expect(l.store.getState().playState).toBe('playing');
    });
    expect(l.statuses).toContain('interrupted');
    expect(l.store.getState().notice).toMatchObject({ kind: 'info', message: expect.stringContaining('interrupted') as unknown });
    // The song goes on from where it was.
    const before = l.engine.getPositionSec();
    await settle(300);
    expect(l.engine.getPositionSec() - before).toBeGreaterThan(0.15);
  });

  it('when the system keeps the audio, the banner says so, and its Resume audio button brings it back', async () => {
    const l = await live();
    await playing(l);
    const el = banner(l.store);
    expect(el.textContent).toBe('');
    // The engine's own attempt is refused, as a browser refuses one without a gesture.
    const resume = vi.spyOn(l.raw, 'resume').mockRejectedValueOnce(new DOMException('not allowed', 'NotAllowedError'));
    await l.raw.suspend();
    await vi.waitFor(() => expect(resume).toHaveBeenCalledTimes(1));
    await settle(200);
    expect(l.raw.state).toBe('suspended');
    expect(l.store.getState().audioStatus).toBe('interrupted');
    // Paused where it was heard, so the Play button reads Play and one press resumes.
    expect(l.store.getState().playState).toBe('paused');
    await vi.waitFor(() => expect(el.textContent).toMatch(/interrupted.*Resume audio/));
    // The banner's own button does what Play does.
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Resume audio');
    expect(button).toBeDefined();
    button!.click();
    await vi.waitFor(() => {
      expect(l.raw.state).toBe('running');
      expect(l.store.getState().audioStatus).toBe('running');
      expect(l.engine.transport.state).toBe('started');
    });
    expect(l.store.getState().playState).toBe('playing');
    await vi.waitFor(() => expect(el.textContent).toBe(''));
  });

  it('coming back to the page asks again (resumeAudioIfInterrupted), and playback goes on', async () => {
    const l = await live();
    await playing(l);
    vi.spyOn(l.raw, 'resume').mockRejectedValueOnce(new DOMException('not allowed', 'NotAllowedError'));
    await l.raw.suspend();
    await vi.waitFor(() => expect(l.store.getState().audioStatus).toBe('interrupted'));
    await resumeAudioIfInterrupted(l.store, l.engine);
    await vi.waitFor(() => {
      expect(l.store.getState().audioStatus).toBe('running');
      expect(l.store.getState().playState).toBe('playing');
    });
    expect(l.store.getState().notice?.kind).toBe('info');
  });

  it('a closed context (the device is gone) pauses playback and the banner says to reload', async () => {
    const l = await live();
    await playing(l);
    const el = banner(l.store);
    await l.raw.close();
    await vi.waitFor(() => expect(l.store.getState().audioStatus).toBe('closed'));
    expect(l.store.getState().playState).toBe('paused');
    await vi.waitFor(() => expect(el.textContent).toMatch(/Reload the page/));
  });

  it('before the first start, a suspended context is the autoplay policy: reported as such, not resumed by itself', async () => {
    const l = await live({ start: false });
    const el = banner(l.store);
    expect(l.store.getState().audioStatus).toBe('suspended');
    await resumeAudioIfInterrupted(l.store, l.engine);
    await settle(200);
    expect(l.raw.state).toBe('suspended');
    expect(el.textContent).toMatch(/paused by your browser/);
  });
});
