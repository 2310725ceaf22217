import { describe, expect, test } from 'vitest';
import { consoleOn, TO_STARTED_BATCH } from './helpers.js';

describe('the users\' side from the console (twin cmdlets)', () => {
  test('passwords are refused before the batch made any account, as a service refusal that logs nothing', () => {
    const { session, failing } = consoleOn();
    expect(session.simulation.availableActions().find((entry) => entry.action === 'distributePasswords')?.allowed).toBe(false);
    const output = failing('Send-TwinUserPassword');
    expect(output).toMatch(/cloud account/);
    expect(output).toContain('FullyQualifiedErrorId : Microsoft.Exchange.Migration.MigrationPermanentException,Send-TwinUserPassword');
    expect(session.log).toEqual([]);
  });

  test('after the initial sync: passwords, X500 addresses and new profiles each land in the session log as their plan action', () => {
    const { session, ok, failing } = consoleOn();
    ok(...TO_STARTED_BATCH, 'Wait-Time -Until Synced');
    expect(ok('Send-TwinUserPassword')).toMatch(/password/);
    expect(ok('Add-TwinX500Address')).toMatch(/X500/);
    expect(failing('Add-TwinX500Address')).toContain('already added');
    expect(failing('Reset-TwinOutlookProfile -DesksPerHour 0')).toContain('greater than 0');
    expect(ok('Reset-TwinOutlookProfile -DesksPerHour 20')).toMatch(/profile/i);
    const given = session.log.map((entry) => entry.action);
    expect(given.slice(-3)).toEqual([{ action: 'distributePasswords' }, { action: 'addX500Addresses' }, { action: 'rebuildOutlookProfiles', rate: 20 }]);
  });
});
