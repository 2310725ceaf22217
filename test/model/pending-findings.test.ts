import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../model/simulation.js';
import { smallConfig } from '../fixtures/config.js';

describe('planned actions waiting for an anchor', () => {
  test('are pending while the run goes on, and "never ran" only once it is over', () => {
    const config = smallConfig({ horizon: 3 * 3_600_000 });
    const simulation = createSimulation(config);
    const rules = () => simulation.snapshot().findings.map((finding) => finding.rule);
    expect(rules()).toContain('runtime.action-pending');
    expect(rules()).not.toContain('runtime.action-never-ran');
    const pending = simulation.snapshot().findings.find((finding) => finding.rule === 'runtime.action-pending');
    expect(pending?.severity).toBe('info');
    expect(pending?.message).toMatch(/is pending: it waits for "\w+", which has not happened by T\+0/);
    simulation.runUntil(config.horizon);
    const final = simulation.result().findings.map((finding) => finding.rule);
    expect(final).toContain('runtime.action-never-ran');
    expect(final).not.toContain('runtime.action-pending');
  });
});
