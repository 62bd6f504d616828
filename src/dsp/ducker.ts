/**
 * Sidechain ducking's gain computer: a key signal (the kick) over a threshold pulls the gain down by depthDb
 * within the attack time; when the key stops, the gain recovers with the release time constant.
 * The output is the gain to apply (linear, 0..1), one value per sample.
 */
export class Ducker {
  private env = 0;
  private attackCoef = 0;
  private releaseCoef = 0;
  private threshold = 0;
  private depthDb = 0;

  constructor(private readonly sampleRate: number) {
    this.set({ thresholdDb: -30, depthDb: 9, attackMs: 3, releaseMs: 180 });
  }

  /**
   * @param o.thresholdDb key level that triggers the dip, dBFS
   * @param o.depthDb how far the gain dips, dB (≥ 0)
   * @param o.attackMs time to reach the full dip, ms
   * @param o.releaseMs recovery time constant, ms (the gain is back within ~1 dB after about 2× this)
   */
  set(o: { thresholdDb: number; depthDb: number; attackMs: number; releaseMs: number }): void {
    this.threshold = Math.pow(10, o.thresholdDb / 20);
    this.depthDb = Math.max(0, o.depthDb);
    this.attackCoef = 1 - Math.exp(-1 / (Math.max(0.1, o.attackMs) * 0.001 * this.sampleRate));
    this.releaseCoef = Math.exp(-1 / (Math.max(1, o.releaseMs) * 0.001 * this.sampleRate));
  }

  /** Fills `gain` from the key (a missing key reads as silence). */
  process(key: Float32Array | undefined, gain: Float32Array, frames: number): void {
    for (let i = 0; i < frames; i++) {
      const hit = key !== undefined && Math.abs(key[i]!) >= this.threshold;
      if (hit) this.env += (1 - this.env) * this.attackCoef;
      else this.env *= this.releaseCoef;
      gain[i] = Math.pow(10, (-this.depthDb * this.env) / 20);
    }
  }
}
