/**
 * A WAV file of 32-bit float samples (format tag 3), interleaved: how a recorded take is kept, exactly as captured.
 * @param channels one Float32Array per channel, equal lengths
 * @param sampleRate Hz
 */
export function encodeWavFloat32(channels: readonly Float32Array[], sampleRate: number): ArrayBuffer {
  const numCh = channels.length;
  const frames = channels[0]?.length ?? 0;
  const dataBytes = frames * numCh * 4;
  const out = new ArrayBuffer(44 + dataBytes);
  const v = new DataView(out);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 3, true);
  v.setUint16(22, numCh, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * numCh * 4, true);
  v.setUint16(32, numCh * 4, true);
  v.setUint16(34, 32, true);
  text(36, 'data');
  v.setUint32(40, dataBytes, true);
  let at = 44;
  for (let i = 0; i < frames; i++)
    for (let c = 0; c < numCh; c++) {
      v.setFloat32(at, (channels[c] as Float32Array)[i] as number, true);
      at += 4;
    }
  return out;
}
