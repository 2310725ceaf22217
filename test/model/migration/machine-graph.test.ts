import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from 'xstate/graph';
import type { AnyStateMachine } from 'xstate';
import { DEFAULT_MIGRATION } from '../../../model/defaults.js';
import type { BatchStatus } from '../../../model/result.js';
import { batchMachine, mailboxMachine, refusalReason, type BatchEvent, type BatchInput, type MailboxEvent } from '../../../model/migration/index.js';

/** Every (source, event type, target) the definition declares, `after` timers included. */
function declaredTransitions(machine: AnyStateMachine): Set<string> {
  const edges = new Set<string>();
  for (const node of Object.values(machine.root.states)) {
    for (const [eventType, transitions] of node.transitions) {
      for (const transition of transitions) {
        const target = transition.target?.[0];
        if (target !== undefined) edges.add(`${node.key} -${eventType}-> ${target.key}`);
      }
    }
  }
  return edges;
}

const afterEvents = (machine: AnyStateMachine): { type: string }[] =>
  Object.values(machine.root.states).flatMap((node) => [...node.transitions.keys()].filter((type) => type.startsWith('xstate.after.')).map((type) => ({ type })));

/** The graph of reachable states under every input, as edges "source -event-> target"; states are told apart by value and context (a resumed user differs by initialDone). */
function explore<E extends { type: string }>(machine: AnyStateMachine, inputs: unknown[], events: E[]) {
  const edges = new Set<string>();
  const refused = new Map<string, Set<string>>();
  const reached = new Set<string>();
  for (const input of inputs) {
    const map = getAdjacencyMap(machine, { input, events: [...events, ...afterEvents(machine)] as never, serializeState: (state: { value: unknown; context: unknown }) => JSON.stringify([state.value, state.context]) } as never);
    for (const entry of Object.values(map) as { state: { value: string; can(event: unknown): boolean }; transitions: Record<string, { event: E; state: { value: string } }> }[]) {
      reached.add(entry.state.value);
      for (const { event, state } of Object.values(entry.transitions)) {
        if (state.value !== entry.state.value) edges.add(`${entry.state.value} -${event.type}-> ${state.value}`);
        else if (!entry.state.can(event)) {
          const set = refused.get(entry.state.value) ?? new Set<string>();
          set.add(event.type);
          refused.set(entry.state.value, set);
        }
      }
    }
  }
  return { edges, refused, reached };
}

const STATUSES: BatchStatus[] = ['Created', 'Starting', 'Syncing', 'Synced', 'SyncedWithErrors', 'IncrementalSyncing', 'Stopping', 'Stopped', 'Failed', 'Removing', 'Deleted'];

const batchEvents: BatchEvent[] = [
  { type: 'START', at: 0 }, { type: 'STOP', at: 0 }, { type: 'REMOVE', at: 0 },
  { type: 'INITIAL_SYNC_DONE', at: 0, synced: 2, failed: 0 }, { type: 'INITIAL_SYNC_DONE', at: 0, synced: 1, failed: 1 }, { type: 'INITIAL_SYNC_DONE', at: 0, synced: 0, failed: 2 },
  { type: 'INCREMENTAL_STARTED', at: 0 }, { type: 'INCREMENTAL_DONE', at: 0, failed: 0 }, { type: 'INCREMENTAL_DONE', at: 0, failed: 1 }, { type: 'HALTED', at: 0 }, { type: 'STARTED', at: 0 }, { type: 'PASS_FAILED', at: 0 },
];

const batchInputs: BatchInput[] = [true, false].flatMap((autoStart) =>
  [true, false].map((allowStopWhenSynced) => ({ ...DEFAULT_MIGRATION, autoStart, allowStopWhenSynced, createdAt: 0 })),
);

const COMMANDS = { START: 'start', STOP: 'stop', REMOVE: 'remove' } as const;

describe('batch machine path coverage (xstate/graph)', () => {
  const { edges, refused, reached } = explore(batchMachine, batchInputs, batchEvents);

  it('reaches every status', () => {
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });

  it('takes every transition the definition declares', () => {
    const missing = [...declaredTransitions(batchMachine)].filter((edge) => !edges.has(edge));
    expect(missing).toEqual([]);
  });

  it('refuses, with a specific reason, each admin command in every status that does not accept it', () => {
    let tried = 0;
    for (const status of STATUSES) {
      const refusedHere = refused.get(status) ?? new Set<string>();
      for (const [eventType, command] of Object.entries(COMMANDS)) {
        if (!refusedHere.has(eventType)) continue;
        tried++;
        const reason = refusalReason(status, command);
        expect(reason, `${command} in ${status}`).not.toMatch(/is not allowed while/);
        expect(reason.length).toBeGreaterThan(10);
      }
      expect(refusalReason(status, 'complete')).toMatch(/finalization/);
    }
    // Created: Stop; Syncing: Start; Synced: Start (+ Stop when not allowed); ... at least one per status
    expect(tried).toBeGreaterThanOrEqual(STATUSES.length);
    expect(refused.get('Synced')).toContain('STOP'); // with allowStopWhenSynced off
  });

  it('refuses Remove while the batch runs, pointing at Stop (PS-Remove-MigrationBatch)', () => {
    for (const status of ['Starting', 'Syncing', 'IncrementalSyncing', 'Stopping'] as const) expect(refused.get(status), status).toContain('REMOVE');
    for (const status of ['Syncing', 'IncrementalSyncing'] as const) expect(refusalReason(status, 'remove')).toMatch(/stop the batch first/);
    for (const status of ['Created', 'Synced', 'SyncedWithErrors', 'Stopped', 'Failed'] as const) expect(refused.get(status)?.has('REMOVE') ?? false, status).toBe(false);
  });

  it('accepts no admin command after deletion', () => {
    for (const event of batchEvents) expect(refused.get('Deleted')).toContain(event.type);
  });
});

describe('mailbox machine path coverage (xstate/graph)', () => {
  const events: MailboxEvent[] = [
    { type: 'PROVISION', at: 0 }, { type: 'PROVISIONED', at: 0, hasData: true }, { type: 'PROVISIONED', at: 0, hasData: false }, { type: 'PROVISION_PENDING', at: 0 },
    { type: 'SYNC_DONE', at: 0 }, { type: 'INCREMENTAL', at: 0 }, { type: 'FAIL', at: 0, error: 'x' }, { type: 'STOP', at: 0 }, { type: 'RESUME', at: 0 },
  ];
  const { edges, reached } = explore(mailboxMachine, [undefined], events);

  it('reaches every status and takes every declared transition', () => {
    expect([...reached].sort()).toEqual([
      'Failed', 'IncrementalFailed', 'IncrementalStopped', 'IncrementalSyncing', 'ProvisionUpdating', 'Provisioning', 'Queued', 'Stopped', 'Synced', 'Syncing',
    ]);
    expect([...declaredTransitions(mailboxMachine)].filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
