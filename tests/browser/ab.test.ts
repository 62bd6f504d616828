import * as Tone from 'tone';
import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../src/dsp/loudness';
import { Comparison, measureMatch, type Side } from '../../src/engine/Comparison';
import { MixGraph } from '../../src/engine/MixGraph';
import { applyTechnique, techniqueById } from '../../src/presets';
import { setStripGain } from '../../src/state/edits';
import { makeClip, type Project } from '../../src/state/project';
import { SR, noiseBuffer, project, sineBuffer, track } from './helpers';

const DUR = 4;

/** Renders both versions in one offline context, as the live engine plays them, switching sides at given times. */
async function renderAB(a: Project, b: Project, buffers: ReadonlyMap<string, AudioBuffer>, offsetDb: number, switches: readonly [number, Side][]): Promise<AudioBuffer> {
  const native = new OfflineAudioContext({ numberOfChannels: 2, length: DUR * SR, sampleRate: SR });
  const context = new Tone.OfflineContext(native);
  const bOut = new GainNode(native);
  bOut.connect(native.destination);
  const graphB = await MixGraph.create({ context, buffers, destination: bOut });
  const cmp = await Comparison.create({ context, buffers, destination: native.destination, bInput: bOut });
  graphB.apply(b, 0);
  cmp.setA(a, 0);
  cmp.setMatch(offsetDb, 0);
  for (const [t, side] of switches) cmp.select(side, t);
  context.transport.start(0, 0);
  const out = (await context.render(false)).get() as AudioBuffer;
  graphB.dispose();
  context.dispose();
  return out;
}

const integrated = (b: AudioBuffer, fromSec: number, toSec: number) =>
  measureLoudness([b.getChannelData(0).subarray(fromSec * SR, toSec * SR), b.getChannelData(1).subarray(fromSec * SR, toSec * SR)], SR).integrated;

describe('loudness-matched A/B', () => {
  it('matches a louder, processed B to A within 0.5 LU (BS.1770), and shows the offset applied', async () => {
    const buffers = new Map([['n', noiseBuffer(31, DUR, 0.2)], ['s', sineBuffer(220, DUR, 0.2)]]);
    const a = project([track('n', {}, DUR), track('s', {}, DUR)], DUR);
    // B: the tape technique plus 6 dB more on one track: louder and different.
    const b = setStripGain(setStripGain(applyTechnique(a, techniqueById('tape')!).project, 's', 6), 'n', 6);
    // The analysis rate is the rate of the buffers (in the app, the context's): resampling would change the highs.
    const match = await measureMatch(a, b, buffers, { startSec: 0, endSec: DUR }, SR);
    expect(match.offsetDb).toBeGreaterThan(1);
    const heardA = await renderAB(a, b, buffers, match.offsetDb, [[0, 'A']]);
    const heardB = await renderAB(a, b, buffers, match.offsetDb, [[0, 'B']]);
    const la = integrated(heardA, 0.5, DUR - 0.1);
    const lb = integrated(heardB, 0.5, DUR - 0.1);
    expect(Math.abs(la - lb)).toBeLessThan(0.5);
    // Without the match they differ by the offset: the test can fail.
    const unmatched = await renderAB(a, b, buffers, 0, [[0, 'B']]);
    expect(integrated(unmatched, 0.5, DUR - 0.1) - la).toBeGreaterThan(1);
  });

  it('the switch cross-fades: no discontinuity larger than the signal’s own sample-to-sample change', async () => {
    // A and B play the same low tone a quarter-cycle apart: a hard switch would jump by ~1.4× its amplitude.
    const tone = sineBuffer(110, DUR + 1, 0.5);
    const buffers = new Map([['t', tone]]);
    const a = project([track('t', {}, DUR)], DUR);
    const quarter = 1 / 110 / 4;
    const b: Project = { ...a, tracks: a.tracks.map((t) => ({ ...t, clips: [makeClip({ id: 'q', assetId: 't', startSec: 0, offsetSec: quarter, durationSec: DUR })] })) };
    const out = await renderAB(a, b, buffers, 0, [[0, 'B'], [1.5, 'A'], [2.5, 'B']]);
    const x = out.getChannelData(0);
    // The largest sample-to-sample change: within 10% of the tone's own during a switch (a click would be ~60×).
    const maxStep = (from: number, to: number) => {
      let m = 0;
      for (let i = Math.round(from * SR) + 1; i < Math.round(to * SR); i++) m = Math.max(m, Math.abs(x[i]! - x[i - 1]!));
      return m;
    };
    const own = Math.max(maxStep(0.5, 1.4), maxStep(1.7, 2.4), maxStep(2.7, 3.5));
    expect(own).toBeGreaterThan(1e-3);
    expect(maxStep(1.45, 1.6)).toBeLessThanOrEqual(own * 1.1);
    expect(maxStep(2.45, 2.6)).toBeLessThanOrEqual(own * 1.1);
    // A hard switch would have been a step of about the tone's amplitude.
    const hard = Math.abs(Math.sin(0) - Math.sin(Math.PI / 2)) * 0.35;
    expect(hard).toBeGreaterThan(own * 40);
    // And the switch did happen: after it, the signal is A's phase, not B's.
    const i = Math.round(2.0 * SR);
    const aOnly = await renderAB(a, b, buffers, 0, [[0, 'A']]);
    expect(Math.abs(x[i]! - aOnly.getChannelData(0)[i]!)).toBeLessThan(1e-3);
  });
});
