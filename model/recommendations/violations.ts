import { formatInstantForPeople, MINUTE } from '../../sim/index.js';
import type { Finding, KeyTimes, Recommendations } from '../result.js';
import { STEP } from '../checker/steps.js';

/** Rule ids of the findings below; a recomputation over more seeds replaces exactly these. */
export const RECOMMENDATION_RULES = ['plan.mx-switched-before-recommended', 'plan.batch-removed-before-recommended', 'plan.licenses-after-recommended'] as const;

const over = (seeds: number): string => `over ${seeds} seed${seeds === 1 ? '' : 's'} of this plan`;
const toMinute = (at: number): string => formatInstantForPeople(Math.round(at / MINUTE) * MINUTE);

/**
 * A recommendation this run's plan did not follow is a finding, even when nothing was lost
 * in this seed: another seed (a slower sync, a slower resolver) may lose mail.
 */
export function recommendationFindings(observed: KeyTimes, recommended: Recommendations): Finding[] {
  const findings: Finding[] = [];
  const { mxSwitchedAt, batchRemovedAt, licensesAssignedAt } = observed;
  const safeSwitch = recommended.earliestSafeMxSwitchAt;
  if (mxSwitchedAt !== null && safeSwitch !== null && mxSwitchedAt < safeSwitch) {
    findings.push({
      rule: RECOMMENDATION_RULES[0], severity: 'warning', at: mxSwitchedAt, step: STEP.route,
      message: `the MX was switched at ${toMinute(mxSwitchedAt)}, before the earliest safe switch ${toMinute(safeSwitch)} (initial sync done at P90 and a full old TTL after lowering it, ${over(recommended.seeds)})`,
      fix: `switch the MX no earlier than ${toMinute(safeSwitch)}, or \`after: initial-sync-done\` with the TTL lowered a full old TTL before`,
    });
  }
  const safeRemoval = recommended.earliestSafeBatchRemovalAt;
  if (batchRemovedAt !== null && safeRemoval !== null && batchRemovedAt < safeRemoval) {
    findings.push({
      rule: RECOMMENDATION_RULES[1], severity: 'warning', at: batchRemovedAt, step: STEP.remove,
      message: `the batch was removed at ${toMinute(batchRemovedAt)}, before the earliest safe removal ${toMinute(safeRemoval)} (${over(recommended.seeds)})`,
      fix: 'delete the batch `after: recommended-batch-removal`, which waits for 72 hours after the switch and a sync pass after the last old-host delivery',
    });
  }
  const latestLicense = recommended.latestLicenseAt;
  if (licensesAssignedAt !== null && latestLicense !== null && licensesAssignedAt > latestLicense) {
    findings.push({
      rule: RECOMMENDATION_RULES[2], severity: 'warning', at: licensesAssignedAt, step: STEP.licenses,
      message: `licenses were assigned at ${toMinute(licensesAssignedAt)}, after the latest safe assignment ${toMinute(latestLicense)} (the first mailbox's license grace ends then)`,
      fix: `assign licenses before ${toMinute(latestLicense)}, for example \`after: initial-sync-done\``,
    });
  }
  return findings;
}
