import { parseDuration, type Calendar } from '../sim/index.js';
import { calendarTime, CALENDAR_AT_EXPECTED } from './calendar-times.js';
import type { ResolveFailure } from './resolve-failure.js';
import type { ActionTiming, DeclaredFault, ExplicitMessage, PlannedAction } from '../model/config.js';
import { ACTION_NAMES, ANCHOR_SPELLINGS, AT_PATTERN } from './schema-plan.js';
import type { PlanEntry, ScenarioFile } from './schema.js';

/** The plan, faults and explicit messages of a validated file, in resolved form (milliseconds, ActionType). */

function timingOf(entry: PlanEntry, index: number, calendar: Calendar | undefined, fail: ResolveFailure): ActionTiming {
  if (entry.at !== undefined && !AT_PATTERN.test(entry.at)) {
    if (calendar === undefined) return fail(['plan', index, 'at'], `"${entry.at}" is a calendar time; give the scenario a startDate (and a timeZone) to use it`);
    const time = calendarTime(entry.at, calendar);
    if (time === undefined) return fail(['plan', index, 'at'], `expected ${CALENDAR_AT_EXPECTED}`);
    if (time.kind === 'at') {
      if (time.at < 0) return fail(['plan', index, 'at'], `"${entry.at}" is before the start date`);
      return { at: time.at };
    }
    const anchor = time.anchor === undefined ? 'start' : ANCHOR_SPELLINGS[time.anchor];
    if (anchor === undefined) return fail(['plan', index, 'at'], `unknown event "${time.anchor}"; expected one of: ${Object.keys(ANCHOR_SPELLINGS).join(', ')}`);
    return { after: anchor, delay: entry.delay === undefined ? 0 : parseDuration(entry.delay), window: time.moments };
  }
  if (entry.after !== undefined) {
    return { after: ANCHOR_SPELLINGS[entry.after] ?? 'start', delay: entry.delay === undefined ? 0 : parseDuration(entry.delay) };
  }
  const match = AT_PATTERN.exec(entry.at ?? '0');
  const amount = parseDuration((match?.[1] ?? '0').trim());
  const anchor = match?.[2];
  return anchor === undefined ? { at: amount } : { after: ANCHOR_SPELLINGS[anchor] ?? 'start', delay: amount };
}

/**
 * `fail` reports a calendar time the scenario cannot place (no startDate, before the start, unknown
 * event) and a `domain:` that is not one of the organisation's accepted domains (`domains`, lower case).
 */
export function resolvePlan(entries: readonly PlanEntry[], calendar: Calendar | undefined, fail: ResolveFailure, domains: readonly string[] = []): PlannedAction[] {
  return entries.map((entry, index) => {
    const action: PlannedAction = { action: ACTION_NAMES[entry.action], timing: timingOf(entry, index, calendar, fail) };
    if ('domain' in entry && entry.domain !== undefined) {
      const domain = entry.domain.toLowerCase();
      if (!domains.includes(domain)) fail(['plan', index, 'domain'], `${entry.domain} is not an accepted domain of the organisation; expected one of: ${domains.join(', ')} (add it to organisation.additionalDomains)`);
      // The primary is written as no domain at all, so a one-domain plan resolves as it always did.
      if (domain !== domains[0]) action.domain = domain;
    }
    if (entry.action === 'set-mx-ttl') action.ttl = parseDuration(entry.ttl);
    if (entry.action === 'create-batch') {
      if (entry.name !== undefined) action.batchName = entry.name;
      if (entry.autoStart !== undefined) action.autoStart = entry.autoStart;
    }
    if (entry.action === 'assign-licenses' && entry.users !== undefined) action.users = entry.users.map((user) => user.toLowerCase());
    if (entry.action === 'rebuild-outlook-profiles') {
      if (entry.rate !== undefined) action.rate = entry.rate;
      if (entry.selfService !== undefined) action.selfService = entry.selfService;
    }
    return action;
  });
}

export function resolveFaults(entries: NonNullable<ScenarioFile['faults']>): DeclaredFault[] {
  return entries.map((fault) => ({
    kind: fault.kind === 'on-prem-outage' ? 'onPremOutage' : 'dnsAuthorityOutage',
    from: parseDuration(fault.from),
    until: parseDuration(fault.until),
  }));
}

/**
 * The twin follows mail to the organisation (inbound and internal), so an explicit message is
 * addressed to one of its accepted domains (`domains`, lower case); mail to the internet is
 * not modelled and `fail` says so rather than bouncing it as an unknown recipient.
 */
export function resolveMessages(entries: NonNullable<NonNullable<ScenarioFile['mailFlow']>['explicit']>, fail: ResolveFailure, domains: readonly string[]): ExplicitMessage[] {
  return entries.map((message, index) => {
    const resolved: ExplicitMessage = { at: parseDuration(message.at), from: message.from.toLowerCase(), to: message.to.toLowerCase() };
    const domain = resolved.to.slice(resolved.to.lastIndexOf('@') + 1);
    if (!domains.includes(domain)) {
      fail(['mailFlow', 'explicit', index, 'to'], `${message.to} is not in an accepted domain of the organisation; expected an address in ${domains.join(', ')} (the twin follows mail to the organisation: mail to the internet is not modelled)`);
    }
    if (message.label !== undefined) resolved.label = message.label;
    return resolved;
  });
}
