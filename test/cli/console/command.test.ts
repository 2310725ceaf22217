import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, memoryIo } from '../../../cli/index.js';
import { temporaryDirectory } from '../../fixtures/temporary.js';

async function cutover(...argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('cutover console', () => {
  test('the textbook cutover runs from the console alone: nothing lost, nothing bounced, exit 0', async () => {
    const { code, out, err } = await cutover('console', 'textbook', '--script', 'scenarios/console/textbook.ps1');
    expect(err).toBe('');
    expect(out).not.toContain('FullyQualifiedErrorId');
    expect(out).toContain('PS> New-MigrationBatch -Name CutoverBatch -SourceEndpoint CutoverEndpoint -AutoStart');
    expect(out).toMatch(/Now 2025-03-1\d \d\d:\d\d:\d\d UTC \(T\+7d12h\): the end of the scenario/);
    expect(out).toContain('✔ nothing lost, nothing bounced');
    expect(out).toMatch(/Mailboxes {3}150 total · 150 synced · 0 failed/);
    expect(out).toContain('Commands    15 carried out');
    expect(out).toContain('Replay      cutover console textbook --script scenarios/console/textbook.ps1 --seed 1');
    expect(code).toBe(0);
  }, 60_000);

  test('a script that makes a mistake prints the error record, goes on, and exits 1', async () => {
    const directory = temporaryDirectory('console');
    const script = join(directory, 'mistake.ps1');
    writeFileSync(script, 'Start-MigrationBatch -Identity CutoverBatch\nGet-Date\n');
    const { code, out } = await cutover('console', 'textbook', '--script', script);
    expect(out).toContain('FullyQualifiedErrorId : Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException,Start-MigrationBatch');
    expect(out).toContain('PS> Get-Date\n2025-03-03 08:00:00 UTC (T+0)');
    expect(out).toContain('Commands    0 carried out, 1 failed');
    expect(code).toBe(1);
  }, 60_000);

  test('a script that cannot be read is bad input (exit 2, one line)', async () => {
    const { code, err } = await cutover('console', 'textbook', '--script', join(temporaryDirectory('console'), 'missing.ps1'));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('CONSOLE_SCRIPT_UNREADABLE');
  });
});
