import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/index.js';
import { assertInvariant, cleanPlanLosesNothing, lossesExplained, realEngine } from '../../testing/index.js';

/**
 * Replays every shrunk counterexample the checker-agreement properties found
 * (`counterexamples/*.yaml`): both invariants must hold on each. Where the checker was the
 * one at fault, the finding it now gives is pinned below, so the fix cannot quietly regress.
 */
const folder = fileURLToPath(new URL('./counterexamples/', import.meta.url));
const files = readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort();
const load = (name: string) => parseScenario(readFileSync(folder + name, 'utf8'), name).config;

/** The error each counterexample must now get from the checker (none: the simulator was wrong). */
const EXPECTED_ERRORS: Record<string, string[]> = {
  'pending-at-horizon.yaml': ['schedule.horizon-cuts-final-sync'],
  'mailbox-disabled-before-sync.yaml': ['schedule.horizon-cuts-final-sync'],
  'rebuild-before-cname.yaml': ['schedule.profiles-rebuilt-before-autodiscover'],
};

describe('saved checker-agreement counterexamples', () => {
  it('has counterexamples to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s: the checker and the simulator agree', (name) => {
    const config = load(name);
    const findings = realEngine.checkPlan(config);
    const result = realEngine.simulate(config);
    assertInvariant(cleanPlanLosesNothing(findings, result));
    assertInvariant(lossesExplained(config, findings, result));
    const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule);
    expect(errors).toEqual(expect.arrayContaining(EXPECTED_ERRORS[name] ?? []));
  });

  it('auto-start-default.yaml: a batch created without autoStart waits for its Start (docs/scenario-format.md)', () => {
    const result = realEngine.simulate(load('auto-start-default.yaml'));
    const syncing = result.batch.statusHistory.find((entry) => entry.status === 'Syncing');
    expect(syncing?.at).toBe(70 * 60_000);
  });
});
