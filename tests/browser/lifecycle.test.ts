import * as Tone from 'tone';
import { describe, expect, it } from 'vitest';
import { difference, samplePeak } from '../../src/dsp/levels';
import { MixGraph } from '../../src/engine/MixGraph';
import { PRE_ROLL_SEC, renderProject } from '../../src/engine/render';
import { SR, noiseBuffer, project, sineBuffer, track } from './helpers';

const DUR = 1;
const buffers = new Map<string, AudioBuffer>([
  ['a', sineBuffer(330, DUR)],
  ['b', noiseBuffer(3, DUR)],
]);

/** Renders DUR seconds of whatever setup() leaves in the graph, aligned to the timeline (latency removed). */
async function renderWith(setup: (graph: MixGraph) => void): Promise<AudioBuffer> {
  const extra = Math.round(0.05 * SR) + Math.round(PRE_ROLL_SEC * SR);
  const native = new OfflineAudioContext({ numberOfChannels: 2, length: DUR * SR + extra, sampleRate: SR });
  const context = new Tone.OfflineContext(native);
  const graph = await MixGraph.create({ context, buffers });
  // Play after the same pre-roll as an export, so the compressors have settled.
  const skip = Math.round(PRE_ROLL_SEC * SR) + Math.round(graph.latencySec * SR);
  setup(graph);
  context.transport.start(Math.round(PRE_ROLL_SEC * SR) / SR, 0);
  const raw = (await context.render(false)).get() as AudioBuffer;
  graph.dispose();
  const out = new AudioBuffer({ numberOfChannels: 2, length: DUR * SR, sampleRate: SR });
  for (let c = 0; c < 2; c++) out.copyToChannel(raw.getChannelData(c).subarray(skip, skip + DUR * SR), c);
  return out;
}

describe('MixGraph lifetimes', () => {
  it('after dispose() nothing stays connected: the render is silent', async () => {
    const out = await renderWith((g) => {
      g.apply(project([track('a'), track('b')], DUR), 0);
      g.dispose();
      g.dispose(); // idempotent
    });
    expect(samplePeak(out.getChannelData(0))).toBe(0);
    expect(samplePeak(out.getChannelData(1))).toBe(0);
  });

  it('tracks added and removed many times leave the same sound as a fresh graph (null test)', async () => {
    const final = project([track('a', { gainDb: -3, pan: 0.3 })], DUR);
    const churned = await renderWith((g) => {
      for (let i = 0; i < 25; i++) {
        g.apply(project([track('a'), track('b', { pan: -1 })], DUR), 0);
        g.apply(project([track('a')], DUR), 0);
        g.apply(project([], DUR), 0);
      }
      g.apply(final, 0);
      expect(g.trackIds).toEqual(['a']);
    });
    const fresh = await renderProject(final, buffers, { sampleRate: SR });
    expect(samplePeak(fresh.getChannelData(0))).toBeGreaterThan(0.15);
    for (let c = 0; c < 2; c++) expect(samplePeak(difference(churned.getChannelData(c), fresh.getChannelData(c)))).toBeLessThan(1e-6);
  });

  it('a clip whose audio is missing is skipped; the other tracks still sound', async () => {
    const p = project([track('a'), track('missing')], DUR);
    const out = await renderProject(p, buffers, { sampleRate: SR });
    const alone = await renderProject(project([track('a')], DUR), buffers, { sampleRate: SR });
    expect(samplePeak(difference(out.getChannelData(0), alone.getChannelData(0)))).toBeLessThan(1e-6);
  });

  it('renders at 48 kHz with the export progress reaching 1', async () => {
    const seen: number[] = [];
    const out = await renderProject(project([track('a')], 3), new Map([['a', sineBuffer(330, 3)]]), { sampleRate: 48000, onProgress: (f) => seen.push(f) });
    expect(out.sampleRate).toBe(48000);
    expect(out.length).toBe(3 * 48000);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });
});
