import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema } from '../../scenarios/index.js';
import { InputError } from '../../sim/index.js';

function errorOf(text: string): InputError {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const ORGANISATION = 'organisation: { domain: contoso.com, generate: { count: 2 } }\n';

/** Every schema node of type number or integer, with its path. */
function numbers(node: unknown, path = ''): { path: string; node: Record<string, unknown> }[] {
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const isRange = (record.type === 'number' || record.type === 'integer') && record.enum === undefined && record.const === undefined;
  const own = isRange ? [{ path, node: record }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, child]) => numbers(child, `${path}/${key}`))];
}

describe('ranges', () => {
  it('every number in the JSON Schema has a minimum and a maximum', () => {
    const found = numbers(scenarioJsonSchema());
    expect(found.length).toBeGreaterThan(30);
    const unbounded = found.filter(({ node }) => node.maximum === undefined || (node.minimum === undefined && node.exclusiveMinimum === undefined));
    expect(unbounded.map(({ path }) => path)).toEqual([]);
  });

  it.each([
    ['migration: { incrementalInterval: "30m" }', 'migration.incrementalInterval', 'from 1h to 30d'],
    ['migration: { stallDuration: "0" }', 'migration.stallDuration', 'from 1m to 7d'],
    ['horizon: 400d', 'horizon', 'at most 366d'],
    ['dns: { resolverCount: 50001 }', 'dns.resolverCount', 'from 1 to 50,000'],
    ['endpoint: { maxConcurrentMigrations: 301 }', 'endpoint.maxConcurrentMigrations', 'KB2797784'],
    ['tenant: { maxReceiveSize: 200 MB }', 'tenant.maxReceiveSize', '150 MB'],
    ['senders: { profileOverrides: { postfix: { queueLifetime: 10s } } }', 'senders.profileOverrides.postfix.queueLifetime', 'from 1m to 30d'],
    ['plan: [{ action: switch-mx, at: "400d" }]', 'plan[0].at', 'at most 366d'],
  ])('%s is refused at its value with the range and why', (line, path, range) => {
    const error = errorOf(`${ORGANISATION}${line}\n`);
    expect(error.code).toBe('SCENARIO_INVALID_VALUE');
    expect(error.location).toMatchObject({ line: 2, path });
    expect(error.location.column).toBeGreaterThan(1);
    expect(error.message).toContain(range);
    expect(error.message).toMatch(/\(.+\)/);
    expect(error.message).not.toMatch(/more problem/);
  });

  it('listed and generated mailboxes together stay within 10,000', () => {
    const error = errorOf('organisation: { domain: contoso.com, generate: { count: 10000 }, mailboxes: [{ address: a@contoso.com }] }\n');
    expect(error.code).toBe('SCENARIO_INVALID_VALUE');
    expect(error.message).toContain('10,000');
  });
});
