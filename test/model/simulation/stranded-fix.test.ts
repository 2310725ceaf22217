import { describe, expect, it } from 'vitest';
import { strandedPrevention } from '../../../model/simulation/runtime-findings.js';
import { builtinRun } from '../../fixtures/builtin-runs.js';

/** runtime.mail-stranded's fix names what prevents the causes this run had (issue 15 point 7), not always the MX advice. */
describe('the stranded-mail fix follows its cause', () => {
  it('colleagues on the old Outlook: rebuild the profiles; stale MX: the 72-hour wait; both: both', () => {
    expect(strandedPrevention(5, 0)).toMatch(/rebuild every Outlook profile/);
    expect(strandedPrevention(5, 0)).not.toMatch(/MX|72 hours/);
    expect(strandedPrevention(0, 5)).toMatch(/72 hours/);
    expect(strandedPrevention(0, 5)).not.toMatch(/Outlook profile/);
    expect(strandedPrevention(2, 3)).toMatch(/Outlook profile[\s\S]*72 hours/);
  });

  it('early-batch-delete strands mail from outside senders only, and its finding gives the MX advice alone', () => {
    const result = builtinRun('early-batch-delete');
    expect(Object.keys(result.causes.stranded ?? {})).toEqual(['stranded:external-via-old-mx']);
    const finding = result.findings.find((entry) => entry.rule === 'runtime.mail-stranded');
    expect(finding?.fix).toMatch(/Next time lower the MX TTL early and wait 72 hours/);
    expect(finding?.fix).not.toMatch(/rebuild every Outlook profile/);
  });
});
