/**
 * Playback, exports and measurements that begin exactly where a clip begins. Tone turns 25 s at 96 BPM into
 * 7679.999… ticks and used to drop such a clip entirely (the demo's chorus guitar and tambourine went silent when
 * playback or an export started at the chorus). See src/engine/transportTime.ts.
 */
import * as Tone from 'tone';
import { describe, expect, it } from 'vitest';
import { difference, rmsDb } from '../../src/dsp/levels';
import { MixGraph } from '../../src/engine/MixGraph';
import { renderProject } from '../../src/engine/render';
import { setLoopTicks, startTick, startTransportAt, ticksAt } from '../../src/engine/transportTime';
import type { Project } from '../../src/state/project';
import { SR, noiseBuffer, project, track } from './helpers';

/** One noise clip at `clipAt`, 3 s long, in a 96 BPM song (the demo's tempo). */
function song(clipAt: number): { p: Project; buffers: Map<string, AudioBuffer> } {
  const p: Project = { ...project([track('n', {}, 3, clipAt)], clipAt + 4), bpm: 96 };
  return { p, buffers: new Map([['n', noiseBuffer(7, 4, 0.3)]]) };
}

const slice = (b: AudioBuffer, fromSec: number, toSec: number) => b.getChannelData(0).slice(Math.round(fromSec * SR), Math.round(toSec * SR));

describe('starting exactly on a clip', () => {
  for (const clipAt of [25, 12.5, 5, 13.37, 0.4]) {
    it(`a clip at ${clipAt} s plays in full when the render starts there, identical to a render from 1 s earlier`, async () => {
      const { p, buffers } = song(clipAt);
      const fromClip = await renderProject(p, buffers, { sampleRate: SR, startSec: clipAt, endSec: clipAt + 2 });
      const earlier = await renderProject(p, buffers, { sampleRate: SR, startSec: clipAt - 0.4, endSec: clipAt + 2 });
      const a = slice(fromClip, 0.05, 1.9);
      const b = slice(earlier, 0.45, 2.3);
      // One copy: the same level as the same audio placed at 0 s and rendered from there.
      const atZero = song(0);
      const zero = slice(await renderProject({ ...atZero.p, durationSec: 4 }, atZero.buffers, { sampleRate: SR, startSec: 0, endSec: 2 }), 0.05, 1.9);
      expect(Math.abs(rmsDb(a) - rmsDb(zero))).toBeLessThan(0.1);
      // Same samples at the same song times: not dropped, not doubled, not shifted.
      expect(rmsDb(difference(a, b)) - rmsDb(b)).toBeLessThan(-60);
    });
  }

  it('the tick helpers put playback on the whole tick at or before the asked time', () => {
    const t = { PPQ: 192, bpm: { value: 96 } };
    expect(ticksAt(t, 25)).toBeCloseTo(7680, 9);
    expect(startTick(t, 25)).toBe(7680);
    expect(startTick(t, 25 - 1e-12)).toBe(7680);
    expect(startTick(t, 1)).toBe(307);
    expect(startTick(t, 0)).toBe(0);
  });
});

describe('a loop that starts on a clip', () => {
  it('plays the clip on every pass, at the same level, with no phantom copy', async () => {
    const { p, buffers } = song(25);
    const passSec = 2.5; // one bar at 96 BPM
    const native = new OfflineAudioContext({ numberOfChannels: 2, length: Math.round((0.5 + 3 * passSec) * SR), sampleRate: SR });
    const context = new Tone.OfflineContext(native);
    const graph = await MixGraph.create({ context, buffers });
    graph.apply(p, 0);
    setLoopTicks(context.transport, 25, 25 + passSec);
    context.transport.loop = true;
    startTransportAt(context.transport, 0.5, 25, true);
    const buffer = (await context.render(false)).get() as AudioBuffer;
    graph.dispose();
    context.dispose();
    const pass = (n: number) => slice(buffer, 0.5 + n * passSec + 0.05, 0.5 + (n + 1) * passSec - 0.05);
    const first = pass(0);
    expect(rmsDb(first)).toBeGreaterThan(-20);
    for (const n of [1, 2]) {
      // A dropped clip reads −∞, a doubled one +6 dB.
      expect(Math.abs(rmsDb(pass(n)) - rmsDb(first)), `pass ${n + 1}`).toBeLessThan(0.5);
      expect(rmsDb(difference(pass(n), first)) - rmsDb(first), `pass ${n + 1} null`).toBeLessThan(-40);
    }
  });
});
