import { HOUR, isTimeZone, makeCalendar, weekPositionAtStart, DAY, type Calendar } from '../sim/index.js';
import type { GeneratedMailFlow, SimulationConfig } from '../model/config.js';
import { planHorizon } from '../model/checker/plan-horizon.js';
import type { ResolveFailure } from './resolve-failure.js';
import type { ScenarioFile } from './schema.js';

/** The scenario's calendar (startDate and timeZone), or undefined without a start date. */
export function resolveCalendar(file: ScenarioFile, fail: ResolveFailure): Calendar | undefined {
  if (file.timeZone !== undefined && !isTimeZone(file.timeZone)) fail(['timeZone'], `unknown time zone "${file.timeZone}"; expected an IANA time zone such as "Europe/Berlin" or "UTC"`);
  if (file.startDate === undefined) {
    if (file.timeZone !== undefined) fail(['timeZone'], 'a time zone needs a startDate (the calendar time of T+0)');
    return undefined;
  }
  return makeCalendar(file.startDate, file.timeZone ?? 'UTC');
}

/**
 * Generated traffic starts on the real weekday and local hour of the start date, unless the
 * file sets `startWeekday`/`startHour` itself. The weekly shape is then followed in whole
 * days from there (a daylight-saving change later in the run shifts it by that hour).
 */
export function trafficOnCalendar(flow: GeneratedMailFlow, written: Partial<GeneratedMailFlow> | undefined, calendar: Calendar): GeneratedMailFlow {
  const position = weekPositionAtStart(calendar);
  return {
    ...flow,
    startWeekday: written?.startWeekday ?? Math.floor(position / DAY),
    startHour: written?.startHour ?? (position % DAY) / HOUR,
  };
}

/** With no horizon in the file: the whole plan plus a stated margin (model/checker plan-horizon). */
export function horizonFromPlan(config: SimulationConfig): Pick<SimulationConfig, 'horizon' | 'horizonFromPlan'> {
  if (config.plan.length === 0) return { horizon: config.horizon };
  const { horizon, planEndsBy, margin } = planHorizon(config);
  return { horizon, horizonFromPlan: { planEndsBy, margin } };
}
