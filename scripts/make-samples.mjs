#!/usr/bin/env node
// npm run samples
//
// Synthesises Earshot's demo song as dry mono stems and writes them to
// public/samples/ (16-bit FLAC, 44.1 kHz) together with manifest.json.
//
//   scripts/song/arrangement.js  the score: chords, parts, melody, human feel (Node)
//   scripts/song/instruments.js  the instruments, built from Tone.js synths (browser)
//   scripts/song/random.js       seeded PRNG, so every run gives identical audio
//
// How it works: each stem is rendered in its own fresh page of headless
// Chromium: seed Math.random, load Tone.js and ./song/instruments.js, render
// the part with Tone.Offline (a couple of bars at a time, see renderWindows),
// and pull the samples back into Node. There we trim silence to the bar where
// the part starts, peak-normalise to -3 dBFS and pipe it through ffmpeg into
// FLAC. Finally every FLAC is decoded again to measure it, and the stems are
// summed at their default faders to check the mix doesn't clip.
//
// Determinism: the same inputs give bit-identical FLACs on every run. Timing
// feel comes from seeded PRNGs, Math.random is seeded in the page, and the
// instruments never sum three or more signals into one input (see the top of
// instruments.js for why that matters).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.mjs';
import { BAR_SEC, SONG, buildStems } from './song/arrangement.js';
import { mulberry32, seedFromString } from './song/random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'public', 'samples');
const TONE_JS = path.join(ROOT, 'node_modules', 'tone', 'build', 'Tone.js');
const INSTRUMENTS_JS = path.join(ROOT, 'scripts', 'song', 'instruments.js');

const SAMPLE_RATE = 44100;
const PEAK_DBFS = -3; // every stem file peaks here
const SILENCE_DB = -70; // below this (relative to the stem's peak) counts as silence
const RENDER_TAIL_SEC = 4; // rendered past the last bar so release tails are complete
const WINDOW_BARS = 2; // bars rendered per Tone.Offline call (see renderWindows)
const WINDOW_RELEASE_SEC = 3; // rendered after a window's last note lets go
const CHUNK_SAMPLES = 1 << 20; // samples per page -> Node transfer
const MAX_TOTAL_BYTES = 20 * 1024 * 1024;
// Stems are independent, so render a few at once (each in its own browser context).
const PARALLEL = Math.max(1, Math.min(4, os.availableParallelism()));

const dbToGain = (db) => 10 ** (db / 20);
const gainToDb = (g) => (g > 0 ? 20 * Math.log10(g) : -Infinity);

// ---------------------------------------------------------------------------
// ffmpeg
// ---------------------------------------------------------------------------

function requireFfmpeg() {
  const probe = spawnSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.error(
      'ffmpeg was not found on PATH. It is needed to encode the stems as FLAC.\n' +
        '  Debian/Ubuntu: sudo apt-get install ffmpeg\n' +
        '  macOS:         brew install ffmpeg',
    );
    process.exit(1);
  }
}

/** Float32 samples -> 16-bit mono FLAC, via ffmpeg (bit-exact flags keep the bytes stable). */
function encodeFlac(samples, file) {
  const result = spawnSync(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'f32le', '-ar', String(SAMPLE_RATE), '-ac', '1', '-i', 'pipe:0',
      '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact',
      '-c:a', 'flac', '-sample_fmt', 's16', '-compression_level', '8',
      file,
    ],
    { input: Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength), maxBuffer: 1 << 30 },
  );
  if (result.status !== 0) throw new Error(`ffmpeg failed on ${file}:\n${result.stderr}`);
}

/** Decode an audio file back to float samples in [-1, 1) (what the app will hear). */
function decode(file) {
  const result = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-i', file, '-f', 's16le', '-ac', '1', '-ar', String(SAMPLE_RATE), 'pipe:1'],
    { maxBuffer: 1 << 30 },
  );
  if (result.status !== 0) throw new Error(`ffmpeg could not decode ${file}:\n${result.stderr}`);
  const pcm = result.stdout;
  const out = new Float32Array(pcm.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = pcm.readInt16LE(i * 2) / 32768;
  return out;
}

/** Integrated loudness (EBU R128, LUFS) of a file, measured by ffmpeg. */
function loudnessOf(file) {
  const result = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const match = /I:\s+(-?[\d.]+|-inf) LUFS\s*\n\s*Threshold/.exec(result.stderr);
  return match ? Number(match[1]) : -Infinity;
}

// ---------------------------------------------------------------------------
// Rendering in Chromium
// ---------------------------------------------------------------------------

/**
 * Split a stem into windows of a few bars. Chromium's offline renderer slows
 * down with every node that is waiting to play, and Tone.js creates nodes for
 * each note up front, so rendering a 50-second part in one go is several times
 * slower. Each window renders the notes that START in it, plus their release
 * tails, and the windows are added together. Notes don't depend on each other
 * (at most a drum hit that rings across a window edge isn't cut short by the
 * next hit), so the sum sounds the same. The voice glides from note to note
 * across bar lines, so it is rendered whole.
 */
function renderWindows(stem) {
  const size = stem.renderWhole ? SONG.bars : WINDOW_BARS;
  const windows = [];
  for (let bar = 0; bar < SONG.bars; bar += size) {
    const from = bar * BAR_SEC;
    const to = bar + size >= SONG.bars ? Infinity : (bar + size) * BAR_SEC;
    const events = stem.events.filter((e) => e.t >= from && e.t < to);
    if (!events.length) continue;
    const lastNoteOff = Math.max(...events.map((e) => e.t + e.d));
    windows.push({
      startSec: from,
      seconds: lastNoteOff - from + WINDOW_RELEASE_SEC,
      seed: seedFromString(`noise:${stem.id}:${bar}`),
      events: events.map((e) => ({ ...e, t: e.t - from })),
    });
  }
  return windows;
}

/** Render one stem in its own fresh page, so stems never influence each other. */
async function renderStem(browser, stem, seconds) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  try {
    await page.setContent('<!doctype html><meta charset="utf-8"><title>Earshot stem renderer</title>');
    // Tone.Noise (drums, pick noise) draws on Math.random: make it a seeded PRNG
    // *before* Tone.js loads, and reseed before rendering each window.
    await page.addScriptTag({ content: `window.mulberry32 = ${mulberry32.toString()};\nMath.random = window.mulberry32(1);` });
    await page.addScriptTag({ path: TONE_JS });
    await page.addScriptTag({ path: INSTRUMENTS_JS });

    const length = await page.evaluate(
      async ({ id, windows, seconds, sampleRate }) => {
        const { Tone, EarshotInstruments } = window;
        const out = new Float32Array(Math.round(seconds * sampleRate));
        for (const w of windows) {
          Math.random = window.mulberry32(w.seed);
          const buffer = await Tone.Offline(() => EarshotInstruments[id](w.events), w.seconds, 1, sampleRate);
          const data = buffer.getChannelData(0);
          const offset = Math.round(w.startSec * sampleRate);
          const n = Math.min(data.length, out.length - offset);
          for (let i = 0; i < n; i++) out[offset + i] += data[i];
        }
        window.renderedStem = out;
        return out.length;
      },
      { id: stem.id, windows: renderWindows(stem), seconds, sampleRate: SAMPLE_RATE },
    );

    // Bring the Float32Array across in base64 chunks.
    const samples = new Float32Array(length);
    const bytes = Buffer.from(samples.buffer);
    for (let offset = 0; offset < length; offset += CHUNK_SAMPLES) {
      const count = Math.min(CHUNK_SAMPLES, length - offset);
      const base64 = await page.evaluate(
        ({ offset, count }) => {
          const chunk = new Uint8Array(window.renderedStem.buffer, offset * 4, count * 4);
          let binary = '';
          for (let i = 0; i < chunk.length; i += 0x8000) binary += String.fromCharCode(...chunk.subarray(i, i + 0x8000));
          return btoa(binary);
        },
        { offset, count },
      );
      Buffer.from(base64, 'base64').copy(bytes, offset * 4);
    }
    if (problems.length) throw new Error(`Rendering ${stem.id} reported:\n  ${problems.join('\n  ')}`);
    return samples;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// Trimming and normalising
// ---------------------------------------------------------------------------

function peakOf(samples, from = 0, to = samples.length) {
  let peak = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(samples[i]);
    if (a > peak) peak = a;
  }
  return peak;
}

function rmsOf(samples, from = 0, to = samples.length) {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / Math.max(1, to - from));
}

/**
 * Cut the render down to the part that sounds: start on the bar line of the
 * stem's first note, stop once the release tail has died away (at most
 * `tailSec` after the last note lets go), then normalise the peak to -3 dBFS.
 */
function shapeStem(rendered, stem) {
  const barSamples = Math.round(BAR_SEC * SAMPLE_RATE);
  const firstNote = Math.min(...stem.events.map((e) => e.t));
  const lastNoteOff = Math.max(...stem.events.map((e) => e.t + e.d));
  const startBar = Math.floor(firstNote / BAR_SEC + 1e-9);
  const start = startBar * barSamples;

  const peak = peakOf(rendered);
  if (!(peak > 0)) throw new Error(`${stem.id}: the render is silent.`);
  const before = peakOf(rendered, 0, start);
  if (before > peak * dbToGain(-60)) throw new Error(`${stem.id}: sound before its start bar (${startBar + 1}).`);

  // Walk back from the tail cap to the last audible sample.
  const cap = Math.min(rendered.length, Math.round((lastNoteOff + stem.tailSec) * SAMPLE_RATE));
  const threshold = peak * dbToGain(SILENCE_DB);
  let last = cap - 1;
  while (last > start && Math.abs(rendered[last]) < threshold) last--;
  const stillRinging = last >= cap - 1;
  const end = stillRinging ? cap : Math.min(cap, last + Math.round(0.02 * SAMPLE_RATE));

  const out = rendered.slice(start, end);
  // Short fade at the very end so the cut never clicks (longer if we cut a ringing tail).
  const fade = Math.min(out.length, Math.round((stillRinging ? 0.3 : 0.02) * SAMPLE_RATE));
  for (let i = 0; i < fade; i++) out[out.length - 1 - i] *= i / fade;

  const gain = dbToGain(PEAK_DBFS) / peakOf(out);
  for (let i = 0; i < out.length; i++) out[i] *= gain;
  return { samples: out, startSec: startBar * BAR_SEC };
}

// ---------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------

const fmtDb = (db, width = 6) => (Number.isFinite(db) ? db.toFixed(1) : '-inf').padStart(width);

function printTable(stems) {
  console.log('\nstem         file              start  dur (s)  peak dBFS  RMS dBFS   LUFS  gainDb   pan     size');
  for (const s of stems) {
    console.log(
      `${s.id.padEnd(12)} ${s.file.padEnd(16)} ${s.startSec.toFixed(1).padStart(6)} ${s.durationSec.toFixed(2).padStart(8)}` +
        `  ${fmtDb(s.peakDb, 9)} ${fmtDb(s.rmsDb, 9)} ${fmtDb(s.lufs, 6)} ${String(s.gainDb).padStart(7)} ${s.pan.toFixed(2).padStart(5)}` +
        `  ${(s.bytes / 1024).toFixed(0).padStart(5)} KB`,
    );
  }
}

/**
 * Sum the decoded stems the way the app will by default (faders at gainDb,
 * everything in the centre), report its peak, and show how loud each stem
 * sits at its default fader relative to the lead.
 */
function mixCheck(stems, songSamples) {
  const mix = new Float32Array(songSamples);
  for (const stem of stems) {
    const g = dbToGain(stem.gainDb);
    const offset = Math.round(stem.startSec * SAMPLE_RATE);
    for (let i = 0; i < stem.audio.length; i++) mix[offset + i] += stem.audio[i] * g;
  }
  const lead = stems.find((s) => s.id === 'lead');
  console.log('\nBalance at the default faders (loudness relative to the lead):');
  for (const stem of stems) {
    const relative = stem.lufs + stem.gainDb - (lead.lufs + lead.gainDb);
    console.log(`  ${stem.id.padEnd(12)} ${fmtDb(relative)} LU`);
  }
  const peakDb = gainToDb(peakOf(mix));
  console.log(`\nDefault mix (all stems at their gainDb, no pan): peak ${fmtDb(peakDb)} dBFS, RMS ${fmtDb(gainToDb(rmsOf(mix)))} dBFS`);
  return { mix, peakDb };
}

/** Run tasks with at most `limit` in flight; results keep the input order. */
async function mapConcurrent(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  requireFfmpeg();
  const started = Date.now();
  const stems = buildStems();
  const renderSec = SONG.bars * BAR_SEC + RENDER_TAIL_SEC;

  mkdirSync(OUT_DIR, { recursive: true });

  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await mapConcurrent(stems, PARALLEL, async (stem) => {
      const t0 = Date.now();
      const rendered = await renderStem(browser, stem, renderSec);
      const { samples, startSec } = shapeStem(rendered, stem);
      stem.file = `${stem.id}.flac`;
      const filePath = path.join(OUT_DIR, stem.file);
      encodeFlac(samples, filePath);

      // Measure what was actually written.
      stem.audio = decode(filePath);
      stem.startSec = startSec;
      stem.durationSec = Math.round((stem.audio.length / SAMPLE_RATE) * 10000) / 10000;
      stem.peakDb = gainToDb(peakOf(stem.audio));
      stem.rmsDb = gainToDb(rmsOf(stem.audio));
      stem.lufs = loudnessOf(filePath);
      stem.bytes = statSync(filePath).size;
      if (stem.peakDb > -0.1) throw new Error(`${stem.id} clips (peak ${stem.peakDb.toFixed(2)} dBFS).`);
      if (!(stem.rmsDb > -60)) throw new Error(`${stem.id} is (nearly) silent.`);
      console.log(`rendered ${stem.id.padEnd(11)} ${String(stem.events.length).padStart(4)} events  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
  } finally {
    await browser.close();
  }

  const durationSec = Math.max(...stems.map((s) => s.startSec + s.durationSec));
  const manifest = {
    version: 1,
    title: SONG.title,
    bpm: SONG.bpm,
    key: SONG.key,
    timeSignature: SONG.timeSignature,
    bars: SONG.bars,
    sampleRate: SAMPLE_RATE,
    durationSec: Math.round(durationSec * 10000) / 10000,
    stems: stems.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      file: s.file,
      color: s.color,
      startSec: s.startSec,
      durationSec: s.durationSec,
      gainDb: s.gainDb,
      pan: s.pan,
    })),
  };
  writeFileSync(path.join(OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Remove stems left over from earlier versions of the song, so the folder matches the manifest.
  for (const name of readdirSync(OUT_DIR)) {
    if (name.endsWith('.flac') && !stems.some((stem) => stem.file === name)) rmSync(path.join(OUT_DIR, name));
  }

  printTable(stems);
  const { mix, peakDb } = mixCheck(stems, Math.ceil(durationSec * SAMPLE_RATE));
  if (peakDb > -1) console.warn('WARNING: the default mix peaks above -1 dBFS; lower some gainDb values.');

  // Optional: EARSHOT_MIX_PREVIEW=/tmp/mix.flac npm run samples  writes the default mono mix for listening.
  if (process.env.EARSHOT_MIX_PREVIEW) {
    encodeFlac(mix, process.env.EARSHOT_MIX_PREVIEW);
    console.log(`Mix preview written to ${process.env.EARSHOT_MIX_PREVIEW}`);
  }

  const totalBytes = readdirSync(OUT_DIR).reduce((sum, name) => sum + statSync(path.join(OUT_DIR, name)).size, 0);
  console.log(
    `\n"${SONG.title}": ${SONG.bpm} bpm, ${SONG.key}, ${SONG.bars} bars, ${durationSec.toFixed(2)} s. ` +
      `${stems.length} stems, ${(totalBytes / 1024 / 1024).toFixed(2)} MB in ${path.relative(ROOT, OUT_DIR)}/ ` +
      `(${((Date.now() - started) / 1000).toFixed(0)} s).`,
  );
  if (totalBytes > MAX_TOTAL_BYTES) throw new Error(`public/samples is ${(totalBytes / 1048576).toFixed(1)} MB, over the 20 MB budget.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
