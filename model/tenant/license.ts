import { assign, setup } from 'xstate';
import type { Millis } from '../../sim/index.js';

/**
 * The license of one cloud mailbox. A new cloud user is unlicensed; its mailbox works for
 * a grace period and is disabled when it ends (30 days: CUT step 7). The grace clock starts
 * at provisioning, when the mailbox is created — [UNCERTAIN]: the sources only say "grace
 * period (30 days)". A disabled mailbox's data is kept for `retention` (30 days: RMLIC);
 * licensing it within that time reconnects it (a "best effort" reconnect: BLOG-LIC),
 * after that the data is gone.
 */
export type LicenseStateName = 'grace' | 'licensed' | 'disabled' | 'deleted';

export interface LicenseContext {
  provisionedAt: Millis;
  graceEndsAt: Millis;
  retention: Millis;
  assignedAt: Millis | undefined;
  disabledAt: Millis | undefined;
  deletedAt: Millis | undefined;
}

export const licenseMachine = setup({
  types: {
    context: {} as LicenseContext,
    input: {} as { provisionedAt: Millis; grace: Millis; retention: Millis },
    events: {} as { type: 'assign'; at: Millis },
  },
  delays: {
    // Each delay fires exactly on time on the scheduler clock, so the instants below are exact.
    graceLeft: ({ context }) => context.graceEndsAt - context.provisionedAt,
    retention: ({ context }) => context.retention,
  },
}).createMachine({
  id: 'license',
  context: ({ input }) => ({
    provisionedAt: input.provisionedAt,
    graceEndsAt: input.provisionedAt + input.grace,
    retention: input.retention,
    assignedAt: undefined,
    disabledAt: undefined,
    deletedAt: undefined,
  }),
  initial: 'grace',
  states: {
    grace: {
      after: { graceLeft: 'disabled' },
      on: { assign: { target: 'licensed', actions: assign({ assignedAt: ({ event }) => event.at }) } },
    },
    licensed: {},
    disabled: {
      entry: assign({ disabledAt: ({ context }) => context.graceEndsAt }),
      after: { retention: 'deleted' },
      on: { assign: { target: 'licensed', actions: assign({ assignedAt: ({ event }) => event.at }) } },
    },
    deleted: {
      entry: assign({ deletedAt: ({ context }) => (context.disabledAt ?? context.graceEndsAt) + context.retention }),
    },
  },
});

/** Why assigning a license now would be refused, or undefined when it can be assigned. */
export function assignmentRefusal(state: LicenseStateName, available: number): string | undefined {
  if (state === 'licensed') return 'already licensed';
  if (state === 'deleted') return 'the mailbox was disabled and its data deleted after the retention period; licensing cannot reconnect it';
  if (available <= 0) return 'no license left in the pool';
  return undefined;
}
