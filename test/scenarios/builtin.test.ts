import { describe, expect, it } from 'vitest';
import { builtinScenarioNames, loadScenario } from '../../scenarios/index.js';
import { checkPlan } from '../../model/checker/index.js';
import { simulate } from '../../model/index.js';
import { testEndpoint } from '../../model/migration/index.js';
import { HOUR } from '../../sim/index.js';
import { builtinFindings, builtinRun, builtinScenario } from '../fixtures/builtin-runs.js';

/**
 * The built-in scenarios' expected outcomes (issue 5), part 1: the textbook run and the
 * scenarios that are refused before anything migrates. Part 2 is in
 * test/scenarios-format/builtin-outcomes.test.ts (kept apart so each file stays quick).
 */

const errorRules = (name: string) => builtinFindings(name).filter((finding) => finding.severity === 'error').map((finding) => finding.rule);

describe('built-in scenarios', () => {
  it('are all present and load', () => {
    expect(builtinScenarioNames()).toEqual([
      'article-minimum-wait', 'decommission-too-early', 'dirsync-left-on', 'early-batch-delete', 'exchange-2003-ports-closed',
      'hidden-mailboxes', 'licenses-forgotten', 'max', 'no-x500-addresses', 'outlook-still-on-prem', 'passwords-not-sent',
      'profiles-not-rebuilt', 'stranded-then-exported', 'textbook', 'too-many', 'ttl-not-lowered',
    ]);
    for (const name of builtinScenarioNames()) expect(loadScenario(name).description?.length).toBeGreaterThan(40);
  });

  it('textbook: 150 mailboxes, the article to the letter, nothing lost, nothing bounced, and the checker agrees', () => {
    const { config } = builtinScenario('textbook');
    expect(config.organisation.recipients).toHaveLength(150);
    expect(builtinFindings('textbook')).toEqual([]);
    const result = builtinRun('textbook');
    expect(result.actions.every((action) => action.outcome === 'done')).toBe(true);
    expect(result.actions.map((action) => action.action)).toContain('decommission');
    expect(result.mailboxes.synced).toBe(150);
    expect(result.messages.sent).toBeGreaterThan(10_000);
    expect(result.messages.lost).toBe(0);
    expect(result.messages.bounced).toBe(0);
    expect(result.messages.stranded + result.messages.pending).toBe(0);
    const switched = result.actions.find((action) => action.action === 'switchMx')!.at;
    const removed = result.actions.find((action) => action.action === 'removeBatch')!.at;
    expect(removed - switched).toBeGreaterThanOrEqual(72 * HOUR);
  });

  it('max: 2,000 mailboxes are accepted in one batch (checked over the first day; the full run is a benchmark)', () => {
    const { config } = loadScenario('max');
    expect(config.organisation.recipients).toHaveLength(2000);
    expect(config.mailFlow.generated?.messagesPerUserPerDay).toBe(100);
    const findings = checkPlan(config);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.map((finding) => finding.rule)).toContain('preflight.above-recommended-size');
    const result = simulate({ ...config, horizon: 12 * HOUR, mailFlow: { explicit: [] } });
    expect(result.actions.find((action) => action.action === 'createBatch')?.outcome).toBe('done');
    expect(result.batch.counts.total).toBe(2000);
  });

  it('too-many: 2,001 mailboxes, the batch is refused and nothing migrates', () => {
    const { config } = builtinScenario('too-many');
    expect(config.organisation.recipients).toHaveLength(2001);
    expect(errorRules('too-many')).toContain('preflight.too-many-mailboxes');
    const result = builtinRun('too-many');
    expect(result.actions.find((action) => action.action === 'createBatch')?.outcome).toBe('refused');
    expect(result.mailboxes.synced).toBe(0);
    expect(result.messages.lost + result.messages.bounced).toBe(0);
  });

  it('dirsync-left-on: refused batch, reported by the checker', () => {
    expect(errorRules('dirsync-left-on')).toContain('preflight.directory-sync-on');
    const result = builtinRun('dirsync-left-on');
    expect(result.actions.find((action) => action.action === 'createBatch')?.detail).toMatch(/[Dd]irectory synchronization/);
    expect(result.mailboxes.synced).toBe(0);
  });

  it('exchange-2003-ports-closed: manual endpoint settings, so the closed ports are what fails; nothing migrates', () => {
    const { config } = builtinScenario('exchange-2003-ports-closed');
    expect(config.endpoint.mode).toBe('manual');
    expect(errorRules('exchange-2003-ports-closed')).toContain('preflight.exchange-2003-ports');
    expect(testEndpoint(config).cause).toBe('exchange-2003-ports');
    // With the ports open the same settings connect: the ports are the only fault.
    expect(testEndpoint({ ...config, organisation: { ...config.organisation, server: { ...config.organisation.server, rpcPorts6001To6004Open: true } } }).result).toBe('Success');
    const result = builtinRun('exchange-2003-ports-closed');
    const endpoint = result.actions.find((action) => action.action === 'createEndpoint');
    expect(endpoint?.outcome).toBe('refused');
    expect(endpoint?.detail).toMatch(/6001, 6002 or 6004/);
    expect(result.actions.find((action) => action.action === 'createBatch')?.outcome).toBe('refused');
    expect(result.mailboxes.synced).toBe(0);
  });
});
