import type { Millis } from '../../sim/index.js';
import type { SimulationSnapshot } from '../../model/result.js';
import { fail } from '../errors.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { parseTimeSpan } from '../cmdlet.js';
import { asText } from '../values.js';

/** Chunk the clock moves by while waiting for a condition: fine enough for sync passes and TTLs. */
const WAIT_STEP: Millis = 5 * 60_000;

const SYNCED = new Set(['Synced', 'SyncedWithErrors', 'IncrementalSyncing']);

/** Conditions `Wait-Time -Until` understands, each checked on the model's live snapshot. */
const CONDITIONS: Record<string, { describe: string; holds: (snapshot: SimulationSnapshot, since: Millis) => boolean }> = {
  Synced: { describe: 'the batch is Synced (every mailbox has had its initial copy)', holds: (snapshot) => SYNCED.has(snapshot.batch.status) },
  NextSync: {
    describe: 'an incremental sync that started after now has finished (the batch is Synced with a later Last Synced Time)',
    holds: (snapshot, since) => snapshot.batch.status === 'Synced' && (snapshot.batch.lastSyncedAt ?? -1) >= since,
  },
  Removed: { describe: 'the batch is deleted', holds: (snapshot) => snapshot.batch.status === 'Deleted' },
  End: { describe: 'the end of the scenario (its horizon)', holds: (snapshot) => snapshot.now >= snapshot.horizon },
};

export const WAIT_CONDITIONS = Object.keys(CONDITIONS);

function clockLine(context: CmdletContext): string {
  const now = context.target.now();
  return `Now ${context.date(now)}`;
}

/** Moves simulated time forward by `span`, clamped to the horizon. */
function advance(context: CmdletContext, span: Millis): void {
  const { target } = context;
  const wanted = target.now() + span;
  target.goTo(wanted);
  if (wanted > target.horizon) context.warn(`The scenario ends at ${context.date(target.horizon)}; the clock stopped there.`);
  context.host(clockLine(context));
}

function waitUntil(context: CmdletContext, cmdlet: string, name: string): void {
  const { target } = context;
  const absolute = /^T\+(.+)$/i.exec(name);
  if (absolute !== null || name === 'T+0') {
    const at = absolute === null ? 0 : parseTimeSpan(absolute[1]!.replace(/\s/g, ''));
    if (at === undefined) fail({ command: cmdlet, message: `Cannot read the time "${name}" (write T+2d, T+36h, T+1d12h).`, category: 'InvalidArgument', target: name, exception: 'ArgumentException', errorId: `InvalidTime,${cmdlet}` });
    if (at! < target.now()) fail({ command: cmdlet, message: `${name} is in the past: the console only moves forward (rewind with the dashboard's time controls).`, category: 'InvalidOperation', target: name, exception: 'InvalidOperationException', errorId: `TimeInPast,${cmdlet}` });
    advance(context, at! - target.now());
    return;
  }
  const key = Object.keys(CONDITIONS).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (key === undefined) fail({ command: cmdlet, message: `Cannot wait until "${name}": give T+<time> or one of ${WAIT_CONDITIONS.join(', ')}.`, category: 'InvalidArgument', target: name, exception: 'ArgumentException', errorId: `InvalidCondition,${cmdlet}` });
  const condition = CONDITIONS[key!]!;
  const since = target.now();
  let snapshot = target.snapshot();
  while (!condition.holds(snapshot, since) && target.now() < target.horizon) {
    target.goTo(Math.min(target.horizon, target.now() + WAIT_STEP));
    snapshot = target.snapshot();
  }
  if (!condition.holds(snapshot, since)) {
    fail({ command: cmdlet, message: `The scenario ended (${context.date(target.horizon)}) before ${condition.describe}.`, category: 'InvalidOperation', target: key!, exception: 'TimeoutException', errorId: `WaitTimedOut,${cmdlet}` });
  }
  context.host(`${clockLine(context)}: ${condition.describe}.`);
}

export const waitTime: Cmdlet = {
  name: 'Wait-Time',
  synopsis: `Twin: lets simulated time pass. Wait-Time 2h; Wait-Time -Until T+3d; Wait-Time -Until ${WAIT_CONDITIONS.join('|')}.`,
  parameters: [{ name: 'Duration', type: 'timespan', position: 0 }, { name: 'Until', type: 'string', values: undefined }],
  run(context, bound) {
    if (bound.Until !== undefined) waitUntil(context, this.name, asText(bound.Until));
    else if (bound.Duration !== undefined) advance(context, bound.Duration as Millis);
    else fail({ command: this.name, message: 'Give a duration (Wait-Time 2h) or -Until.', category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `MissingArgument,${this.name}` });
    return [];
  },
};

export const startSleep: Cmdlet = {
  name: 'Start-Sleep',
  synopsis: 'Lets simulated time pass: -Seconds, -Milliseconds or -Duration (a TimeSpan).',
  parameters: [{ name: 'Seconds', type: 'int', position: 0 }, { name: 'Milliseconds', type: 'int' }, { name: 'Duration', type: 'timespan' }],
  run(context, bound) {
    const span = bound.Duration !== undefined ? (bound.Duration as number) : bound.Milliseconds !== undefined ? (bound.Milliseconds as number) : bound.Seconds !== undefined ? (bound.Seconds as number) * 1000 : undefined;
    if (span === undefined || span < 0) fail({ command: this.name, message: 'Give -Seconds, -Milliseconds or -Duration.', category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `MissingArgument,${this.name}` });
    advance(context, span!);
    return [];
  },
};

export const getDate: Cmdlet = {
  name: 'Get-Date',
  synopsis: 'The simulated date and time now.',
  parameters: [],
  run(context) {
    return [context.date(context.target.now())];
  },
};
