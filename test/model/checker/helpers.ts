import { parseScenario } from '../../../scenarios/index.js';
import type { SimulationConfig } from '../../../model/config.js';

/** A small organisation with the textbook plan, and ways to change it. Built through the scenario loader. */
export const TEXTBOOK_PLAN = [
  '{ action: set-mx-ttl, ttl: 1h, at: 0s }',
  '{ action: publish-verification-txt, at: 0s }',
  '{ action: verify-domain, at: 20m }',
  '{ action: create-endpoint, at: 30m }',
  '{ action: create-batch, at: 40m, name: CutoverBatch }',
  '{ action: start-batch, after: batch-created }',
  '{ action: assign-licenses, after: initial-sync-done }',
  '{ action: distribute-passwords, after: initial-sync-done }',
  '{ action: add-x500-addresses, after: initial-sync-done }',
  '{ action: switch-mx, at: "24h after initial-sync-done" }',
  '{ action: create-autodiscover-cname, after: mx-switched }',
  '{ action: clear-scp-pointer, after: mx-switched }',
  '{ action: rebuild-outlook-profiles, after: mx-switched }',
  '{ action: remove-batch, after: recommended-batch-removal }',
  '{ action: decommission, at: "1d after batch-removed" }',
];

export function scenario(plan: string[], extra = ''): SimulationConfig {
  const text = `organisation:\n  domain: contoso.com\n  generate: { count: 10, sizeMedian: 500 MB, sizeSigma: 0.3 }\n${extra}\nplan:\n${plan.map((entry) => `  - ${entry}`).join('\n')}\n`;
  return parseScenario(text, 'test.yaml').config;
}

/** The textbook plan with entries replaced (by action name) or removed (replacement null). */
export function textbookWith(changes: Record<string, string | null>, extra = ''): SimulationConfig {
  const plan = TEXTBOOK_PLAN.flatMap((entry) => {
    const name = /action: ([a-z0-9-]+)/.exec(entry)?.[1] ?? '';
    if (!(name in changes)) return [entry];
    const replacement = changes[name];
    return replacement === null || replacement === undefined ? [] : [replacement];
  });
  const additions = Object.entries(changes).filter(([name, value]) => value !== null && !TEXTBOOK_PLAN.some((entry) => entry.includes(`action: ${name},`))).map(([, value]) => value!);
  return scenario([...plan, ...additions], extra);
}
