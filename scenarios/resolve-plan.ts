import { parseDuration } from '../sim/index.js';
import type { ActionTiming, DeclaredFault, ExplicitMessage, PlannedAction } from '../model/config.js';
import { ACTION_NAMES, ANCHOR_SPELLINGS, AT_PATTERN } from './schema-plan.js';
import type { PlanEntry, ScenarioFile } from './schema.js';

/** The plan, faults and explicit messages of a validated file, in resolved form (milliseconds, ActionType). */

function timingOf(entry: PlanEntry): ActionTiming {
  if (entry.after !== undefined) {
    return { after: ANCHOR_SPELLINGS[entry.after] ?? 'start', delay: entry.delay === undefined ? 0 : parseDuration(entry.delay) };
  }
  const match = AT_PATTERN.exec(entry.at ?? '0');
  const amount = parseDuration((match?.[1] ?? '0').trim());
  const anchor = match?.[2];
  return anchor === undefined ? { at: amount } : { after: ANCHOR_SPELLINGS[anchor] ?? 'start', delay: amount };
}

export function resolvePlan(entries: readonly PlanEntry[]): PlannedAction[] {
  return entries.map((entry) => {
    const action: PlannedAction = { action: ACTION_NAMES[entry.action], timing: timingOf(entry) };
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

export function resolveMessages(entries: NonNullable<NonNullable<ScenarioFile['mailFlow']>['explicit']>): ExplicitMessage[] {
  return entries.map((message) => {
    const resolved: ExplicitMessage = { at: parseDuration(message.at), from: message.from.toLowerCase(), to: message.to.toLowerCase() };
    if (message.label !== undefined) resolved.label = message.label;
    return resolved;
  });
}
