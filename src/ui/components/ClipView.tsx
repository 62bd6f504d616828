import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { peakEnvelope } from '../../dsp/peaks';
import type { Clip } from '../../state/project';
import type { AssetStatus } from '../../state/store';

interface ClipViewProps {
  readonly clip: Clip;
  readonly fileName: string;
  readonly status: AssetStatus | undefined;
  readonly color: string;
  readonly pxPerSec: number;
  readonly height: number;
}

/**
 * One clip on a lane. wavesurfer.js is only the view: it gets the peaks computed once at load and the
 * duration, never the audio, so nothing is decoded a second time. Tone owns playback.
 */
export function ClipView({ clip, fileName, status, color, pxPerSec, height }: ClipViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const ready = status?.state === 'ready' ? status : null;

  useEffect(() => {
    if (!ready || !host.current) return;
    const [top, bottom] = peakEnvelope(ready.peaks);
    const first = Math.floor(clip.offsetSec * ready.peaks.bucketsPerSec);
    const count = Math.ceil(clip.durationSec * ready.peaks.bucketsPerSec);
    const ws = WaveSurfer.create({
      container: host.current,
      peaks: [top.subarray(first, first + count), bottom.subarray(first, first + count)],
      duration: clip.durationSec,
      height,
      waveColor: color,
      progressColor: color,
      cursorWidth: 0,
      interact: false,
      normalize: false,
      fillParent: true,
      hideScrollbar: true,
      autoScroll: false,
      autoCenter: false,
    });
    return () => ws.destroy();
  }, [ready, clip.offsetSec, clip.durationSec, color, height]);

  return (
    <div
      className={`clip clip-${status?.state ?? 'loading'}`}
      style={{ left: clip.startSec * pxPerSec, width: Math.max(2, clip.durationSec * pxPerSec), ['--track-color' as string]: color }}
      data-clip={clip.id}
    >
      {ready && <div className="clip-wave" ref={host} />}
      {status?.state === 'error' && (
        <div className="clip-message" role="alert">
          {status.message}
        </div>
      )}
      {(!status || status.state === 'loading') && <div className="clip-message">Loading {fileName}…</div>}
    </div>
  );
}
