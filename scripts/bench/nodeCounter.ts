/**
 * Counts native AudioNodes as they are made, by type and by context.
 *
 * Importing this module patches, once, every node constructor (`new GainNode(ctx)`, as Earshot's strips do) and
 * every `BaseAudioContext.prototype.create*` factory (`ctx.createGain()`, as Tone.js does). Import it before anything
 * that might keep a reference to the originals (Tone, the engine): ES modules evaluate in import order.
 * Native code never calls the patched JavaScript globals, so no node is counted twice.
 */

/** The node types the benchmark counts. */
export const NODE_TYPES = [
  'GainNode',
  'StereoPannerNode',
  'BiquadFilterNode',
  'DynamicsCompressorNode',
  'DelayNode',
  'AudioBufferSourceNode',
  'ChannelSplitterNode',
  'ChannelMergerNode',
  'AudioWorkletNode',
  'ConvolverNode',
  'OscillatorNode',
  'WaveShaperNode',
  'ConstantSourceNode',
  'AnalyserNode',
  'IIRFilterNode',
  'PannerNode',
] as const;

export type NodeType = (typeof NODE_TYPES)[number];

/** Node counts by type, plus their total. Types never made are absent. */
export type NodeCounts = Partial<Record<NodeType, number>> & { total: number };

const FACTORIES: ReadonlyArray<readonly [string, NodeType]> = [
  ['createGain', 'GainNode'],
  ['createStereoPanner', 'StereoPannerNode'],
  ['createBiquadFilter', 'BiquadFilterNode'],
  ['createDynamicsCompressor', 'DynamicsCompressorNode'],
  ['createDelay', 'DelayNode'],
  ['createBufferSource', 'AudioBufferSourceNode'],
  ['createChannelSplitter', 'ChannelSplitterNode'],
  ['createChannelMerger', 'ChannelMergerNode'],
  ['createConvolver', 'ConvolverNode'],
  ['createOscillator', 'OscillatorNode'],
  ['createWaveShaper', 'WaveShaperNode'],
  ['createConstantSource', 'ConstantSourceNode'],
  ['createAnalyser', 'AnalyserNode'],
  ['createIIRFilter', 'IIRFilterNode'],
  ['createPanner', 'PannerNode'],
];

const byContext = new WeakMap<BaseAudioContext, NodeCounts>();
/** Every node made in any OfflineAudioContext (renderProject makes its context where we cannot reach it). */
const offline: NodeCounts = { total: 0 };

function bump(counts: NodeCounts, type: NodeType): void {
  counts[type] = (counts[type] ?? 0) + 1;
  counts.total++;
}

function record(type: NodeType, context: unknown): void {
  if (!(context instanceof BaseAudioContext)) return;
  let counts = byContext.get(context);
  if (!counts) {
    counts = { total: 0 };
    byContext.set(context, counts);
  }
  bump(counts, type);
  if (context instanceof OfflineAudioContext) bump(offline, type);
}

function install(): void {
  const globals = globalThis as unknown as Record<string, unknown>;
  if (globals.__earshotNodeCounter) return;
  globals.__earshotNodeCounter = true;

  for (const type of NODE_TYPES) {
    const ctor = globals[type];
    if (typeof ctor !== 'function') continue;
    // A Proxy keeps `instanceof`, `prototype` and subclassing working; only construction is observed.
    globals[type] = new Proxy(ctor, {
      construct(target, args: unknown[], newTarget) {
        record(type, args[0]);
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
  }

  const proto = BaseAudioContext.prototype as unknown as Record<string, unknown>;
  for (const [method, type] of FACTORIES) {
    const original = proto[method];
    if (typeof original !== 'function') continue;
    const call = original as (this: BaseAudioContext, ...args: unknown[]) => AudioNode;
    proto[method] = function (this: BaseAudioContext, ...args: unknown[]): AudioNode {
      record(type, this);
      return call.apply(this, args);
    };
  }
}

install();

/** A copy of the counts of one context so far. */
export function countsOf(context: BaseAudioContext): NodeCounts {
  return { ...(byContext.get(context) ?? { total: 0 }) };
}

/** A copy of the counts over every OfflineAudioContext so far. */
export function offlineCounts(): NodeCounts {
  return { ...offline };
}

/**
 * What was made between two snapshots, optionally divided (e.g. by a track count).
 * @param divisor > 0; 1 gives plain differences
 */
export function diffCounts(after: NodeCounts, before: NodeCounts, divisor = 1): NodeCounts {
  const out: NodeCounts = { total: (after.total - before.total) / divisor };
  for (const type of NODE_TYPES) {
    const d = ((after[type] ?? 0) - (before[type] ?? 0)) / divisor;
    if (d !== 0) out[type] = d;
  }
  return out;
}
