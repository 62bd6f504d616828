/**
 * Every lesson on the real demo stems: each step's mix builds and plays, and each step's A/B is a difference a
 * listener can hear that survives loudness matching (so "louder" cannot pass for "better").
 */
import { describe, expect, it } from 'vitest';
import { difference, rmsDb } from '../../src/dsp/levels';
import { measureLoudness } from '../../src/dsp/loudness';
import { matchGains } from '../../src/engine/Comparison';
import { renderProject } from '../../src/engine/render';
import { LESSONS } from '../../src/lessons/course';
import { parseProject } from '../../src/state/schema';
import type { Project } from '../../src/state/project';
import { stepExcerpt, stepMix } from '../../src/ui/lessons/lessonMix';
import { SR, loadDemoSong } from './helpers';

/** Seconds of each step's excerpt rendered (the app measures 12 s; 5 s keeps the suite quick and still musical). */
const WINDOW_SEC = 5;

const lufs = (chans: Float32Array[]) => measureLoudness(chans, SR).integrated;
const scaled = (b: AudioBuffer, g: number) => [0, 1].map((c) => b.getChannelData(c).map((x) => x * g));
/** Both channels end to end: a panning change shows in the residual even when the mono sum hardly moves. */
const stereo = (chans: Float32Array[]) => {
  const out = new Float32Array(chans[0]!.length * 2);
  out.set(chans[0]!);
  out.set(chans[1]!, chans[0]!.length);
  return out;
};

describe('every lesson on the demo song', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.title}: each step applies and plays; each A/B differs audibly and matches within 0.5 LU`, { timeout: 300_000 }, async () => {
      const demo = await loadDemoSong();
      for (const [i, step] of lesson.steps.entries()) {
        const where = `${lesson.id} step ${i + 1}`;
        const mix = stepMix(demo.project, step);
        // The step's mix is a valid project (it would open from a file) with its markers inside the song.
        expect(() => parseProject(JSON.parse(JSON.stringify(mix)), where), where).not.toThrow();
        for (const m of step.markers) expect(m.timeSec, where).toBeLessThan(mix.durationSec);
        const ex = stepExcerpt(step, mix.durationSec);
        const range = { sampleRate: SR, startSec: ex.startSec, endSec: Math.min(ex.endSec, ex.startSec + WINDOW_SEC) };
        if (!step.compare) {
          const out = await renderProject(mix, demo.buffers, range);
          expect(lufs([out.getChannelData(0), out.getChannelData(1)]), `${where} plays`).toBeGreaterThan(-50);
          continue;
        }
        const a: Project = stepMix(demo.project, step, step.compare.a);
        const b: Project = stepMix(demo.project, step, step.compare.b);
        const [ra, rb] = await Promise.all([renderProject(a, demo.buffers, range), renderProject(b, demo.buffers, range)]);
        const la = lufs([ra.getChannelData(0), ra.getChannelData(1)]);
        const lb = lufs([rb.getChannelData(0), rb.getChannelData(1)]);
        expect(la, `${where} A plays`).toBeGreaterThan(-50);
        expect(lb, `${where} B plays`).toBeGreaterThan(-50);
        // What the listener hears: the louder side turned down by the measured difference, as the A/B switch does.
        const g = matchGains(lb - la);
        const heardA = scaled(ra, g.a);
        const heardB = scaled(rb, g.b);
        const matched = Math.abs(lufs(heardA) - lufs(heardB));
        expect(matched, `${where}: matched loudness`).toBeLessThan(0.5);
        // Audibly different after matching: the null residual of the two is well above inaudible.
        const residualDb = rmsDb(difference(stereo(heardA), stereo(heardB))) - rmsDb(stereo(heardB));
        expect(residualDb, `${where} (${step.compare.label}): residual after matching`).toBeGreaterThan(-30);
      }
    });
  }
});
