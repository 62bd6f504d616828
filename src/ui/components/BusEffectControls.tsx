import { RANGES } from '../../state/edits';
import { defaultBuses, type BusEffect, type DelayEffect, type ReverbEffect } from '../../state/project';
import { formatHz, formatMs, formatPercent, formatSeconds } from '../format';
import { useEarshot } from '../StoreContext';
import { Knob } from './Knob';

const DEFAULTS = defaultBuses();
const REVERB = (DEFAULTS.find((b) => b.effect.type === 'reverb')?.effect ?? { type: 'reverb', decaySec: 1.8, preDelayMs: 20, dampHz: 6000 }) as ReverbEffect;
const DELAY = (DEFAULTS.find((b) => b.effect.type === 'delay')?.effect ?? { type: 'delay', timeMs: 375, feedback: 0.35, toneHz: 4000 }) as DelayEffect;

interface BusEffectControlsProps {
  readonly busId: string;
  readonly busName: string;
  readonly effect: BusEffect;
  readonly color: string;
}

/** A bus's own effect on its strip: reverb (decay, pre-delay, damping) or delay (time, feedback, tone). */
export function BusEffectControls({ busId, busName, effect, color }: BusEffectControlsProps) {
  const actions = useEarshot((s) => s.actions);
  const set = (patch: Record<string, number>) => actions.setBusEffect(busId, patch);
  if (effect.type === 'reverb')
    return (
      <div className="mx-effect" role="group" aria-label={`${busName} reverb`}>
        <Knob layout="row" color={color} label={`Decay ${busName}`} caption="Decay" value={effect.decaySec} min={RANGES.decaySec[0]} max={RANGES.decaySec[1]} log defaultValue={REVERB.decaySec} format={formatSeconds} onChange={(decaySec) => set({ decaySec })} />
        <Knob layout="row" color={color} label={`Pre-delay ${busName}`} caption="Pre-dly" value={effect.preDelayMs} min={RANGES.preDelayMs[0]} max={RANGES.preDelayMs[1]} step={1} defaultValue={REVERB.preDelayMs} format={formatMs} onChange={(preDelayMs) => set({ preDelayMs })} />
        <Knob layout="row" color={color} label={`Damping ${busName}`} caption="Damp" value={effect.dampHz} min={RANGES.dampHz[0]} max={RANGES.dampHz[1]} log defaultValue={REVERB.dampHz} format={formatHz} onChange={(dampHz) => set({ dampHz })} />
      </div>
    );
  if (effect.type === 'delay')
    return (
      <div className="mx-effect" role="group" aria-label={`${busName} delay`}>
        <Knob layout="row" color={color} label={`Time ${busName}`} caption="Time" value={effect.timeMs} min={RANGES.delayMs[0]} max={RANGES.delayMs[1]} log defaultValue={DELAY.timeMs} format={formatMs} onChange={(timeMs) => set({ timeMs })} />
        <Knob layout="row" color={color} label={`Feedback ${busName}`} caption="Fdbk" value={effect.feedback} min={RANGES.feedback[0]} max={RANGES.feedback[1]} step={0.01} defaultValue={DELAY.feedback} format={formatPercent} onChange={(feedback) => set({ feedback })} />
        <Knob layout="row" color={color} label={`Tone ${busName}`} caption="Tone" value={effect.toneHz} min={RANGES.toneHz[0]} max={RANGES.toneHz[1]} log defaultValue={DELAY.toneHz} format={formatHz} onChange={(toneHz) => set({ toneHz })} />
      </div>
    );
  return <p className="mx-effect mx-effect-none">No effect</p>;
}
