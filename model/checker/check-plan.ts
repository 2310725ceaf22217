import type { SimulationConfig } from '../config.js';
import type { Finding } from '../result.js';
import { preflightFindings } from '../migration/index.js';
import { batchRules, domainSwitchRules, switchRules } from './rules-migration.js';
import { clientRules, decommissionRules, licenseRules, planHygieneRules, removalRules, ttlRules } from './rules-cutover.js';
import { horizonRules } from './rules-horizon.js';
import { userRules } from './rules-users.js';
import { methodRules } from './rules-method.js';
import { buildTimeline } from './timeline.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The article's rules and the twin's safety rules over a plan, without simulating: the
 * pre-flight rules (model/migration) plus the schedule rules. Conservative by design: a
 * plan with no error findings should lose and bounce nothing in the simulator
 * (docs/checker.md). Errors first, then by time.
 */
export function checkPlan(config: SimulationConfig): Finding[] {
  const timeline = buildTimeline(config);
  const findings = [
    ...preflightFindings(config),
    ...batchRules(config, timeline),
    ...switchRules(config, timeline),
    ...domainSwitchRules(config, timeline),
    ...ttlRules(config, timeline),
    ...removalRules(config, timeline),
    ...licenseRules(config, timeline),
    ...clientRules(config, timeline),
    ...userRules(config, timeline),
    ...decommissionRules(config, timeline),
    ...horizonRules(config, timeline),
    ...planHygieneRules(config, timeline),
    ...methodRules(config, timeline),
  ];
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || (a.finding.at ?? -1) - (b.finding.at ?? -1) || a.order - b.order)
    .map(({ finding }) => finding);
}
