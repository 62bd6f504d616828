import type { Track } from '../../state/project';
import { isAudible, selectAnySolo } from '../../state/selectors';
import { Fader } from '../components/Fader';
import { Meter } from '../components/Meter';
import { PanKnob } from '../components/PanKnob';
import { useEarshot } from '../StoreContext';

function TrackStrip({ track, audible }: { track: Track; audible: boolean }) {
  const actions = useEarshot((s) => s.actions);
  return (
    <div className={`strip${audible ? '' : ' strip-silent'}`} role="group" aria-label={`${track.name} channel`} style={{ ['--track-color' as string]: track.color }}>
      <div className="strip-name" title={track.name}>
        {track.name}
      </div>
      <PanKnob label={`Pan ${track.name}`} value={track.pan} onChange={(v) => actions.setTrackPan(track.id, v)} />
      <div className="strip-body">
        <Fader label={`Volume ${track.name}`} valueDb={track.gainDb} onChange={(v) => actions.setTrackGain(track.id, v)} />
        <Meter source={track.id} label={track.name} />
      </div>
      <div className="strip-buttons">
        <button type="button" className="btn-toggle btn-mute" aria-pressed={track.mute} aria-label={`Mute ${track.name}`} onClick={() => actions.setTrackMute(track.id, !track.mute)}>
          M
        </button>
        <button type="button" className="btn-toggle btn-solo" aria-pressed={track.solo} aria-label={`Solo ${track.name}`} onClick={() => actions.setTrackSolo(track.id, !track.solo)}>
          S
        </button>
      </div>
    </div>
  );
}

export function MixerPanel() {
  const tracks = useEarshot((s) => s.project.tracks);
  const anySolo = useEarshot(selectAnySolo);
  const masterDb = useEarshot((s) => s.project.master.gainDb);
  const actions = useEarshot((s) => s.actions);
  return (
    <section className="mixer" aria-label="Mixer">
      <div className="mixer-strips">
        {tracks.map((t) => (
          <TrackStrip key={t.id} track={t} audible={isAudible(t, anySolo)} />
        ))}
      </div>
      <div className="strip strip-master" role="group" aria-label="Master channel">
        <div className="strip-name">Master</div>
        <div className="strip-body">
          <Fader label="Master volume" valueDb={masterDb} onChange={actions.setMasterGain} />
          <Meter source="master" label="Master" readout />
        </div>
      </div>
    </section>
  );
}
