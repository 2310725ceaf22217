import { findParameter, COMMON_PARAMETERS } from './cmdlet.js';
import { WAIT_CONDITIONS } from './cmdlets/index.js';
import type { MigrationConsole } from './engine.js';
import type { ConsoleTarget } from './target.js';
import { domainNames } from '../model/accepted-domains.js';

export interface Completion {
  /** The part of the line the candidates replace: [start, end). */
  start: number;
  end: number;
  candidates: string[];
}

/** Values a parameter can take in this session: the batch's name, the users, the domain, the hosts. */
function valuesFor(command: string, parameter: string, target: ConsoleTarget | undefined): string[] {
  if (target === undefined) return [];
  const { config, log } = target;
  const users = () => target.snapshot().mailboxes.map((row) => row.address);
  const batch = [...log].reverse().find((entry) => entry.action.action === 'createBatch')?.action.batchName;
  switch (parameter) {
    case 'Identity':
      if (/MigrationBatch$/.test(command)) return batch === undefined ? [] : [batch];
      if (/MigrationUser|Mailbox/.test(command)) return users();
      if (command === 'Get-MigrationEndpoint') return [config.endpoint.name];
      if (command === 'Set-ClientAccessService') return [config.organisation.server.exchangeServerFqdn.split('.')[0] ?? ''];
      return [];
    case 'UserId': return users();
    case 'BatchId': return batch === undefined ? [] : [batch];
    case 'SourceEndpoint': case 'Endpoint': return [config.endpoint.name];
    case 'DomainId': case 'ZoneName': return domainNames(config.organisation);
    case 'Name': return command === 'Resolve-DnsName' ? domainNames(config.organisation).flatMap((domain) => [domain, `autodiscover.${domain}`]) : command === 'New-MigrationEndpoint' ? [config.endpoint.name] : [];
    case 'MailExchange': return [config.dns.newMxHost];
    case 'HostNameAlias': return ['autodiscover.outlook.com'];
    case 'EmailAddress': return [config.endpoint.testMailbox];
    case 'Until': return [...WAIT_CONDITIONS, 'T+1d'];
    case 'Server': return ['0', '1', '2'];
    default: return [];
  }
}

/**
 * Tab completion at `cursor`: a command name at the start of a pipeline element, a parameter
 * after "-", or a value for the parameter before it. Candidates keep their real spelling.
 */
export function complete(console: MigrationConsole, line: string, cursor: number, target: ConsoleTarget | undefined): Completion {
  const before = line.slice(0, cursor);
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf(',')) + 1;
  const word = before.slice(start);
  const segment = before.slice(Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('(')) + 1).trimStart();
  const words = segment.split(/\s+/);
  const matching = (options: readonly string[], prefix: string) => [...new Set(options)].filter((option) => option.toLowerCase().startsWith(prefix.toLowerCase())).sort((a, b) => a.localeCompare(b));
  const result = (candidates: string[], from = start): Completion => ({ start: from, end: cursor, candidates });
  if (words.length <= 1) return result(matching(console.commandNames(), word));
  const cmdlet = console.lookup(words[0]!);
  if (cmdlet === undefined) return result([]);
  if (word.startsWith('-')) {
    const names = [...cmdlet.parameters, ...COMMON_PARAMETERS].map((spec) => `-${spec.name}`);
    return result(matching(names, word));
  }
  const previous = words[words.length - 2] ?? '';
  let parameter: string | undefined;
  if (previous.startsWith('-')) {
    try {
      const spec = findParameter(cmdlet, previous.slice(1));
      if (spec.type === 'switch') return result([]);
      parameter = spec.name;
      if (spec.values !== undefined) return result(matching(spec.values, word));
    } catch {
      return result([]);
    }
  } else {
    parameter = cmdlet.parameters.find((spec) => spec.position === 0)?.name;
  }
  const quoted = word.replace(/^['"]/, '');
  const from = word.length === quoted.length ? start : start + 1;
  return result(matching(valuesFor(cmdlet.name, parameter ?? '', target), quoted), from);
}

/** The longest start all candidates share (what Tab fills in before cycling). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0]!;
  for (const candidate of candidates) {
    while (!candidate.toLowerCase().startsWith(prefix.toLowerCase())) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
