import { formatDuration, toIsoTime, type Millis } from '../../sim/index.js';

/** Display helpers. Formatting happens here and only here, so panels stay simple. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)} ${UNITS[unit]}`;
}

export const formatCount = (value: number): string => value.toLocaleString('en-GB');

/**
 * "T+1d4h", plus the calendar time when the scenario has a start date. Tables and facts show
 * whole minutes (easier to read on a projector); the clock shows whole seconds. No clock
 * shows milliseconds: nobody reads them, and they make the figures jump.
 */
export function formatTime(at: Millis | undefined, startDate?: string, exact = false): string {
  if (at === undefined) return '—';
  const shown = exact ? Math.floor(at / 1000) * 1000 : Math.floor(at / 60_000) * 60_000;
  const offset = shown === 0 ? 'T+0' : `T+${formatDuration(shown)}`;
  const iso = toIsoTime(at, startDate);
  return iso === undefined ? offset : `${offset} (${iso.slice(0, 16).replace('T', ' ')} UTC)`;
}

/** A duration to the minute (to the second under a minute): grace left, TTLs, waits. */
export const formatSpan = (ms: Millis | undefined): string => {
  if (ms === undefined) return '—';
  const unit = Math.abs(ms) >= 60_000 ? 60_000 : 1000;
  const rounded = Math.trunc(ms / unit) * unit;
  return rounded === 0 ? '0s' : formatDuration(rounded);
};

export const formatPercent = (share: number): string => `${Math.round(share * 1000) / 10}%`;
