/** The deterministic simulation engine: time, the event queue (also XState's clock), random streams and traces. */
export { Scheduler, type EventHandler, type ScheduledEvent, type RunOutcome } from './scheduler.js';
export { RandomStreams, RandomStream, type Weighted } from './random.js';
export { Trace } from './trace.js';
export { MachineRunner, type MachineRunnerOptions } from './machine-runner.js';
export { InputError, isInputError, type InputErrorLocation } from './errors.js';
export { safeText, visibleText, MAX_ECHO_LENGTH } from './safe-text.js';
export {
  type Millis, SECOND, MINUTE, HOUR, DAY, WEEK, seconds, minutes, hours, days,
  parseDuration, formatDuration, formatInstant, toIsoTime, formatDurationForPeople, formatInstantForPeople,
} from './time.js';
export { makeCalendar, formatLocal, formatLocalWithYear, localTime, nextWeekTime, offsetOfLocal, weekPositionAtStart, isTimeZone, zoneName, WEEKDAYS, type Calendar, type LocalTime, type Weekday } from './calendar.js';
