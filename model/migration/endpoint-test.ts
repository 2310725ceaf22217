import type { SimulationConfig } from '../config.js';
import { isMailbox } from '../organisation.js';
import type { ConnectionSettings, EndpointFailureCause, EndpointTestResult } from './types.js';

/**
 * Test-MigrationServerAvailability for an Outlook Anywhere (cutover) endpoint: a pure
 * function of the configuration. The checks run in the order a connection would meet them:
 * source version, Autodiscover, TLS certificate, Outlook Anywhere (RPC over HTTP), the RPC
 * ports of Exchange 2003, credentials, permissions, the named server, the test mailbox.
 * Messages follow the service's wording style (KB2389390, KB2975731) without copying it.
 */

const GENERIC = 'Unable to connect to the server. Check the connection settings you supplied and try again.'; // KB2389390 (paraphrase)

function failed(cause: EndpointFailureCause, message: string, errorDetail: string): EndpointTestResult {
  return { result: 'Failed', message, errorDetail, cause, supportsCutover: false };
}

export function testEndpoint(config: SimulationConfig): EndpointTestResult {
  const { server, domain, recipients } = config.organisation;
  const endpoint = config.endpoint;
  const manual = endpoint.mode === 'manual';
  const exchangeServer = manual ? endpoint.exchangeServer ?? '' : server.exchangeServerFqdn;
  const rpcProxy = manual ? endpoint.rpcProxyServer ?? '' : server.rpcProxyFqdn;

  // CUT: Exchange 2003 or later.
  if (server.version === '2000') {
    return failed('source-too-old', GENERIC, `MigrationPermanentException: Exchange ${server.version} is older than Exchange 2003 and cannot be a cutover source.`);
  }
  // CUT says 2003 is supported, KB2389390 says it is not: a parameter.
  if (server.version === '2003' && !config.migration.exchange2003Supported) {
    return failed('exchange-2003-unsupported', GENERIC, 'MigrationPermanentException: migrating from Exchange 2003 is not supported (exchange2003Supported is off).');
  }
  if (!manual) {
    // Test-MigrationServerAvailability: Exchange 2003 needs the server FQDN; Autodiscover is for 2007 and later.
    if (server.version === '2003') {
      return failed('autodiscover-unresolvable', GENERIC, 'MigrationRemoteEndpointSettingsCouldNotBeAutodiscoveredException: Exchange 2003 has no Autodiscover; give the Exchange server and RPC proxy server by hand.');
    }
    if (!server.autodiscoverPublished) {
      return failed('autodiscover-unresolvable', GENERIC, `MigrationRemoteEndpointSettingsCouldNotBeAutodiscoveredException: autodiscover.${domain} could not be resolved or did not answer for ${endpoint.testMailbox}.`);
    }
  }
  // CUT, CUTPS: a certificate from a trusted CA; a self-signed one cannot be used. AcceptUntrustedCertificates skips the check (assumption: all of it).
  if (server.certificate !== 'trusted' && !endpoint.acceptUntrustedCertificates) {
    return failed('certificate', GENERIC, `MigrationServerConnectionFailedException: the certificate of ${rpcProxy} is not trusted (${server.certificate}).`);
  }
  // CUT: Outlook Anywhere must be on; KB2389390: IIS must use Basic authentication for it.
  if (!server.outlookAnywhereEnabled) {
    return failed('outlook-anywhere-off', GENERIC, `MigrationServerConnectionFailedException: Outlook Anywhere (RPC over HTTP) is not enabled on ${rpcProxy}.`);
  }
  if (endpoint.authentication === 'Basic' && !server.iisBasicAuthentication) {
    return failed('outlook-anywhere-off', GENERIC, `MigrationServerConnectionFailedException: ${rpcProxy} does not accept Basic authentication for Outlook Anywhere.`);
  }
  // CUT: TCP 6001, 6002 and 6004 must be open for Exchange 2003.
  if (server.version === '2003' && !server.rpcPorts6001To6004Open) {
    return failed('exchange-2003-ports', GENERIC, `MigrationServerConnectionFailedException: the connection to the server '${exchangeServer}' could not be completed (TCP 6001, 6002 or 6004 closed).`);
  }
  if (!server.migrationAdmin.credentialsValid) {
    return failed('bad-credentials', GENERIC, `RemotePermanentException: the credentials of ${endpoint.username} were rejected (401 Unauthorized).`);
  }
  const permission = server.migrationAdmin.permission;
  if (permission === 'None' || (endpoint.mailboxPermission === 'Admin' && permission !== 'DomainAdmin')) {
    return failed('insufficient-permission', GENERIC, `RemotePermanentException: Access is denied. ${endpoint.username} cannot open ${endpoint.testMailbox}.`);
  }
  // PS-New-MigrationEndpoint: in manual mode a wrong server fails the connection.
  if (manual && (exchangeServer.toLowerCase() !== server.exchangeServerFqdn.toLowerCase() || rpcProxy.toLowerCase() !== server.rpcProxyFqdn.toLowerCase())) {
    return failed('wrong-server', GENERIC, `MigrationServerConnectionFailedException: the connection to the server '${exchangeServer}' could not be completed.`);
  }
  // CUT step 2: the test mailbox must exist and not be hidden from address lists.
  const testMailbox = recipients.find((recipient) => recipient.address === endpoint.testMailbox.toLowerCase());
  if (testMailbox === undefined || !isMailbox(testMailbox) || testMailbox.hidden) {
    return failed('test-mailbox', GENERIC, `MigrationPermanentException: the source e-mail address ${endpoint.testMailbox} couldn't be found in the on-premises organisation (missing or hidden from address lists).`);
  }
  if (permission === 'FullAccess' && testMailbox.missingFullAccess === true) {
    return failed('insufficient-permission', GENERIC, `RemotePermanentException: Access is denied. ${endpoint.username} has no FullAccess on ${endpoint.testMailbox}.`);
  }
  const connectionSettings: ConnectionSettings = {
    hasAdminPrivilege: permission === 'DomainAdmin',
    hasAutodiscovery: !manual,
    ...(manual ? {} : { autodiscoverUrl: `https://autodiscover.${domain}/autodiscover/autodiscover.xml` }),
    incomingEmailAddress: endpoint.testMailbox,
    incomingRpcProxyServer: rpcProxy,
    incomingExchangeServer: exchangeServer,
    incomingUserName: endpoint.username,
    incomingAuthentication: endpoint.authentication,
    serverVersion: server.version,
  };
  return { result: 'Success', message: 'The connection to the server was completed.', supportsCutover: true, connectionSettings };
}
