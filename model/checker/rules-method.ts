import { DAY, formatDurationForPeople } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import type { Finding } from '../result.js';
import { migratedMailboxes } from './estimates.js';
import { finding, STEP } from './steps.js';
import type { Timeline } from './timeline.js';

/** Initial sync longer than this keeps users split between two systems for a long time (assumption). */
const LONG_COEXISTENCE = 7 * DAY;

const alternativeFor = (version: string): string =>
  ['2003', '2007'].includes(version)
    ? 'a staged migration (Exchange 2003 and 2007: batches of users over time, mail forwarded to the migrated ones)'
    : 'a hybrid deployment (Exchange 2010 and later: mailboxes moved in waves, with free/busy and mail routing shared between the two)';

/**
 * Advice on the method itself, never a refusal: Microsoft's guidance on when a cutover is the
 * wrong tool (users-side facts "Limits and method choice"; CUT, CUTW, PERF).
 */
export function methodRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const findings: Finding[] = [];
  const count = migratedMailboxes(config).length;
  const version = config.organisation.server.version;
  if (count > config.migration.recommendedMailboxes) {
    findings.push(finding('method.cutover-above-150', 'info', STEP.create,
      `${count} mailboxes: Microsoft recommends a cutover for ${config.migration.recommendedMailboxes} or fewer, because creating and syncing more takes so long that the organisation waits days for the switch (a cutover takes up to ${config.migration.maxMailboxes})`,
      `consider ${alternativeFor(version)}; or keep the cutover and plan for the long initial sync shown in the schedule`));
  }
  const syncHigh = timeline.bounds.initialSync.high;
  if (syncHigh > LONG_COEXISTENCE && count > 0) {
    findings.push(finding('method.long-coexistence', 'info', STEP.start,
      `the initial sync may take up to ${formatDurationForPeople(syncHigh)}: for that long users stay on the old server while the cloud mailboxes fill, and a cutover offers no coexistence between the two (no shared free/busy, no mail routed between them; everyone moves at the MX switch)`,
      `if users must work across both systems for weeks, ${alternativeFor(version)} fits better; otherwise shrink the sync (archive or clean up large mailboxes first) or accept the wait`));
  }
  return findings;
}
