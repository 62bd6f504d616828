import { describe, expect, it } from 'vitest';
import { ManifestError, projectFromManifest } from '../../src/state/manifest';
import { isAudible, selectAnySolo, selectAudibility } from '../../src/state/selectors';
import { createEarshotStore } from '../../src/state/store';

const manifest = {
  version: 1,
  title: 'Test Song',
  bpm: 96,
  key: 'A minor',
  timeSignature: [4, 4],
  bars: 16,
  sampleRate: 44100,
  durationSec: 41,
  stems: [
    { id: 'kick', name: 'Kick', role: 'kick', file: 'kick.flac', color: '#e4572e', startSec: 0, durationSec: 40, gainDb: 0, pan: 0 },
    { id: 'lead', name: 'Lead', role: 'lead', file: 'lead.flac', color: '#d16ba5', startSec: 10, durationSec: 31, gainDb: -3, pan: 0.1 },
  ],
};

const demo = () => projectFromManifest(manifest, '/samples/');

describe('projectFromManifest', () => {
  it('makes a track and a clip per stem', () => {
    const p = demo();
    expect(p.tracks.map((t) => t.name)).toEqual(['Kick', 'Lead']);
    expect(p.tracks[1]!.clips[0]).toMatchObject({ assetId: 'lead', startSec: 10, durationSec: 31 });
    expect(p.assets[1]).toEqual({ id: 'lead', fileName: 'lead.flac', source: 'url', url: '/samples/lead.flac' });
    expect(p.durationSec).toBe(41);
    expect(p.bpm).toBe(96);
    expect(p.tracks[1]!.gainDb).toBe(-3);
  });

  it.each([
    [null, 'top level'],
    [{ ...manifest, bpm: 'fast' }, '"bpm" must be a number'],
    [{ ...manifest, stems: [] }, '"stems"'],
    [{ ...manifest, stems: [{ ...manifest.stems[0], file: '../../etc/passwd' }] }, 'not a plain audio file name'],
    [{ ...manifest, stems: [manifest.stems[0], manifest.stems[0]] }, 'used twice'],
    [{ ...manifest, stems: [{ ...manifest.stems[0], durationSec: -1 }] }, 'stem 1: "durationSec"'],
  ])('rejects a malformed manifest with a message that names the problem (%#)', (raw, message) => {
    expect(() => projectFromManifest(raw, '/')).toThrow(ManifestError);
    expect(() => projectFromManifest(raw, '/')).toThrow(message);
  });
});

describe('store actions', () => {
  it('sets gain and pan, clamped to the fader and pan ranges', () => {
    const store = createEarshotStore(demo());
    const a = store.getState().actions;
    a.setTrackGain('kick', -7.5);
    a.setTrackPan('lead', -0.25);
    expect(store.getState().project.tracks[0]!.gainDb).toBe(-7.5);
    expect(store.getState().project.tracks[1]!.pan).toBe(-0.25);
    a.setTrackGain('kick', 99);
    a.setTrackPan('lead', -5);
    expect(store.getState().project.tracks[0]!.gainDb).toBe(6);
    expect(store.getState().project.tracks[1]!.pan).toBe(-1);
    a.setTrackGain('kick', Number.NaN);
    expect(store.getState().project.tracks[0]!.gainDb).toBe(-60);
    a.setMasterGain(-3);
    expect(store.getState().project.master.gainDb).toBe(-3);
  });

  it('leaves the project object alone when nothing changes (no needless engine work)', () => {
    const store = createEarshotStore(demo());
    const before = store.getState().project;
    store.getState().actions.setTrackMute('kick', false);
    store.getState().actions.setTrackGain('nope', -3);
    expect(store.getState().project).toBe(before);
  });

  it('mute and solo decide who is heard', () => {
    const store = createEarshotStore(demo());
    const a = store.getState().actions;
    const buses = { reverb: true, delay: true };
    expect(selectAudibility(store.getState())).toEqual({ kick: true, lead: true, ...buses });
    a.setTrackSolo('lead', true);
    expect(selectAnySolo(store.getState())).toBe(true);
    // Buses are solo-safe: soloing a track leaves them audible.
    expect(selectAudibility(store.getState())).toEqual({ kick: false, lead: true, ...buses });
    a.setTrackMute('lead', true);
    expect(selectAudibility(store.getState())).toEqual({ kick: false, lead: false, ...buses });
    a.setTrackMute('lead', false);
    a.setTrackSolo('lead', false);
    // Soloing a bus silences the tracks' own outputs (they still feed the bus) and the other bus.
    a.setTrackSolo('reverb', true);
    expect(selectAudibility(store.getState())).toEqual({ kick: false, lead: false, reverb: true, delay: false });
    expect(isAudible(store.getState().project.tracks[0]!, false)).toBe(true);
  });

  it('transport: play, pause, stop returns to the start, seek bumps the serial', () => {
    const store = createEarshotStore(demo());
    const a = store.getState().actions;
    a.togglePlay();
    expect(store.getState().playState).toBe('playing');
    a.togglePlay();
    expect(store.getState().playState).toBe('paused');
    const serial = store.getState().seekSerial;
    a.seek(12.5);
    expect(store.getState().cursorSec).toBe(12.5);
    expect(store.getState().seekSerial).toBe(serial + 1);
    a.seek(12.5);
    expect(store.getState().seekSerial).toBe(serial + 2);
    a.seek(1000);
    expect(store.getState().cursorSec).toBe(41);
    a.stop();
    expect(store.getState()).toMatchObject({ playState: 'stopped', cursorSec: 0 });
  });

  it('loop region: ordered, clamped, and never shorter than 50 ms', () => {
    const store = createEarshotStore(demo());
    const a = store.getState().actions;
    a.setLoop(10, 5);
    expect(store.getState().project.loop).toMatchObject({ startSec: 5, endSec: 10 });
    a.setLoop(-3, 100);
    expect(store.getState().project.loop).toMatchObject({ startSec: 0, endSec: 41 });
    a.setLoop(3, 3.01);
    expect(store.getState().project.loop).toMatchObject({ startSec: 0, endSec: 41 });
    a.setLoopEnabled(true);
    expect(store.getState().project.loop.enabled).toBe(true);
  });

  it('notifies a selector subscription only for its own slice', () => {
    const store = createEarshotStore(demo());
    const seen: number[] = [];
    const off = store.subscribe((s) => s.project.master, (m) => seen.push(m.gainDb));
    store.getState().actions.setTrackGain('kick', -1);
    store.getState().actions.setMasterGain(-2);
    off();
    store.getState().actions.setMasterGain(-4);
    expect(seen).toEqual([-2]);
  });

  it('a mix analysis remembers the project it measured, so a later edit shows it is out of date', () => {
    const store = createEarshotStore(demo());
    const a = store.getState().actions;
    const analysis = { subject: 'Mix', integratedLufs: -14, lra: 5, truePeakDb: -1, plr: 13, shortTermMaxLufs: -10, momentaryMaxLufs: -8, durationSec: 41 };
    a.setMixAnalysis(analysis, store.getState().project);
    expect(store.getState().mixAnalysisOf).toBe(store.getState().project);
    a.setTrackGain('kick', -2);
    expect(store.getState().mixAnalysisOf).not.toBe(store.getState().project);
    expect(store.getState().mixAnalysis).toEqual(analysis);
  });

  it('zoom stays within its limits', () => {
    const store = createEarshotStore(demo());
    store.getState().actions.setZoom(1e9);
    expect(store.getState().pxPerSec).toBe(400);
    store.getState().actions.setZoom(0);
    expect(store.getState().pxPerSec).toBe(4);
  });
});
