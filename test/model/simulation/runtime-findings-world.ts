/**
 * A stand-in for the parts of a finished run that `runtimeFindings` reads: the run log, the
 * plan's unscheduled actions, the clock, the server's decommission, the users' passwords and
 * Outlook, and which users have a cloud mailbox. Each test sets only what its rule needs.
 */
import type { Millis } from '../../../sim/index.js';
import type { PlanAnchor, PlannedAction } from '../../../model/config.js';
import type { RunLog, World } from '../../../model/simulation/world.js';
import { smallConfig } from '../../fixtures/config.js';

export interface FakeRun {
  now?: Millis;
  log?: Partial<RunLog>;
  unscheduled?: { action: PlannedAction; index: number; anchor: PlanAnchor }[];
  decommissionedAt?: Millis;
  /** Users (addresses) with a cloud mailbox, and those of them with the password. */
  cloud?: string[];
  withPassword?: string[];
  outlookOnPrem?: number;
}

export function fakeWorld(run: FakeRun = {}): World {
  const config = smallConfig();
  const now = run.now ?? config.horizon;
  const addresses = config.organisation.recipients.map((recipient) => recipient.address);
  const log: RunLog = { actions: [], refusedPlanned: [], provisionedAt: new Map(), failures: new Map(), licenseEvents: [], batchRemovalStartedAt: undefined, switchedAt: undefined, strandedAtRemoval: 0, oldHostAtSwitch: undefined, ...run.log };
  return {
    config, log,
    scheduler: { now: () => now },
    plan: { unscheduled: () => run.unscheduled ?? [] },
    onPrem: { decommissionedSince: () => run.decommissionedAt },
    users: { addresses },
    tenant: { hasCloudMailbox: (address: string) => (run.cloud ?? []).includes(address) },
    clients: {
      hasPassword: (user: number) => (run.withPassword ?? []).includes(addresses[user]!),
      countOnPrem: () => run.outlookOnPrem ?? 0,
    },
  } as unknown as World;
}
