import { MigrationConsole, sessionTarget } from '../../console/index.js';
import { createSimulation } from '../../model/simulation.js';
import { TrainerSession } from '../../web/src/session/session.js';
import { smallConfig, type ConfigOverrides } from '../fixtures/config.js';

/** A console over a real session of the small test organisation, with no plan: only the console acts. */
export function consoleOn(overrides: ConfigOverrides = {}) {
  const session = new TrainerSession(smallConfig({ plan: [], startDate: '2025-03-03T08:00:00Z', ...overrides }), (config) => createSimulation(config));
  const target = sessionTarget(session);
  const console = new MigrationConsole(() => target, { width: 120 });
  /** Runs lines and returns the last reply; fails the test on an unexpected error. */
  const ok = (...lines: string[]) => {
    let output = '';
    for (const line of lines) {
      const reply = console.run(line);
      if (reply.error) throw new Error(`${line}\n${reply.output}`);
      output = reply.output;
    }
    return output;
  };
  const failing = (line: string) => {
    const reply = console.run(line);
    if (!reply.error) throw new Error(`${line} did not fail:\n${reply.output}`);
    return reply.output;
  };
  return { session, target, console, ok, failing };
}

/** The lines that take the small organisation to a started batch. */
export const TO_STARTED_BATCH = [
  'Add-DnsServerResourceRecord -ZoneName contoso.com -Txt -Name @ -DescriptiveText MS=ms1',
  'Wait-Time 20m',
  'Confirm-MgDomain contoso.com',
  'New-MigrationEndpoint -ExchangeOutlookAnywhere -Name CutoverEndpoint -Autodiscover -EmailAddress user1@contoso.com -Credentials (Get-Credential)',
  'New-MigrationBatch -Name CutoverBatch -SourceEndpoint CutoverEndpoint -AutoStart',
];
