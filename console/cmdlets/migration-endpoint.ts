import type { EndpointConfig } from '../../model/config.js';
import { fail, notFound } from '../errors.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { asText, psObject, type PsObject } from '../values.js';
import { give } from './give.js';

const CONNECTION_PARAMETERS = [
  { name: 'ExchangeOutlookAnywhere', type: 'switch' },
  { name: 'Autodiscover', type: 'switch' },
  { name: 'EmailAddress', type: 'string' },
  { name: 'Credentials', type: 'any' },
  { name: 'ExchangeServer', type: 'string' },
  { name: 'RpcProxyServer', type: 'string' },
  { name: 'Authentication', type: 'string', values: ['Basic', 'Ntlm'] },
  { name: 'MailboxPermission', type: 'string', values: ['Admin', 'FullAccess'] },
] as const;

const endpointExists = (context: CmdletContext): boolean =>
  context.target.availableActions().find((entry) => entry.action === 'createEndpoint')?.allowed === false;

/** Get-MigrationEndpoint's object, from the scenario's endpoint (the twin has one). */
export function toMigrationEndpoint(endpoint: EndpointConfig): PsObject {
  return psObject('MigrationEndpoint', {
    Identity: endpoint.name,
    EndpointType: 'ExchangeOutlookAnywhere',
    RemoteServer: endpoint.rpcProxyServer ?? (endpoint.mode === 'autodiscover' ? '(found by Autodiscover)' : ''),
    ExchangeServer: endpoint.exchangeServer ?? '',
    RpcProxyServer: endpoint.rpcProxyServer ?? '',
    Authentication: endpoint.authentication,
    MailboxPermission: endpoint.mailboxPermission,
    Username: endpoint.username,
    MaxConcurrentMigrations: endpoint.maxConcurrentMigrations,
    MaxConcurrentIncrementalSyncs: endpoint.maxConcurrentIncrementalSyncs,
  }, ['Identity', 'EndpointType', 'RemoteServer']);
}

export const newMigrationEndpoint: Cmdlet = {
  name: 'New-MigrationEndpoint',
  synopsis: 'Creates the connection to the on-premises server (Outlook Anywhere) that the cutover batch copies from; tests it first.',
  parameters: [{ name: 'Name', type: 'string', mandatory: true }, ...CONNECTION_PARAMETERS, { name: 'SkipVerifyConnectivity', type: 'switch' }, { name: 'MaxConcurrentMigrations', type: 'int' }],
  run(context, bound) {
    const endpoint = context.target.config.endpoint;
    const name = asText(bound.Name);
    if (name.toLowerCase() !== endpoint.name.toLowerCase()) context.warn(`The scenario's endpoint is called "${endpoint.name}"; the twin creates it with the scenario's settings.`);
    give(context, this.name, name, { action: 'createEndpoint' });
    return [toMigrationEndpoint(endpoint)];
  },
};

export const getMigrationEndpoint: Cmdlet = {
  name: 'Get-MigrationEndpoint',
  synopsis: 'Shows the migration endpoint and its settings.',
  parameters: [{ name: 'Identity', type: 'string', position: 0 }, { name: 'Type', type: 'string' }, { name: 'Diagnostic', type: 'switch' }],
  run(context, bound) {
    const endpoint = context.target.config.endpoint;
    const identity = bound.Identity === undefined ? undefined : asText(bound.Identity);
    const exists = endpointExists(context);
    if (identity !== undefined && (!exists || identity.toLowerCase() !== endpoint.name.toLowerCase())) {
      fail(notFound(this.name, identity, `Couldn't find a migration endpoint with the identity "${identity}".`));
    }
    return exists ? [toMigrationEndpoint(endpoint)] : [];
  },
};

export const testMigrationServerAvailability: Cmdlet = {
  name: 'Test-MigrationServerAvailability',
  synopsis: 'Tests that the migration service can reach the on-premises server and open the test mailbox.',
  parameters: [...CONNECTION_PARAMETERS, { name: 'Endpoint', type: 'string' }],
  run(context) {
    const outcome = context.target.act({ action: 'testEndpoint' });
    const success = outcome.outcome === 'done';
    return [psObject('TestMigrationServerAvailabilityOutcome', {
      Result: success ? 'Success' : 'Failed',
      Message: success ? outcome.detail : outcome.detail.split(/(?<=\.)\s/)[0] ?? outcome.detail,
      SupportsCutover: success,
      ErrorDetail: success ? '' : outcome.detail,
      TestedEndpoint: context.target.config.endpoint.testMailbox,
    }, ['Result', 'Message', 'SupportsCutover', 'ErrorDetail', 'TestedEndpoint'], true)];
  },
};
