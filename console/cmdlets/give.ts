import { fail, notFound, serviceRefusal } from '../errors.js';
import type { CmdletContext } from '../cmdlet.js';
import type { AdminCommand } from '../target.js';
import { statisticsNow } from './statistics.js';

/**
 * Gives a command through the session's one action layer. A refusal becomes the error record
 * the cmdlet prints, with the reason the service gives (the same reason a button shows).
 */
export function give(context: CmdletContext, cmdlet: string, target: string, command: AdminCommand): string {
  const outcome = context.target.act(command);
  if (outcome.outcome === 'refused') fail(serviceRefusal(cmdlet, target, outcome.detail));
  return outcome.detail;
}

export interface BatchInfo {
  name: string;
  status: string;
  createdAt?: number;
  startedAt?: number;
  autoStart: boolean;
}

/** The cutover batch as it stands now, or undefined when there is none (never created, or deleted). */
export function currentBatch(context: CmdletContext): BatchInfo | undefined {
  const { target } = context;
  const status = target.snapshot().batch.status;
  if (status === 'None' || status === 'Deleted') return undefined;
  const created = [...target.log].reverse().find((entry) => entry.action.action === 'createBatch');
  const started = target.log.find((entry) => entry.action.action === 'startBatch' && (created === undefined || entry.at >= created.at));
  // The model names the batch (a plan may have created it, not the session's log).
  const name = statisticsNow(context).batch?.Identity ?? created?.action.batchName ?? 'CutoverBatch';
  const info: BatchInfo = { name, status, autoStart: created?.action.autoStart ?? false };
  if (created !== undefined) info.createdAt = created.at;
  if (started !== undefined) info.startedAt = started.at;
  else if (info.autoStart && created !== undefined) info.startedAt = created.at;
  return info;
}

/** The batch named by -Identity, or the error Exchange gives for an identity it does not know. */
export function requireBatch(context: CmdletContext, cmdlet: string, identity: string | undefined): BatchInfo {
  const batch = currentBatch(context);
  if (batch === undefined || (identity !== undefined && identity.toLowerCase() !== batch.name.toLowerCase())) {
    const name = identity ?? '';
    return fail(notFound(cmdlet, name, `Couldn't find a migration batch with the identity "${name}"${batch === undefined ? ' (there is no migration batch now)' : ` (the batch is called "${batch.name}")`}.`));
  }
  return batch;
}
