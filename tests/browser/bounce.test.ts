import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../src/dsp/loudness';
import { BouncePlayer, bounceVariants, type Bounce } from '../../src/engine/bounce';
import { AS_MIXED, comparisonVariants } from '../../src/presets/comparison';
import { applyTechnique, techniqueById } from '../../src/presets';
import { SR, loadDemoSong } from './helpers';

/** The chorus (tambourine, both guitars, strings): 6 s, so 31 short-term points at a 100 ms hop. */
const EXCERPT = { startSec: 25, endSec: 31 };

const lufs = (b: AudioBuffer) => measureLoudness([b.getChannelData(0), b.getChannelData(1)], b.sampleRate).integrated;
/** Total energy of variant v's bands centred in [loHz, hiHz), dB. */
const energyIn = (bounce: Bounce, v: number, loHz: number, hiHz: number) =>
  10 * Math.log10(bounce.analysis.bands.reduce((s, b, k) => (b.centerHz >= loHz && b.centerHz < hiHz ? s + Math.pow(10, bounce.analysis.variants[v]!.bandsDb[k]! / 10) : s), 0));

let cached: Bounce | null = null;
async function demoBounce(): Promise<Bounce> {
  if (cached) return cached;
  const demo = await loadDemoSong();
  // The project as the user might have it: Slapback on. "As mixed" takes it back out; each variant adds one.
  const withSlap = applyTechnique(demo.project, techniqueById('slapback')!).project;
  const variants = comparisonVariants(withSlap, [AS_MIXED, 'wall-of-sound', 'tape']);
  expect(variants.map((v) => v.label)).toEqual(['As mixed', 'Wall of Sound', 'Tape saturation']);
  expect(variants[0]!.project).toEqual(demo.project);
  const progress: number[] = [];
  cached = await bounceVariants(variants, demo.buffers, { sampleRate: SR, ...EXCERPT, hopSec: 0.1, onProgress: (f) => progress.push(f) });
  // Progress rises through every variant's render to 1.
  expect(progress.at(-1)).toBe(1);
  expect(progress.some((f) => f > 0.3 && f < 0.7)).toBe(true);
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
  return cached;
}

describe('comparison bounce of the demo song', () => {
  it('renders every variant at the buffers’ rate and matches their integrated loudness within 0.5 LU', async () => {
    const { analysis, audio } = await demoBounce();
    expect(analysis.sampleRate).toBe(SR);
    for (const b of audio) {
      expect(b.sampleRate).toBe(SR);
      expect(b.length).toBe(6 * SR);
    }
    const measured = audio.map(lufs);
    console.log('bounce: as rendered (LUFS)', analysis.variants.map((v) => `${v.label} ${v.integratedLufs.toFixed(2)} gain ${v.gainDb.toFixed(2)}`).join('; '));
    console.log('bounce: after normalisation (LUFS)', measured.map((l) => l.toFixed(3)).join(', '), 'target', analysis.targetLufs.toFixed(3));
    expect(Math.max(...measured) - Math.min(...measured)).toBeLessThan(0.5);
    for (const l of measured) expect(Math.abs(l - analysis.targetLufs)).toBeLessThan(0.5);
    // They were not equally loud to begin with (Wall of Sound plays at a generous level): the match did something.
    const raw = analysis.variants.map((v) => v.integratedLufs);
    expect(Math.max(...raw) - Math.min(...raw)).toBeGreaterThan(1);
    expect(Math.max(...analysis.variants.map((v) => v.gainDb))).toBe(0);
  });

  it('the spectra differ where they should: Tape loses the highs, Wall of Sound reshapes the spectrum', async () => {
    const bounce = await demoBounce();
    const [asMixed, wall, tape] = bounce.analysis.variants;
    // Tape shelves −5 dB from 9 kHz but its saturation adds harmonics in the presence range: measured, the bands
    // from 10 kHz lose ~1.5 dB and the tilt against 1–6.3 kHz ~3 dB, after matching.
    const highs = [0, 2].map((v) => energyIn(bounce, v, 10000, Infinity));
    const presence = [0, 2].map((v) => energyIn(bounce, v, 1000, 7000));
    console.log('bounce: As mixed / Tape, energy from 10 kHz', highs.map((x) => x.toFixed(2)).join(' / '), 'dB; 1–6.3 kHz', presence.map((x) => x.toFixed(2)).join(' / '), 'dB');
    expect(highs[1]! - highs[0]!).toBeLessThan(-1);
    expect(highs[1]! - presence[1]! - (highs[0]! - presence[0]!)).toBeLessThan(-2);
    const diffs = wall!.bandsDb.map((d, k) => d - asMixed!.bandsDb[k]!);
    const largest = diffs.reduce((best, d, k) => (Math.abs(d) > Math.abs(diffs[best]!) ? k : best), 0);
    console.log('bounce: Wall of Sound vs As mixed, largest band difference', diffs[largest]!.toFixed(2), 'dB at', bounce.analysis.bands[largest]!.label);
    expect(Math.abs(diffs[largest]!)).toBeGreaterThan(3);
    // Tape differs little in the midrange, where the loudness match anchors it.
    const k1 = bounce.analysis.bands.findIndex((b) => b.label === '1k');
    expect(Math.abs(tape!.bandsDb[k1]! - asMixed!.bandsDb[k1]!)).toBeLessThan(3);
  });

  it('the short-term curves have one point per 100 ms hop after the first 3 s window, and sit around the target', async () => {
    const { analysis } = await demoBounce();
    expect(analysis.hopSec).toBe(0.1);
    for (const v of analysis.variants) {
      expect(v.shortTermLufs.length).toBe(Math.floor((6 - 3) / 0.1) + 1);
      for (const l of v.shortTermLufs) {
        expect(l).toBeGreaterThan(analysis.targetLufs - 6);
        expect(l).toBeLessThan(analysis.targetLufs + 6);
      }
    }
  });

  it('plays a variant’s normalised audio unchanged (after a 20 ms fade in) and stops it when another starts', async () => {
    const { audio } = await demoBounce();
    const length = SR;
    const ctx = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: SR });
    const player = new BouncePlayer(ctx);
    player.load(audio);
    let ended = 0;
    player.play(0, () => ended++);
    player.play(1);
    expect(player.playingIndex).toBe(1);
    const out = await ctx.startRendering();
    await new Promise((r) => setTimeout(r, 50)); // the 'ended' event is queued by the render
    expect(ended).toBe(1);
    // Variant 0 faded out over the same 20 ms that variant 1 faded in: from then on only variant 1 sounds.
    let worst = 0;
    for (let c = 0; c < 2; c++) {
      const got = out.getChannelData(c);
      const want = audio[1]!.getChannelData(c);
      for (let i = Math.round(0.021 * SR); i < length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
    }
    expect(worst).toBeLessThan(1e-6);
    player.dispose();
  });
});
