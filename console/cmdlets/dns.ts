import { fail, notFound } from '../errors.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { asText, psObject } from '../values.js';
import { give } from './give.js';
import { domainNames } from '../../model/accepted-domains.js';

/** The accepted domain a zone name is (its index: 0 the primary), or a not-found error. */
const zoneOf = (context: CmdletContext, cmdlet: string, zone: string): number => {
  const names = domainNames(context.target.config.organisation);
  const index = names.indexOf(zone.toLowerCase());
  if (index < 0) fail(notFound(cmdlet, zone, `The zone ${zone} is not hosted here (the organisation's zones are ${names.join(', ')}).`));
  return index;
};

/** An admin command on domain `index`'s records: the primary's carry no domain. */
const onZone = (context: CmdletContext, index: number): { domain?: string } => (index === 0 ? {} : { domain: domainNames(context.target.config.organisation)[index]! });

/**
 * Resolve-DnsName -Type MX as a chosen external resolver sees it: its cached answer and the TTL
 * left, which is what decides where that sender's mail goes after the MX switch.
 */
export const resolveDnsName: Cmdlet = {
  name: 'Resolve-DnsName',
  synopsis: 'Looks up the MX record as one external resolver (-Server <number>) sees it now: cached answer and TTL left.',
  parameters: [
    { name: 'Name', type: 'string', mandatory: true, position: 0 },
    { name: 'Type', type: 'string', position: 1, values: ['MX', 'TXT', 'CNAME'] },
    { name: 'Server', type: 'string' },
  ],
  run(context, bound) {
    const { config } = context.target;
    const name = asText(bound.Name).replace(/\.$/, '');
    const type = bound.Type === undefined ? 'MX' : asText(bound.Type);
    const snapshot = context.target.snapshot();
    const names = domainNames(config.organisation);
    const bare = name.toLowerCase().replace(/^autodiscover\./, '');
    const domain = Math.max(0, names.indexOf(bare));
    const zone = domain === 0 ? snapshot.dns : snapshot.dns.additionalDomains?.[domain - 1] ?? snapshot.dns;
    const record = (properties: Record<string, string | number>, columns: string[]) => psObject('DnsRecord', properties, columns);
    if (type === 'TXT') {
      if (!zone.verificationTxtPublished) fail(notFound(this.name, name, `${name} : DNS name does not exist (no TXT record is published)`));
      return [record({ Name: name, Type: 'TXT', TTL: 3600, Section: 'Answer', Strings: 'MS=ms00000000' }, ['Name', 'Type', 'TTL', 'Section', 'Strings'])];
    }
    if (type === 'CNAME') {
      if (!zone.autodiscoverCname) fail(notFound(this.name, name, `${name} : DNS name does not exist`));
      return [record({ Name: name, Type: 'CNAME', TTL: 3600, Section: 'Answer', NameHost: 'autodiscover.outlook.com' }, ['Name', 'Type', 'TTL', 'Section', 'NameHost'])];
    }
    if (!names.includes(name.toLowerCase())) fail(notFound(this.name, name, `${name} : DNS name does not exist`));
    const server = bound.Server === undefined ? undefined : Number(asText(bound.Server));
    if (server !== undefined && !(Number.isInteger(server) && server >= 0 && server < config.dns.resolverCount)) {
      fail({ command: this.name, message: `-Server is an external resolver's number, 0 to ${config.dns.resolverCount - 1}.`, category: 'InvalidArgument', target: asText(bound.Server), exception: 'ArgumentException', errorId: `InvalidServer,${this.name}` });
    }
    const lookup = server === undefined ? undefined : context.target.lookupMx?.(server, domain);
    const host = lookup === undefined ? zone.mxHost : lookup.host;
    if (host === undefined) fail({ command: this.name, message: `${name} : This operation returned because the timeout period expired (resolver ${server} cannot reach the authorities and holds nothing it may serve).`, category: 'InvalidOperation', target: name, exception: 'Win32Exception', errorId: `ERROR_TIMEOUT,${this.name}` });
    const ttl = Math.floor((lookup === undefined ? zone.mxTtl : lookup.ttlLeft) / 1000);
    const properties: Record<string, string | number> = { Name: name, Type: 'MX', TTL: ttl, Section: 'Answer', NameExchange: host!, Preference: 0 };
    if (lookup !== undefined) properties.Source = lookup.cached ? `resolver ${lookup.resolver}'s cache` : `fresh from the authority (resolver ${lookup.resolver})`;
    else properties.Source = 'the authoritative server';
    return [record(properties, ['Name', 'Type', 'TTL', 'Section', 'NameExchange', 'Preference'])];
  },
};

/** The DNS host's records, in the shape of the Windows DnsServer cmdlet (TXT and CNAME). */
export const addDnsServerResourceRecord: Cmdlet = {
  name: 'Add-DnsServerResourceRecord',
  synopsis: 'Adds a record at the DNS host: -Txt (the domain verification value) or -CName (autodiscover → autodiscover.outlook.com).',
  parameters: [
    { name: 'ZoneName', type: 'string', mandatory: true },
    { name: 'Name', type: 'string' },
    { name: 'Txt', type: 'switch' },
    { name: 'DescriptiveText', type: 'string' },
    { name: 'CName', type: 'switch' },
    { name: 'HostNameAlias', type: 'string' },
    { name: 'TimeToLive', type: 'timespan' },
  ],
  run(context, bound) {
    const zone = onZone(context, zoneOf(context, this.name, asText(bound.ZoneName)));
    if (bound.Txt === true) {
      give(context, this.name, asText(bound.ZoneName), { action: 'publishVerificationTxt', ...zone });
      return [];
    }
    if (bound.CName === true) {
      const name = asText(bound.Name ?? '').toLowerCase();
      const alias = asText(bound.HostNameAlias ?? '').toLowerCase().replace(/\.$/, '');
      if (name !== 'autodiscover' || alias !== 'autodiscover.outlook.com') {
        fail({ command: this.name, message: 'The twin models one CNAME: -Name autodiscover -HostNameAlias autodiscover.outlook.com.', category: 'InvalidArgument', target: name, exception: 'ArgumentException', errorId: `InvalidArgument,${this.name}` });
      }
      give(context, this.name, 'autodiscover', { action: 'createAutodiscoverCname', ...zone });
      return [];
    }
    return fail({ command: this.name, message: 'Say which record: -Txt or -CName.', category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `AmbiguousParameterSet,${this.name}` });
  },
};

/**
 * The MX record at the DNS host (a twin cmdlet: every DNS host has its own panel). -TimeToLive
 * changes the TTL; -MailExchange points the MX at the tenant's host. Both at once: TTL first.
 */
export const setTwinMxRecord: Cmdlet = {
  name: 'Set-TwinMxRecord',
  synopsis: 'Twin: changes the MX at your DNS host: -TimeToLive 01:00:00 lowers the TTL; -MailExchange <tenant host> switches the MX.',
  parameters: [{ name: 'ZoneName', type: 'string' }, { name: 'MailExchange', type: 'string' }, { name: 'TimeToLive', type: 'timespan' }],
  run(context, bound) {
    const { config } = context.target;
    const zone = bound.ZoneName === undefined ? {} : onZone(context, zoneOf(context, this.name, asText(bound.ZoneName)));
    if (bound.MailExchange === undefined && bound.TimeToLive === undefined) {
      fail({ command: this.name, message: 'Give -TimeToLive, -MailExchange or both.', category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `MissingArgument,${this.name}` });
    }
    if (bound.TimeToLive !== undefined) give(context, this.name, zone.domain ?? config.organisation.domain, { action: 'setMxTtl', ttl: bound.TimeToLive as number, ...zone });
    if (bound.MailExchange !== undefined) {
      const host = asText(bound.MailExchange).replace(/\.$/, '');
      if (host.toLowerCase() !== config.dns.newMxHost.toLowerCase()) {
        fail({ command: this.name, message: `The tenant's MX host is ${config.dns.newMxHost} (the admin center shows it); the twin switches only to it.`, category: 'InvalidArgument', target: host, exception: 'ArgumentException', errorId: `InvalidArgument,${this.name}` });
      }
      give(context, this.name, zone.domain ?? config.organisation.domain, { action: 'switchMx', ...zone });
    }
    return [];
  },
};
