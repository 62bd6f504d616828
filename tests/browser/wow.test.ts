import * as Tone from 'tone';
import { describe, expect, it } from 'vitest';
import { WOW_HZ } from '../../src/dsp/wowFlutter';
import { MixGraph } from '../../src/engine/MixGraph';
import { renderProject } from '../../src/engine/render';
import { setTrackDetune, setTrackWow } from '../../src/state/edits';
import { SR, project, sineBuffer, track } from './helpers';

const SECONDS = 4.5;
const WINDOW_SEC = 0.05;
const HOP_SEC = 0.025;
const buffers = new Map([['tone', sineBuffer(1000, SECONDS, 0.5)]]);

/** Renders a 1 kHz sine on one track with the given wow depth, through the same graph that plays live. */
const render = async (wowCents: number, detuneCents = 0) =>
  (await renderProject(project([track('tone', { wowCents, detuneCents }, SECONDS)], SECONDS), buffers, { sampleRate: SR })).getChannelData(0);

/** Upward zero crossings, in fractional samples (linear interpolation between the two samples around each). */
function crossings(x: Float32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to - 1; i++) {
    const a = x[i]!;
    const b = x[i + 1]!;
    if (a < 0 && b >= 0) out.push(i + a / (a - b));
  }
  return out;
}

/**
 * The pitch over time, cents against 1 kHz: in each 50 ms window (25 ms apart), whole periods between the first and
 * the last upward crossing divided by the time they span. Skips the clip's fades and the shifter's start.
 */
function pitchTrack(x: Float32Array): number[] {
  const win = Math.round(WINDOW_SEC * SR);
  const hop = Math.round(HOP_SEC * SR);
  const track: number[] = [];
  for (let start = Math.round(0.3 * SR); start + win < x.length - Math.round(0.2 * SR); start += hop) {
    const c = crossings(x, start, start + win);
    const hz = ((c.length - 1) * SR) / (c[c.length - 1]! - c[0]!);
    track.push(1200 * Math.log2(hz / 1000));
  }
  return track;
}

/** The lag (seconds) in minLag..maxLag at which the mean-removed sequence best matches itself. */
function autocorrelationPeriod(values: number[], stepSec: number, minLagSec: number, maxLagSec: number): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const d = values.map((v) => v - mean);
  let best = -Infinity;
  let bestLag = 0;
  for (let lag = Math.round(minLagSec / stepSec); lag <= Math.round(maxLagSec / stepSec); lag++) {
    let sum = 0;
    for (let i = 0; i + lag < d.length; i++) sum += d[i]! * d[i + lag]!;
    const r = sum / (d.length - lag);
    if (r > best) {
      best = r;
      bestLag = lag;
    }
  }
  return bestLag * stepSec;
}

describe('wow and flutter', () => {
  it('wobbles a 1 kHz tone by about ±10 cents at 10 cents of wow, with the slow wow period of 1/0.55 s', async () => {
    const cents = pitchTrack(await render(10));
    const peak = Math.max(...cents.map(Math.abs));
    const peakToPeak = Math.max(...cents) - Math.min(...cents);
    const period = autocorrelationPeriod(cents, HOP_SEC, 1, 2.8);
    console.info(`wow 10: peak ${peak.toFixed(2)} cents, peak-to-peak ${peakToPeak.toFixed(2)} cents, period ${period.toFixed(3)} s`);
    expect(peak).toBeGreaterThan(5);
    expect(peak).toBeLessThan(15);
    expect(peakToPeak).toBeGreaterThan(10);
    expect(peakToPeak).toBeLessThan(30);
    expect(period).toBeGreaterThan((1 / WOW_HZ) * 0.9);
    expect(period).toBeLessThan((1 / WOW_HZ) * 1.1);
  });

  it('leaves the tone steady without wow, also when the shifter is in for a detune', async () => {
    const cents = pitchTrack(await render(0));
    const peak = Math.max(...cents.map(Math.abs));
    const detuned = pitchTrack(await render(0, 3));
    const drift = Math.max(...detuned.map((c) => Math.abs(c - 3)));
    console.info(`wow 0: peak ${peak.toFixed(4)} cents; detune 3, wow 0: ${drift.toFixed(4)} cents from 3`);
    expect(peak).toBeLessThan(1);
    expect(drift).toBeLessThan(1);
  });

  it('wow alone puts the shifter in (one node); back at 0 it comes out, also when a detune held it', async () => {
    const native = new OfflineAudioContext({ numberOfChannels: 2, length: SR, sampleRate: SR });
    const context = new Tone.OfflineContext(native);
    const graph = await MixGraph.create({ context, buffers });
    const base = project([track('tone', {}, SECONDS)], SECONDS);
    graph.apply(base, 0);
    const baseline = graph.nodeCount;
    const wobbling = setTrackWow(base, 'tone', 6);
    graph.apply(wobbling, 0);
    expect(graph.nodeCount).toBe(baseline + 1);
    const both = setTrackDetune(wobbling, 'tone', 3);
    graph.apply(both, 0);
    expect(graph.nodeCount).toBe(baseline + 1);
    graph.apply(setTrackWow(both, 'tone', 0), 0);
    expect(graph.nodeCount).toBe(baseline + 1);
    graph.apply(base, 0);
    expect(graph.nodeCount).toBe(baseline);
    graph.dispose();
    context.dispose();
  });
});
