import { describe, expect, test } from 'vitest';
import { coloursFor, terminalSafe } from '../../../cli/colour.js';
import { formatSummary } from '../../../cli/index.js';
import { replayCommand, shellQuote } from '../../../cli/context.js';
import { fixtureResult } from '../../fixtures/simulation-result.js';

const plain = coloursFor({ env: {}, stdoutIsTTY: false });

describe('colours', () => {
  test('only on a terminal and never with NO_COLOR', () => {
    expect(coloursFor({ env: {}, stdoutIsTTY: true }).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(coloursFor({ env: { NO_COLOR: '1' }, stdoutIsTTY: true }).red('x')).toBe('x');
    expect(plain.red('x')).toBe('x');
  });

  test('scenario text cannot carry terminal escapes', () => {
    expect(terminalSafe('a\u001b]0;pwned\u0007b\nc')).toBe('a?]0;pwned?b?c');
  });
});

describe('formatSummary', () => {
  test('fits one screen even with many findings, actions and statuses', () => {
    const base = fixtureResult();
    const many = fixtureResult({
      findings: Array.from({ length: 50 }, (_, index) => ({ ...base.findings[index % 2]!, rule: `rule-${index}` })),
      actions: Array.from({ length: 40 }, (_, index) => ({ action: 'stopBatch' as const, at: index, outcome: 'refused' as const, detail: 'no' })),
      batch: { ...base.batch, statusHistory: Array.from({ length: 30 }, (_, index) => ({ status: 'Syncing' as const, at: index })) },
      reasons: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`reason-${index}`, index + 1])),
    });
    const text = formatSummary(many, { replayCommand: 'cutover replay x --seed 1', colours: plain, notes: ['Report      /tmp/r.html'] });
    expect(text.trimEnd().split('\n').length).toBeLessThanOrEqual(40);
    expect(text).toContain('… 44 more');
    expect(text).toContain('Report      /tmp/r.html');
    expect(text).toContain('Replay      cutover replay x --seed 1');
  });

  test('a clean run says so; error findings still explain exit code 1', () => {
    const clean = fixtureResult({ messages: { sent: 1, delivered: 1, deliveredLate: 0, bounced: 0, lost: 0, stranded: 0, recovered: 0, pending: 0 } });
    const text = formatSummary(clean, { replayCommand: 'r', colours: plain });
    expect(text).toContain('✔ nothing lost, nothing bounced');
    expect(text).toContain('Exit code 1: the plan has error findings.');
    expect(formatSummary({ ...clean, findings: [] }, { replayCommand: 'r', colours: plain })).not.toContain('Exit code 1');
  });

  test('without a start date, times are offsets only', () => {
    const text = formatSummary(fixtureResult({ startDate: undefined }), { replayCommand: 'r', colours: plain });
    expect(text).toContain('earliest safe MX switch      T+22h\n');
    expect(text).not.toContain('2025');
  });
});

describe('replay command', () => {
  test('quotes what a shell would split', () => {
    expect(shellQuote('plans/a.yaml')).toBe('plans/a.yaml');
    expect(shellQuote("my plan's.yaml")).toBe(`'my plan'\\''s.yaml'`);
    expect(replayCommand('my plan.yaml', 4, '3d')).toBe("cutover replay 'my plan.yaml' --seed 4 --until 3d");
  });
});

describe('batchLines', () => {
  test('first time of each status, wrapped to two lines at most, with the count', async () => {
    const { batchLines } = await import('../../../cli/run/summary.js');
    const base = fixtureResult();
    const statuses = ['Created', 'Syncing', 'Synced', 'IncrementalSyncing', 'Synced', 'IncrementalSyncing', 'Synced', 'Removing', 'Deleted'] as const;
    const result = { ...base, batch: { ...base.batch, statusHistory: statuses.map((status, index) => ({ status, at: index * 3_600_000 })) } };
    const lines = batchLines(result, 60);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toContain('Synced T+2h');
    expect(lines.join(' ')).not.toContain('T+4h');
    expect(lines[1]).toMatch(/^ {12}→ .*Deleted T\+8h, 9 status changes$/);
    expect(batchLines({ ...base, batch: { ...base.batch, statusHistory: [] } })).toEqual(['Batch       never created']);
    const stopped = batchLines({ ...base, batch: { ...base.batch, statusHistory: [{ status: 'Syncing', at: 0 }, { status: 'Stopped', at: 1 }, { status: 'Syncing', at: 2 }] } });
    expect(stopped[0]).toContain('(now Syncing), 3 status changes');
  });
});
