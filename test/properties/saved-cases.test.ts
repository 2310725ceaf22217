import { describe, expect, it } from 'vitest';
import { assertInvariant } from '../../testing/index.js';
import { PROPERTIES, readSavedCase, savedCaseFiles } from './saved-case.js';

/**
 * Every case a property found (test/properties/found/*.yaml, written by property-run.ts),
 * replayed for ever (issue 20): the property now holds and compares the case, or the case
 * falls outside exactly the premise its header names.
 */
const files = savedCaseFiles();

describe('saved property cases', () => {
  it('has the issue-20 concurrency case among them', () => {
    expect(files.map((file) => file.pathname.split('/').pop())).toContain('more-concurrency-never-slower-issue20.yaml');
  });

  it.each(files.map((file) => [file.pathname.split('/').pop()!, file] as const))('%s', (_name, file) => {
    const { header, config } = readSavedCase(file);
    const result = PROPERTIES[header.property](config, header.knob);
    assertInvariant(result);
    if (header.vacuous === undefined) expect(result, 'the case must be compared, not pass through a guard').toEqual({ ok: true });
    else expect(result).toEqual({ ok: true, vacuous: header.vacuous });
  });
});
