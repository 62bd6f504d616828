import { faderGain } from '../dsp/decibels';
import { clampPan } from '../dsp/pan';
import type { AutomationParam, AutomationPoint } from '../state/project';
import { automationValueAt } from '../state/edits';

/** What an automation value means to its AudioParam: a fader position in dB becomes a gain; pan is pan. */
export function automationToParam(param: AutomationParam, value: number): number {
  return param === 'volume' ? faderGain(value) : clampPan(value);
}

/**
 * Schedules a lane on an AudioParam, sample-accurately, for the stretch of song from fromSec to toSec that
 * starts playing at context time `at`. Volume moves in straight lines in dB (exponential gain ramps; linear
 * ones where an end is silent); pan moves in straight lines.
 */
export function scheduleLane(
  target: AudioParam,
  param: AutomationParam,
  lane: readonly AutomationPoint[],
  fromSec: number,
  toSec: number,
  at: number,
): void {
  target.cancelScheduledValues(at);
  const start = automationValueAt(lane, fromSec);
  if (start === null) return;
  let prev = automationToParam(param, start);
  target.setValueAtTime(prev, at);
  for (const pt of lane) {
    if (pt.timeSec <= fromSec) continue;
    if (pt.timeSec > toSec) {
      // Ramp to where the lane is at toSec, so a loop's end is exact.
      const end = automationValueAt(lane, toSec);
      if (end !== null) ramp(target, param, prev, automationToParam(param, end), at + (toSec - fromSec));
      return;
    }
    const v = automationToParam(param, pt.value);
    ramp(target, param, prev, v, at + (pt.timeSec - fromSec));
    prev = v;
  }
}

function ramp(target: AudioParam, param: AutomationParam, from: number, to: number, time: number): void {
  if (param === 'volume' && from > 0 && to > 0) target.exponentialRampToValueAtTime(to, time);
  else target.linearRampToValueAtTime(to, time);
}
