import { createContext, useContext } from 'react';

export interface ExportSettings {
  readonly sampleRate: 44100 | 48000;
  readonly bitDepth: 16 | 24;
}

/** What the UI may ask of the audio engine. The UI never touches Tone.js; app/ supplies this. */
export interface EngineApi {
  /** The listener's position in the song, seconds. Read once per frame, never stored. */
  getPositionSec(): number;
  /** Latest post-fader [peakL, peakR] of a track id or "master", linear. */
  readMeter(id: string): Float32Array;
  /** Renders the mix offline and encodes a WAV file. */
  exportMix(settings: ExportSettings, onProgress: (fraction: number) => void): Promise<Blob>;
}

export const EngineContext = createContext<EngineApi | null>(null);

export function useEngine(): EngineApi {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine() needs an <EngineContext.Provider>');
  return engine;
}
