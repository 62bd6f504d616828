import type { LoudnessMeasurement } from '../../dsp/loudness';
import type { AnalysisRequest, AnalysisResponse } from './analysis.worker';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Runs loudness measurements and the auto-master gain search in a Worker. */
export class Analyzer {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: { measurement: LoudnessMeasurement; gainDb?: number }) => void; reject: (e: Error) => void }>();

  /** The signal is copied to the worker; the caller keeps its buffers. */
  run(body: Body<AnalysisRequest>): Promise<{ measurement: LoudnessMeasurement; gainDb?: number }> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id } as AnalysisRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<AnalysisResponse>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (!p) return;
      if (e.data.ok) p.resolve({ measurement: e.data.measurement, ...(e.data.gainDb !== undefined ? { gainDb: e.data.gainDb } : {}) });
      else p.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(`analysis failed: ${e.message}`));
      this.pending.clear();
    };
    return worker;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('the analyser was closed'));
    this.pending.clear();
  }
}
