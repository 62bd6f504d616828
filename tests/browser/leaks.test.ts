import * as Tone from 'tone';
import { describe, expect, it } from 'vitest';
import { MixGraph } from '../../src/engine/MixGraph';
import { applyTechnique, removeTechnique, techniqueById } from '../../src/presets';
import { addTrack, removeTrack } from '../../src/state/edits';
import { makeClip, type Project } from '../../src/state/project';
import { SR, noiseBuffer, project, track } from './helpers';

interface MemoryPerformance extends Performance {
  memory?: { usedJSHeapSize: number };
}

/** JS heap after a full collection (Chromium runs with --expose-gc and precise memory info in the tests). */
async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return (performance as MemoryPerformance).memory?.usedJSHeapSize ?? NaN;
}

async function graphFor(buffers: ReadonlyMap<string, AudioBuffer>): Promise<{ graph: MixGraph; done: () => void }> {
  const native = new OfflineAudioContext({ numberOfChannels: 2, length: SR, sampleRate: SR });
  const context = new Tone.OfflineContext(native);
  const graph = await MixGraph.create({ context, buffers });
  return { graph, done: () => (graph.dispose(), context.dispose()) };
}

const ROLES = ['kick', 'snare', 'tambourine', 'bass', 'piano', 'guitar', 'strings', 'lead'] as const;

describe('no leaks', () => {
  it('500 preset apply/remove cycles: node count back to baseline, heap within ±5% after GC', async () => {
    const buffers = new Map(ROLES.map((r, i) => [r, noiseBuffer(100 + i, 1, 0.1)] as const));
    const base: Project = project(ROLES.map((r) => ({ ...track(r), role: r })), 1);
    const { graph, done } = await graphFor(buffers);
    graph.apply(base, 0);
    const baselineNodes = graph.nodeCount;
    const ids = ['wall-of-sound', 'adt', 'parallel-compression', 'sidechain', 'slapback', 'tape', 'lcr', 'eq-carving', 'g-funk'];
    const cycle = (i: number) => {
      const t = techniqueById(ids[i % ids.length]!)!;
      const on = applyTechnique(base, t).project;
      graph.apply(on, 0);
      graph.apply(removeTechnique(on, t.id), 0);
    };
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('function'); // the heap figures are after a real GC
    for (let i = 0; i < 50; i++) cycle(i); // warm up caches and JIT before the baseline
    const heap0 = await heapAfterGc();
    for (let i = 0; i < 500; i++) cycle(i);
    expect(graph.nodeCount).toBe(baselineNodes);
    const heap1 = await heapAfterGc();
    expect(Number.isFinite(heap0)).toBe(true);
    expect(Math.abs(heap1 - heap0) / heap0).toBeLessThan(0.05);
    done();
  }, 180_000);

  it('100 track add/remove cycles: node count back to baseline, heap within ±5% after GC', async () => {
    const buffers = new Map([['n', noiseBuffer(7, 1, 0.1)]]);
    const base = project([track('n')], 1);
    const { graph, done } = await graphFor(buffers);
    graph.apply(base, 0);
    const baselineNodes = graph.nodeCount;
    const cycle = (i: number) => {
      let p = addTrack(base, { id: `extra-${i}` });
      p = { ...p, tracks: p.tracks.map((t) => (t.id === `extra-${i}` ? { ...t, clips: [makeClip({ id: `c-${i}`, assetId: 'n', startSec: 0, durationSec: 1 })] } : t)) };
      graph.apply(p, 0);
      graph.apply(removeTrack(p, `extra-${i}`), 0);
    };
    for (let i = 0; i < 20; i++) cycle(i);
    const heap0 = await heapAfterGc();
    for (let i = 0; i < 100; i++) cycle(i);
    expect(graph.nodeCount).toBe(baselineNodes);
    const heap1 = await heapAfterGc();
    expect(Math.abs(heap1 - heap0) / heap0).toBeLessThan(0.05);
    done();
  }, 120_000);

  it('dispose() is idempotent for the mix graph', async () => {
    const { graph, done } = await graphFor(new Map());
    graph.dispose();
    graph.dispose();
    expect(() => done()).not.toThrow();
  });
});
