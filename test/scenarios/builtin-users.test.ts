import { describe, expect, it } from 'vitest';
import { builtinScenarioNames } from '../../scenarios/index.js';
import type { SimulationResult } from '../../model/index.js';
import { MESSAGE_CAUSES } from '../../model/ledger/index.js';
import { builtinFindings, builtinRun, builtinScenario } from '../fixtures/builtin-runs.js';

/**
 * The users' side of the built-in scenarios (issue 13): each description names the cause
 * its run shows most, and the scenarios about profiles, passwords, X500 and stranded mail
 * show their failure while the checker predicts it.
 */

const run = builtinRun;
const errorRules = (name: string) => builtinFindings(name).filter((finding) => finding.severity === 'error').map((finding) => finding.rule);

/** The words a description uses for a cause (the run's largest cause must be named in its story). */
const STORY_WORDS: Record<string, RegExp> = {
  'stranded:external-via-old-mx': /old MX[\s\S]*stranded/,
  'stranded:internal-from-on-prem-outlook': /old Outlook[\s\S]*stranded/,
  'pending:unread-old-outlook-profile': /unread[\s\S]*old Outlook profile/,
  'pending:unread-no-password': /never got the new password/,
  'pending:outbox': /Outbox/,
  'ndr-imceaex-no-x500': /IMCEAEX/,
  'lost:server-decommissioned': /lost\s+when the server is decommissioned/,
  'mailbox-disabled-5.1.10': /disabled and mail to them bounces/,
  'exo-recipient-not-found-5.1.10': /bounces \(5\.1\.10/,
  'recovered:pst-export-import': /exported to PST/,
  'recovered:forwarded-to-tenant': /forward/,
};

/** The run's largest cause among messages not simply delivered (bounced, lost, stranded, recovered, pending). */
function largestCause(result: SimulationResult): string | undefined {
  let best: [string, number] | undefined;
  for (const fate of ['bounced', 'lost', 'stranded', 'recovered', 'pending'] as const) {
    for (const [cause, count] of Object.entries(result.causes[fate] ?? {})) if (best === undefined || count > best[1]) best = [cause, count];
  }
  return best?.[0];
}

// max is a benchmark (2,000 mailboxes); too-many migrates nothing, like dirsync-left-on.
const names = builtinScenarioNames().filter((name) => name !== 'max' && name !== 'too-many');

describe('built-in stories match their runs', () => {
  it.each(names)('%s: the description names the largest cause of its run', (name) => {
    const description = builtinScenario(name).description ?? '';
    const cause = largestCause(run(name));
    if (cause === undefined) {
      expect(description.replace(/\s+/g, ' ')).toMatch(/[Nn]othing is lost|loses none|strands none|nothing (is )?migrated|nothing migrates|refused|fails/);
      return;
    }
    expect(STORY_WORDS[cause], `no story words for cause ${cause}`).toBeDefined();
    expect(description.replace(/\s+/g, ' ')).toMatch(STORY_WORDS[cause]!);
  });
});

describe('users-side built-ins (issue 13)', () => {
  it('textbook rebuilds profiles, sends passwords and adds X500: nothing lost, stranded, pending or bounced', () => {
    const { messages } = run('textbook');
    expect(errorRules('textbook')).toEqual([]);
    expect(messages.lost + messages.bounced + messages.stranded + messages.pending).toBe(0);
  });

  it('profiles-not-rebuilt: cloud mail waits unread under the old profile; the checker asks for the rollout', () => {
    const result = run('profiles-not-rebuilt');
    expect(errorRules('profiles-not-rebuilt')).toContain('schedule.profiles-not-rebuilt');
    expect(result.causes.pending?.['pending:unread-old-outlook-profile']).toBeGreaterThan(100);
    expect(result.messages.lost).toBe(0);
    expect(result.findings.map((finding) => finding.rule)).toContain('runtime.profiles-not-rebuilt');
  });

  it('passwords-not-sent: nobody signs in, cloud mail unread and sent mail in Outboxes; the checker asks for the passwords', () => {
    const result = run('passwords-not-sent');
    expect(errorRules('passwords-not-sent')).toContain('schedule.passwords-not-distributed');
    expect(result.causes.pending?.['pending:unread-no-password']).toBeGreaterThan(100);
    expect(result.causes.pending?.['pending:outbox']).toBeGreaterThan(100);
    expect(result.messages.bounced + result.messages.lost).toBe(0);
    expect(result.findings.map((finding) => finding.rule)).toContain('runtime.users-cannot-sign-in');
  });

  it('no-x500-addresses: replies from new profiles bounce as IMCEAEX; the checker asks for X500 addresses', () => {
    const result = run('no-x500-addresses');
    expect(errorRules('no-x500-addresses')).toEqual(['schedule.no-x500-addresses']);
    expect(result.messages.bounced).toBeGreaterThan(50);
    expect(result.reasons['ndr-imceaex-no-x500']).toBe(result.messages.bounced);
    expect(result.findings.map((finding) => finding.rule)).toContain('runtime.imceaex-bounces');
  });

  it('stranded-then-exported: every stranded message is recovered (PST and forwarding) before the decommission', () => {
    const result = run('stranded-then-exported');
    expect(errorRules('stranded-then-exported')).toContain('schedule.batch-removed-before-72h');
    expect(result.causes.recovered?.['recovered:pst-export-import']).toBeGreaterThan(0);
    expect(result.messages.recovered).toBeGreaterThan(0);
    expect(result.messages.stranded + result.messages.lost + result.messages.pending).toBe(0);
    const recovered = result.traces.filter((trace) => trace.fate === 'recovered');
    for (const trace of recovered) expect(trace.latency).toBeGreaterThan(0);
  });

  it('every cause a built-in shows is in the one exported list of causes, or is a destination bounce', () => {
    const known = new Set(MESSAGE_CAUSES.map((cause) => cause.key));
    for (const name of names) {
      for (const byCause of Object.values(run(name).causes)) {
        for (const cause of Object.keys(byCause ?? {})) expect(known.has(cause) || /5\.\d\.\d|4\.4\.7|ndr-/.test(cause), `${name}: ${cause}`).toBe(true);
      }
    }
  });
});
