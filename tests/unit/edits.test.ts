import { describe, expect, it } from 'vitest';
import { FADER_MIN_DB } from '../../src/dsp/decibels';
import * as edit from '../../src/state/edits';
import { defaultBuses, emptyProject, makeClip, makeTrack, type Project } from '../../src/state/project';
import { createEarshotStore, type EarshotStore } from '../../src/state/store';

/** Two tracks, two clips on the first, one user asset. */
function fixture(): Project {
  const buses = defaultBuses();
  const p = emptyProject();
  return {
    ...p,
    bpm: 120,
    bars: 4,
    durationSec: 8,
    assets: [
      { id: 'a', fileName: 'a.wav', source: 'url', url: 'a.wav' },
      { id: 'u', fileName: 'mine.wav', source: 'user', url: '' },
    ],
    tracks: [
      makeTrack({ id: 't1', name: 'Piano', role: 'piano', color: '#112233', clips: [makeClip({ id: 'c1', assetId: 'a', startSec: 0, durationSec: 4 }), makeClip({ id: 'c2', assetId: 'u', startSec: 5, durationSec: 2 })] }, buses),
      makeTrack({ id: 't2', name: 'Bass', role: 'bass', color: '#445566' }, buses),
    ],
  };
}

const clip = (p: Project, id: string) => edit.findClip(p, id)?.clip;

describe('clip edits', () => {
  it('moves a clip in time and to another track; negative times clamp to 0', () => {
    const p = fixture();
    expect(clip(edit.moveClip(p, 'c1', 1.5), 'c1')?.startSec).toBe(1.5);
    const moved = edit.moveClip(p, 'c1', 2, 't2');
    expect(moved.tracks[0]!.clips.map((c) => c.id)).toEqual(['c2']);
    expect(moved.tracks[1]!.clips.map((c) => [c.id, c.startSec])).toEqual([['c1', 2]]);
    expect(clip(edit.moveClip(p, 'c1', -3), 'c1')?.startSec).toBe(0);
    expect(edit.moveClip(p, 'nope', 1)).toBe(p);
  });

  it('moving a clip past the end lengthens the song', () => {
    const p = edit.moveClip(fixture(), 'c2', 20);
    expect(p.durationSec).toBe(22);
  });

  it('trims the left edge keeping the audio in place, never before the asset start', () => {
    const p = edit.moveClip(fixture(), 'c1', 1);
    const t = clip(edit.trimClipStart(p, 'c1', 2), 'c1')!;
    expect([t.startSec, t.offsetSec, t.durationSec]).toEqual([2, 1, 3]);
    const back = clip(edit.trimClipStart(edit.trimClipStart(p, 'c1', 2), 'c1', 0), 'c1')!;
    expect([back.startSec, back.offsetSec, back.durationSec]).toEqual([1, 0, 4]);
  });

  it('trims the right edge, never past the end of the audio or below the minimum length', () => {
    const p = fixture();
    expect(clip(edit.trimClipEnd(p, 'c1', 3), 'c1')?.durationSec).toBe(3);
    expect(clip(edit.trimClipEnd(p, 'c1', 10, 4.5), 'c1')?.durationSec).toBe(4.5);
    expect(clip(edit.trimClipEnd(p, 'c1', -1), 'c1')?.durationSec).toBe(edit.MIN_CLIP_SEC);
  });

  it('splits a clip in two that play the same audio, and refuses to split at an edge', () => {
    let p = edit.setClipFades(fixture(), 'c1', { fadeInSec: 0.5, fadeOutSec: 0.5 });
    p = edit.splitClip(p, 'c1', 1.5, 'c1b');
    const a = clip(p, 'c1')!;
    const b = clip(p, 'c1b')!;
    expect([a.startSec, a.durationSec, a.offsetSec, a.fadeInSec, a.fadeOutSec]).toEqual([0, 1.5, 0, 0.5, 0]);
    expect([b.startSec, b.durationSec, b.offsetSec, b.fadeInSec, b.fadeOutSec]).toEqual([1.5, 2.5, 1.5, 0, 0.5]);
    expect(edit.splitClip(p, 'c1', 0, 'x')).toBe(p);
    expect(edit.splitClip(p, 'c1', 1.5, 'y')).toBe(p);
  });

  it('duplicates a clip right after itself, and deletes clips (dropping user audio nothing plays)', () => {
    const p = edit.duplicateClip(fixture(), 'c1', 'c3');
    expect(clip(p, 'c3')).toMatchObject({ startSec: 4, durationSec: 4, assetId: 'a' });
    const d = edit.deleteClip(fixture(), 'c2');
    expect(clip(d, 'c2')).toBeUndefined();
    expect(d.assets.map((a) => a.id)).toEqual(['a']);
    // The demo's stems stay listed even when no clip plays them.
    expect(edit.deleteClip(fixture(), 'c1').assets.map((a) => a.id)).toEqual(['a', 'u']);
  });

  it('fades stay inside the clip; the dragged fade wins', () => {
    let p = edit.setClipFades(fixture(), 'c2', { fadeInSec: 1.5 });
    p = edit.setClipFades(p, 'c2', { fadeOutSec: 1 });
    expect(clip(p, 'c2')).toMatchObject({ fadeInSec: 1, fadeOutSec: 1 });
    expect(clip(edit.setClipFades(p, 'c2', { fadeInSec: 5 }), 'c2')).toMatchObject({ fadeInSec: 2, fadeOutSec: 0 });
  });

  it('clip gain is clamped to its range', () => {
    expect(clip(edit.setClipGain(fixture(), 'c1', -6), 'c1')?.gainDb).toBe(-6);
    expect(clip(edit.setClipGain(fixture(), 'c1', 99), 'c1')?.gainDb).toBe(24);
    expect(clip(edit.setClipGain(fixture(), 'c1', Number.NaN), 'c1')?.gainDb).toBe(-48);
  });

  it('adds a clip only for a known asset', () => {
    const ok = edit.addClip(fixture(), 't2', makeClip({ id: 'n', assetId: 'a', startSec: 1, durationSec: 1 }));
    expect(ok.tracks[1]!.clips).toHaveLength(1);
    const p = fixture();
    expect(edit.addClip(p, 't2', makeClip({ id: 'n', assetId: 'missing', startSec: 1, durationSec: 1 }))).toBe(p);
  });
});

describe('track edits', () => {
  it('adds, renames (plain text), recolours, reorders and removes tracks', () => {
    let p = edit.addTrack(fixture(), { id: 't3', name: 'Vox' });
    expect(p.tracks.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(p.tracks[2]!.sends.map((s) => [s.busId, s.levelDb])).toEqual([
      ['reverb', FADER_MIN_DB],
      ['delay', FADER_MIN_DB],
    ]);
    p = edit.renameTrack(p, 't3', '  Lead\u0000 <b>vocal</b>  ');
    expect(p.tracks[2]!.name).toBe('Lead <b>vocal</b>');
    expect(edit.renameTrack(p, 't3', '   ')).toBe(p);
    p = edit.setTrackColor(p, 't3', '#abcdef');
    expect(p.tracks[2]!.color).toBe('#abcdef');
    expect(edit.setTrackColor(p, 't3', 'red; background:url(x)')).toBe(p);
    p = edit.moveTrack(p, 't3', 0);
    expect(p.tracks.map((t) => t.id)).toEqual(['t3', 't1', 't2']);
    p = edit.removeTrack(p, 't1');
    expect(p.tracks.map((t) => t.id)).toEqual(['t3', 't2']);
    expect(p.assets.map((a) => a.id)).toEqual(['a']);
  });

  it('refuses a duplicate id and more than the maximum tracks', () => {
    const p = fixture();
    expect(edit.addTrack(p, { id: 't1' })).toBe(p);
    let many = emptyProject();
    for (let i = 0; i < edit.MAX_TRACKS + 5; i++) many = edit.addTrack(many, { id: `x${i}` });
    expect(many.tracks).toHaveLength(edit.MAX_TRACKS);
  });
});

describe('strip edits', () => {
  it('sets fader, pan, trim, mute and solo on tracks and buses alike, clamped', () => {
    let p = edit.setStripGain(fixture(), 't1', 99);
    expect(p.tracks[0]!.gainDb).toBe(6);
    p = edit.setStripPan(p, 'reverb', -5);
    expect(p.buses[0]!.pan).toBe(-1);
    p = edit.setStripTrim(p, 't2', -100);
    expect(p.tracks[1]!.trimDb).toBe(-24);
    p = edit.setStripMute(edit.setStripSolo(p, 'delay', true), 't1', true);
    expect([p.buses[1]!.solo, p.tracks[0]!.mute]).toEqual([true, true]);
  });

  it('changes and bypasses inserts, clamping every value; an unchanged value returns the same project', () => {
    let p = edit.setInsert(fixture(), 't1', 'comp', { bypass: false, ratio: 400, thresholdDb: -20 });
    expect(p.tracks[0]!.inserts.comp).toMatchObject({ bypass: false, ratio: 20, thresholdDb: -20 });
    p = edit.setInsert(p, 't1', 'eq', { bell1: { freqHz: 5, gainDb: 40, q: 0 } });
    expect(p.tracks[0]!.inserts.eq.bell1).toEqual({ freqHz: 20, gainDb: 24, q: 0.1 });
    p = edit.setInsertBypass(p, 't1', 'hpf', false);
    expect(p.tracks[0]!.inserts.hpf.bypass).toBe(false);
    expect(edit.setInsertBypass(p, 't1', 'hpf', false)).toBe(p);
    // Other tracks share the untouched default object.
    expect(p.tracks[1]!.inserts).toBe(fixture().tracks[1]!.inserts);
  });

  it('sets sends to existing buses only', () => {
    let p = edit.setSend(fixture(), 't1', 'reverb', { levelDb: -6, pre: true });
    expect(p.tracks[0]!.sends.find((s) => s.busId === 'reverb')).toEqual({ busId: 'reverb', levelDb: -6, pre: true });
    const q = edit.setSend(p, 't1', 'nope', { levelDb: 0 });
    expect(q).toBe(p);
    p = edit.setSend(p, 't1', 'reverb', { levelDb: -6 });
    expect(edit.setSend(p, 't1', 'reverb', { levelDb: -6 })).toBe(p);
  });

  it('sets bus effects within range and keeps the type', () => {
    const p = edit.setBusEffect(fixture(), 'reverb', { decaySec: 100, preDelayMs: 15 });
    expect(p.buses[0]!.effect).toEqual({ type: 'reverb', decaySec: 8, preDelayMs: 15, dampHz: 6000, lowCutHz: 20, highCutHz: 20000 });
    const d = edit.setBusEffect(p, 'delay', { feedback: 2 });
    expect(d.buses[1]!.effect).toMatchObject({ type: 'delay', feedback: 0.95 });
  });
});

describe('automation and markers', () => {
  it('keeps lanes sorted, clamps values, and interpolates in straight lines', () => {
    let p = edit.addAutomationPoint(fixture(), 't1', 'volume', { timeSec: 4, value: 0 });
    p = edit.addAutomationPoint(p, 't1', 'volume', { timeSec: 2, value: -100 });
    const lane = p.tracks[0]!.automation.volume;
    expect(lane).toEqual([
      { timeSec: 2, value: FADER_MIN_DB },
      { timeSec: 4, value: 0 },
    ]);
    expect(edit.automationValueAt(lane, 3)).toBe(-30);
    expect(edit.automationValueAt(lane, 0)).toBe(FADER_MIN_DB);
    expect(edit.automationValueAt(lane, 9)).toBe(0);
    expect(edit.automationValueAt([], 1)).toBeNull();
    p = edit.moveAutomationPoint(p, 't1', 'volume', 0, { timeSec: 6, value: -6 });
    expect(p.tracks[0]!.automation.volume.map((x) => x.timeSec)).toEqual([4, 6]);
    p = edit.removeAutomationPoint(p, 't1', 'volume', 1);
    expect(p.tracks[0]!.automation.volume).toEqual([{ timeSec: 4, value: 0 }]);
    p = edit.addAutomationPoint(p, 't1', 'pan', { timeSec: 1, value: 3 });
    expect(p.tracks[0]!.automation.pan).toEqual([{ timeSec: 1, value: 1 }]);
    expect(edit.clearAutomation(p, 't1', 'pan').tracks[0]!.automation.pan).toEqual([]);
  });

  it('adds, renames and removes markers, sorted by time', () => {
    let p = edit.addMarker(fixture(), { id: 'm2', timeSec: 4, name: 'Chorus' });
    p = edit.addMarker(p, { id: 'm1', timeSec: 1, name: 'Verse' });
    expect(p.markers.map((m) => m.name)).toEqual(['Verse', 'Chorus']);
    p = edit.renameMarker(p, 'm1', 'Intro');
    expect(p.markers[0]!.name).toBe('Intro');
    expect(edit.removeMarker(p, 'm1').markers.map((m) => m.id)).toEqual(['m2']);
  });
});

describe('undo and redo in the store', () => {
  const store = (): EarshotStore => createEarshotStore(fixture());

  /** Every action, run and then undone, gives back a deep-equal project; redo gives the edited one again. */
  const cases: [string, (s: EarshotStore) => void][] = [
    ['setTrackGain', (s) => s.getState().actions.setTrackGain('t1', -12)],
    ['setTrackPan', (s) => s.getState().actions.setTrackPan('t1', 0.5)],
    ['setTrackMute', (s) => s.getState().actions.setTrackMute('t1', true)],
    ['setTrackSolo', (s) => s.getState().actions.setTrackSolo('reverb', true)],
    ['setTrim', (s) => s.getState().actions.setTrim('t2', 6)],
    ['setInsert', (s) => s.getState().actions.setInsert('t1', 'comp', { ratio: 8 })],
    ['setInsertBypass', (s) => s.getState().actions.setInsertBypass('t1', 'sat', false)],
    ['setSend', (s) => s.getState().actions.setSend('t1', 'delay', { levelDb: -10 })],
    ['setBusEffect', (s) => s.getState().actions.setBusEffect('delay', { timeMs: 250 })],
    ['addTrack', (s) => void s.getState().actions.addTrack({ name: 'New' })],
    ['removeTrack', (s) => s.getState().actions.removeTrack('t1')],
    ['renameTrack', (s) => s.getState().actions.renameTrack('t1', 'Keys')],
    ['setTrackColor', (s) => s.getState().actions.setTrackColor('t1', '#000000')],
    ['moveTrack', (s) => s.getState().actions.moveTrack('t2', 0)],
    ['addAudio', (s) => void s.getState().actions.addAudio({ id: 'n', fileName: 'new.wav', source: 'user', url: '' }, 3, null, 1)],
    ['moveClip', (s) => s.getState().actions.moveClip('c1', 2, 't2')],
    ['trimClipStart', (s) => s.getState().actions.trimClipStart('c1', 1)],
    ['trimClipEnd', (s) => s.getState().actions.trimClipEnd('c1', 2)],
    ['splitAt', (s) => s.getState().actions.splitAt(2, 'c1')],
    ['duplicateClip', (s) => s.getState().actions.duplicateClip('c1')],
    ['deleteClip', (s) => s.getState().actions.deleteClip('c2')],
    ['setClipFades', (s) => s.getState().actions.setClipFades('c1', { fadeInSec: 1 })],
    ['setClipGain', (s) => s.getState().actions.setClipGain('c1', -3)],
    ['addAutomationPoint', (s) => s.getState().actions.addAutomationPoint('t1', 'volume', { timeSec: 1, value: -6 })],
    ['addMarker', (s) => s.getState().actions.addMarker(2, 'Drop')],
    ['setMasterGain', (s) => s.getState().actions.setMasterGain(-3)],
    ['setLoop', (s) => s.getState().actions.setLoop(1, 3)],
    ['updateMastering', (s) => s.getState().actions.updateMastering((m) => ({ ...m, enabled: !m.enabled }))],
  ];

  it.each(cases)('%s undoes to a deep-equal project and redoes to the edit', (_, run) => {
    const s = store();
    const before = structuredClone(s.getState().project);
    run(s);
    const after = s.getState().project;
    expect(after).not.toEqual(before);
    s.getState().actions.undo();
    expect(s.getState().project).toEqual(before);
    s.getState().actions.redo();
    expect(s.getState().project).toEqual(after);
  });

  it('a gesture (a drag) is one undo step, however many changes it makes', () => {
    const s = store();
    const a = s.getState().actions;
    const before = s.getState().project;
    a.beginGesture();
    for (let t = 0.1; t < 2; t += 0.1) a.moveClip('c1', t);
    a.endGesture();
    expect(s.getState().history.past).toHaveLength(1);
    a.undo();
    expect(s.getState().project).toBe(before);
  });

  it('a new edit clears the redo list; loading a project clears the history', () => {
    const s = store();
    const a = s.getState().actions;
    a.setTrackGain('t1', -6);
    a.undo();
    expect(s.getState().history.future).toHaveLength(1);
    a.setTrackGain('t1', -3);
    expect(s.getState().history.future).toHaveLength(0);
    a.loadProject(fixture());
    expect(s.getState().history).toEqual({ past: [], future: [] });
  });

  it('an edit that changes nothing records no step', () => {
    const s = store();
    s.getState().actions.setTrackGain('t1', 0);
    s.getState().actions.moveClip('missing', 3);
    expect(s.getState().history.past).toHaveLength(0);
  });

  it('undo keeps the selection valid', () => {
    const s = store();
    const a = s.getState().actions;
    const id = a.addTrack({ name: 'Temp' });
    expect(s.getState().selectedTrackId).toBe(id);
    a.undo();
    expect(s.getState().selectedTrackId).toBeNull();
  });

  it('S splits the selected clip and selects its right half', () => {
    const s = store();
    const a = s.getState().actions;
    a.select({ trackId: 't1', clipId: 'c1' });
    a.splitAt(1);
    const clips = s.getState().project.tracks[0]!.clips;
    expect(clips).toHaveLength(3);
    expect(s.getState().selectedClipId).toBe(clips[1]!.id);
  });
});

describe('wow and flutter', () => {
  it('sets a track\'s depth clamped to 0..20 cents, and returns the project unchanged when equal', () => {
    const p = fixture();
    expect(p.tracks[0]!.wowCents).toBe(0);
    expect(edit.setTrackWow(p, 't1', 6).tracks[0]!.wowCents).toBe(6);
    expect(edit.setTrackWow(p, 't1', 50).tracks[0]!.wowCents).toBe(20);
    expect(edit.setTrackWow(p, 't1', -3).tracks[0]!.wowCents).toBe(0);
    expect(edit.setTrackWow(p, 't1', 0)).toBe(p);
    expect(edit.setTrackWow(p, 'nope', 5)).toBe(p);
  });

  it('the store action changes the track', () => {
    const s = createEarshotStore(fixture());
    s.getState().actions.setTrackWow('t2', 8);
    expect(s.getState().project.tracks[1]!.wowCents).toBe(8);
  });
});
