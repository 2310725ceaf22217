import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, memoryIo } from '../../cli/index.js';
import { realEngine } from '../../cli/real-engine.js';
import { MigrationConsole, sessionTarget } from '../../console/index.js';
import { consoleDate } from '../../console/dates.js';
import { builtinScenarioFile } from '../../scenarios/builtin.js';
import { loadScenario } from '../../scenarios/load.js';
import { createSimulation } from '../../model/simulation.js';
import type { MigrationStatistics, SimulationSnapshot } from '../../model/result.js';
import { TrainerSession } from '../../web/src/session/session.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

/** "Name : Value" lines of a Format-List block, by name; a long value's wrapped lines joined again. */
function listFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split('\n')) {
    const match = /^(\w+)\s+: ?(.*)$/.exec(line);
    if (match !== null) fields[(last = match[1]!)] = match[2]!;
    else if (last !== undefined && /^\s+\S/.test(line)) fields[last] += ` ${line.trim()}`;
  }
  return fields;
}

const shown = (value: string | number | null): string => (value === null ? '' : String(value));

describe('one truth: the console prints the model\'s statistics, the same figures as the snapshot and cutover run --json', () => {
  test('hidden-mailboxes, batch kept: every user\'s Get-MigrationUserStatistics and Get-MigrationBatch match the snapshot and --json', async () => {
    // The built-in run without its batch removal and with a 3-day horizon, so the batch and its users still exist at the end.
    const text = readFileSync(builtinScenarioFile('hidden-mailboxes')!, 'utf8').replace(/^ {2}- \{ action: remove-batch.*$/m, '').replace(/^horizon: .*$/m, 'horizon: 3d');
    const file = join(temporaryDirectory('one-truth'), 'hidden-kept.yaml');
    writeFileSync(file, text);

    const io = memoryIo();
    expect(await main(['run', file, '--json'], io, realEngine())).not.toBe(2);
    const json = JSON.parse(io.out.join('')) as { migrationStatistics: MigrationStatistics };

    const { config } = loadScenario(file);
    const session = new TrainerSession(config, (resolved) => createSimulation(resolved));
    session.goTo(config.horizon);
    const snapshot = session.simulation.snapshot() as SimulationSnapshot;
    expect(snapshot.migrationStatistics).toEqual(json.migrationStatistics);

    const statistics = json.migrationStatistics;
    const failed = statistics.users.filter((user) => user.Status === 'Failed');
    expect(failed).toHaveLength(5);
    expect(statistics.users.filter((user) => user.SyncedItemCount > 0).length).toBeGreaterThan(30);

    const console = new MigrationConsole(() => sessionTarget(session), { width: 200 });
    const run = (line: string) => {
      const reply = console.run(line);
      if (reply.error) throw new Error(`${line}\n${reply.output}`);
      return reply.output;
    };
    const date = (at: number | null) => (at === null ? '' : consoleDate(at, config.startDate));
    for (const user of statistics.users) {
      const fields = listFields(run(`Get-MigrationUserStatistics ${user.Identity} | Format-List`));
      expect({
        Identity: fields.Identity, Status: fields.Status, StatusSummary: fields.StatusSummary, SyncedItemCount: fields.SyncedItemCount,
        SkippedItemCount: fields.SkippedItemCount, BytesTransferred: fields.BytesTransferred, PercentageComplete: fields.PercentageComplete,
        LastSuccessfulSyncTime: fields.LastSuccessfulSyncTime, InitialSeedingCompletedTime: fields.InitialSeedingCompletedTime,
        ErrorSummary: fields.ErrorSummary, DataConsistencyScore: fields.DataConsistencyScore,
      }, user.Identity).toEqual({
        Identity: user.Identity, Status: user.Status, StatusSummary: user.StatusSummary, SyncedItemCount: shown(user.SyncedItemCount),
        SkippedItemCount: shown(user.SkippedItemCount), BytesTransferred: shown(user.BytesTransferred), PercentageComplete: shown(user.PercentageComplete),
        LastSuccessfulSyncTime: date(user.LastSuccessfulSyncTime), InitialSeedingCompletedTime: date(user.InitialSeedingCompletedTime),
        ErrorSummary: shown(user.ErrorSummary), DataConsistencyScore: user.DataConsistencyScore,
      });
    }
    // The console's user list is the model's: as many users, with the same failed ones.
    expect(run('Get-MigrationUser | Measure-Object')).toContain(`Count : ${statistics.users.length}`);
    expect(run('Get-MigrationUser -Status Failed | Select-Object -ExpandProperty Identity').split('\n').sort()).toEqual(failed.map((user) => user.Identity).sort());

    const batch = statistics.batch!;
    const fields = listFields(run('Get-MigrationBatch | Format-List'));
    expect(fields).toMatchObject({
      Identity: batch.Identity, Status: batch.Status, TotalCount: shown(batch.TotalCount), ActiveCount: shown(batch.ActiveCount),
      SyncedCount: shown(batch.SyncedCount), FinalizedCount: shown(batch.FinalizedCount), FailedCount: shown(batch.FailedCount),
      StoppedCount: shown(batch.StoppedCount), PendingCount: shown(batch.PendingCount), ProvisionedCount: shown(batch.ProvisionedCount),
      CreationDateTime: date(batch.CreationDateTime), StartDateTime: date(batch.StartDateTime), InitialSyncDateTime: date(batch.InitialSyncDateTime),
      LastSyncedDateTime: date(batch.LastSyncedDateTime), DataConsistencyScore: batch.DataConsistencyScore,
    });
    expect(batch.FailedCount).toBe(5);
  });
});
