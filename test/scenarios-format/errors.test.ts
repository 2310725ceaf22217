import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioProblems } from '../../scenarios/index.js';
import { InputError } from '../../sim/index.js';

function errorOf(text: string, file = 'bad.yaml'): InputError {
  try {
    parseScenario(text, file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('scenario errors', () => {
  it('an unknown key names the file, line, column, path and the key meant', () => {
    const error = errorOf('organisation:\n  domain: contoso.com\n  mailboxs: []\n');
    expect(error.code).toBe('SCENARIO_UNKNOWN_KEY');
    expect(error.location).toEqual({ file: 'bad.yaml', line: 3, column: 3, path: 'organisation.mailboxs' });
    expect(error.message).toContain('did you mean "mailboxes"');
  });

  it('an unknown key inside a plan entry points at that key', () => {
    const error = errorOf('organisation: { domain: c.com, generate: { count: 1 } }\nplan:\n  - action: switch-mx\n    at: 3d\n    ttl: 1h\n');
    expect(error.code).toBe('SCENARIO_UNKNOWN_KEY');
    expect(error.location).toMatchObject({ line: 5, column: 5, path: 'plan[0].ttl' });
  });

  it('a clear-text password is refused with a pointer to passwordEnv', () => {
    const error = errorOf('organisation: { domain: c.com, generate: { count: 1 } }\nendpoint:\n  credentials:\n    username: admin\n    password: hunter2\n');
    expect(error.code).toBe('SCENARIO_PLAINTEXT_PASSWORD');
    expect(error.message).toContain('passwordEnv');
    expect(error.message).not.toContain('hunter2');
    expect(error.location).toMatchObject({ line: 5, column: 5 });
  });

  it('a wrong value says what was expected, at the value', () => {
    const error = errorOf('organisation: { domain: c.com, generate: { count: 1 } }\nhorizon: 5\n');
    expect(error.code).toBe('SCENARIO_INVALID_VALUE');
    expect(error.location).toMatchObject({ line: 2, column: 10, path: 'horizon' });
    expect(error.expected).toMatch(/duration/);
  });

  it('a misspelt action suggests the right one', () => {
    const error = errorOf('organisation: { domain: c.com, generate: { count: 1 } }\nplan:\n  - { action: swich-mx, at: 3d }\n');
    expect(error.message).toContain('did you mean "switch-mx"');
    expect(error.location.path).toBe('plan[0].action');
  });

  it('a missing required key is reported at its parent', () => {
    const error = errorOf('organisation:\n  generate: { count: 1 }\n');
    expect(error.code).toBe('SCENARIO_MISSING_KEY');
    expect(error.location).toMatchObject({ line: 2, path: 'organisation.domain' });
  });

  it('YAML syntax errors and duplicate keys are syntax errors with a position', () => {
    expect(errorOf('organisation: { domain: [1, 2').code).toBe('SCENARIO_YAML_SYNTAX');
    const duplicate = errorOf('organisation: { domain: c.com, generate: { count: 1 } }\nseed: 1\nseed: 2\n');
    expect(duplicate.code).toBe('SCENARIO_YAML_SYNTAX');
    expect(duplicate.location.line).toBe(3);
  });

  it('positions work in JSON files too', () => {
    const error = errorOf('{\n  "organisation": {"domain": "c.com", "generate": {"count": 1}},\n  "seeed": 3\n}', 'bad.json');
    expect(error.location).toMatchObject({ file: 'bad.json', line: 3, column: 3, path: 'seeed' });
  });

  it('an empty file and a non-mapping are refused', () => {
    expect(errorOf('').code).toBe('SCENARIO_EMPTY');
    expect(errorOf('- 1\n- 2\n').code).toBe('SCENARIO_INVALID_VALUE');
  });

  it('checks across fields: duplicate addresses, `at` with `after`, counts', () => {
    const duplicate = errorOf('organisation:\n  domain: c.com\n  mailboxes:\n    - { address: a@c.com }\n    - { address: A@c.com }\n');
    expect(duplicate.location).toMatchObject({ line: 5, path: 'organisation.mailboxes[1].address' });
    expect(errorOf('organisation: { domain: c.com, generate: { count: 1 } }\nplan:\n  - { action: switch-mx, at: 1d, after: start }\n').message).toContain('exactly one of');
    expect(errorOf('organisation: { domain: c.com, generate: { count: 2, hiddenCount: 3 } }\n').location.path).toBe('organisation.generate');
    expect(errorOf('organisation: { domain: c.com }\n').message).toContain('at least one mailbox');
  });

  it('the first error by position is thrown; scenarioProblems lists all of them', () => {
    const text = 'organisation: { domain: c.com, generate: { count: 1 } }\nseed: x\nhorizon: 5\n';
    expect(errorOf(text).location.line).toBe(2);
    expect(errorOf(text).message).toContain('1 more problem');
    expect(scenarioProblems(text, 'f.yaml').map((problem) => problem.location.path)).toEqual(['seed', 'horizon']);
    expect(scenarioProblems('organisation: { domain: c.com, generate: { count: 1 } }\n', 'f.yaml')).toEqual([]);
  });

  it('describe() prints file:line:column: path: message [code]', () => {
    expect(errorOf('organisation: { domain: c.com, generate: { count: 1 } }\nhorizon: 5\n').describe()).toMatch(/^bad\.yaml:2:10: horizon: expected .* \[SCENARIO_INVALID_VALUE\]$/);
  });
});
