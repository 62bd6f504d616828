import * as Tone from 'tone';
import { describe, expect, it } from 'vitest';
import { gainToDb } from '../../src/dsp/decibels';
import { difference, rms, rmsDb, samplePeak } from '../../src/dsp/levels';
import { AudioEngine } from '../../src/engine/AudioEngine';
import { bindStore } from '../../src/engine/bindStore';
import { PRE_ROLL_SEC, renderProject } from '../../src/engine/render';
import { createEarshotStore } from '../../src/state/store';
import { SR, channels, middle, noiseBuffer, project, sineBuffer, track } from './helpers';

const DUR = 2;
const buffers = new Map<string, AudioBuffer>([
  ['sine', sineBuffer(440, DUR)],
  ['noise', noiseBuffer(7, DUR)],
  ['low', sineBuffer(110, DUR, 0.4)],
  ['late', sineBuffer(220, 1, 0.3)],
]);

const render = (p: ReturnType<typeof project>) => renderProject(p, buffers, { sampleRate: SR });

describe('offline mix render (real Web Audio)', () => {
  it('renders sound at all: a lone sine at 0 dB, centre, is not silent', async () => {
    const out = await render(project([track('sine')]));
    const [l] = channels(out);
    expect(out.length).toBe(DUR * SR);
    expect(samplePeak(l!)).toBeGreaterThan(0.3);
  });

  it('a muted track contributes nothing (null test against a render without it)', async () => {
    const withMuted = await render(project([track('sine'), track('noise', { mute: true })]));
    const without = await render(project([track('sine')]));
    const audible = await render(project([track('sine'), track('noise')]));
    for (let c = 0; c < 2; c++) {
      expect(samplePeak(difference(withMuted.getChannelData(c), without.getChannelData(c)))).toBeLessThan(1e-6);
      // and the same track unmuted does change the mix, so the test can fail
      expect(samplePeak(difference(audible.getChannelData(c), without.getChannelData(c)))).toBeGreaterThan(0.1);
    }
  });

  it('solo isolates the soloed track', async () => {
    const soloed = await render(project([track('sine'), track('noise', { solo: true }), track('low')]));
    const alone = await render(project([track('noise')]));
    for (let c = 0; c < 2; c++) {
      expect(samplePeak(difference(soloed.getChannelData(c), alone.getChannelData(c)))).toBeLessThan(1e-6);
    }
    expect(samplePeak(soloed.getChannelData(0))).toBeGreaterThan(0.1);
  });

  it('a centre pan gives −3 dB per side for a mono source', async () => {
    const out = await render(project([track('sine', { pan: 0 })]));
    const [from, to] = middle(SR, DUR);
    const source = rmsDb(buffers.get('sine')!.getChannelData(0), from, to);
    for (const ch of channels(out)) {
      expect(rmsDb(ch, from, to) - source).toBeCloseTo(-3.01, 1);
    }
  });

  it('hard left pan puts everything left', async () => {
    const out = await render(project([track('sine', { pan: -1 })]));
    const [l, r] = channels(out);
    const [from, to] = middle(SR, DUR);
    expect(rmsDb(l!, from, to) - rmsDb(buffers.get('sine')!.getChannelData(0), from, to)).toBeCloseTo(0, 1);
    expect(rms(r!, from, to)).toBeLessThan(1e-6);
  });

  it.each([-12, -6, -0.5, 3, 6])('a fader at %s dB measures that level within 0.1 dB', async (faderDb) => {
    const [from, to] = middle(SR, DUR);
    const ref = await render(project([track('sine', { gainDb: 0 })]));
    const out = await render(project([track('sine', { gainDb: faderDb })]));
    const measured = rmsDb(out.getChannelData(0), from, to) - rmsDb(ref.getChannelData(0), from, to);
    expect(Math.abs(measured - faderDb)).toBeLessThan(0.1);
  });

  it('the fader at its bottom stop is silence, and the master fader scales the mix', async () => {
    const off = await render(project([track('sine', { gainDb: -60 })]));
    expect(samplePeak(off.getChannelData(0))).toBe(0);
    const p = project([track('sine')]);
    const [from, to] = middle(SR, DUR);
    const ref = await render(p);
    const down = await render({ ...p, master: { ...p.master, gainDb: -9 } });
    expect(rmsDb(down.getChannelData(1), from, to) - rmsDb(ref.getChannelData(1), from, to)).toBeCloseTo(-9, 1);
  });

  it('clips play at their place on the timeline', async () => {
    const late = await render(project([track('sine', {}, 1, 1)], DUR));
    const l = late.getChannelData(0);
    expect(samplePeak(l, 0, Math.round(SR * 0.99))).toBe(0);
    expect(samplePeak(l, Math.round(SR * 1.1), Math.round(SR * 1.9))).toBeGreaterThan(0.3);
  });

  it.each([120, 96, 73])('at %s bpm a clip starts at its time in seconds', async (bpm) => {
    const late = await render({ ...project([track('sine', {}, 1, 1.25)], DUR), bpm });
    const l = late.getChannelData(0);
    const first = l.findIndex((v) => Math.abs(v) > 1e-3);
    expect(Math.abs(first - 1.25 * SR)).toBeLessThanOrEqual(4); // the 4 ms fade-in hides the first few samples
  });

  it.each([120, 96])('the export render equals the playback graph driven by the store (null test, %s bpm)', async (bpm) => {
    const p = { ...project([
      track('sine', { gainDb: -4.5, pan: -0.4 }),
      track('noise', { gainDb: -10, pan: 0.7 }),
      track('low', { mute: true }, 1, 0.5),
      track('late', {}, 1, 0.75),
    ]), bpm };
    const exported = await render(p);

    // The playback path: the realtime engine class, bound to a store, started by the store's play action,
    // running on an offline context so it can be measured.
    // Like the live app, whose graph has settled long before anyone presses Play, play starts after a pre-roll.
    const preRoll = Math.round(PRE_ROLL_SEC * SR);
    const native = new OfflineAudioContext({ numberOfChannels: 2, length: preRoll + DUR * SR + 2048, sampleRate: SR });
    const context = new Tone.OfflineContext(native);
    const engine = await AudioEngine.create({ context, meters: false });
    for (const [id, b] of buffers) engine.library.buffers.set(id, b);
    const store = createEarshotStore(p);
    const unbind = bindStore(store, engine);
    engine.startNextPlayAt(preRoll / SR);
    store.getState().actions.play();
    const played = (await context.render(false)).get() as AudioBuffer;
    // Playback is heard one mastering-chain latency late; the export removes that delay.
    const skip = preRoll + Math.round(engine.graph.latencySec * SR);
    unbind();
    engine.dispose();

    for (let c = 0; c < 2; c++) {
      const heard = played.getChannelData(c).subarray(skip, skip + DUR * SR);
      const residual = samplePeak(difference(exported.getChannelData(c), heard));
      expect(residual).toBeLessThan(1e-4);
    }
    expect(gainToDb(samplePeak(played.getChannelData(0)))).toBeGreaterThan(-20);
  });
});
