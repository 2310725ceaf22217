import { createActor, type Actor } from 'xstate';
import type { Millis, Scheduler, Trace } from '../../sim/index.js';
import type { TenantConfig } from '../config.js';
import type { Organisation } from '../organisation.js';
import { done, refused, type CommandResult } from './command-result.js';
import { domainVerificationMachine, verificationRefusal } from './domain-verification.js';
import { exchangeOnlineVerdict, type InboundVerdict } from './exchange-online.js';
import type { LicenseStateName } from './license.js';
import { Licenses } from './licenses.js';
import { domainNames } from '../accepted-domains.js';

export interface TenantListener {
  /** A cloud mailbox's license changed state (for example disabled at the end of its grace). */
  onLicenseState(address: string, state: LicenseStateName, at: Millis): void;
}

export interface TenantOptions {
  scheduler: Scheduler;
  config: TenantConfig;
  organisation: Organisation;
  listener: TenantListener;
  /** The run's trace: the domain's and every license's transitions are recorded. */
  trace?: Trace;
}

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The Microsoft 365 tenant: the organisation's domain (verified by TXT record), directory
 * synchronization, pre-created security groups, the cloud mailboxes created at
 * provisioning and their licenses. It answers the migration service's questions
 * (TenantView) and decides what Exchange Online does with inbound mail.
 */
export class Tenant {
  readonly licenses: Licenses;
  /** The primary domain's verification (domainActors[0]). */
  private readonly domainActor: Actor<typeof domainVerificationMachine>;
  /** Each accepted domain's verification, by domain index. */
  private readonly domainActors: Actor<typeof domainVerificationMachine>[];
  private readonly domainNames: readonly string[];
  private readonly alsoVerified: Set<string>;
  private directorySync: boolean;
  /** "@" and the organisation's domain in lower case. */
  private readonly organisationSuffix: string;
  private inboundChanges = 0;
  private readonly securityGroups: Set<string>;
  private readonly provisioned = new Map<string, string>();

  constructor(private readonly options: TenantOptions) {
    const { config, organisation, scheduler, trace } = options;
    this.alsoVerified = new Set(config.verifiedDomains.map((domain) => domain.toLowerCase()));
    this.alsoVerified.add(config.initialDomain.toLowerCase()); // the onmicrosoft.com domain is always verified
    this.directorySync = config.directorySync;
    this.organisationSuffix = `@${organisation.domain.toLowerCase()}`;
    this.securityGroups = new Set(config.preCreatedSecurityGroups.map((address) => address.toLowerCase()));
    const inspection = trace !== undefined ? { inspect: trace.inspector(() => scheduler.now()) } : {};
    this.domainNames = domainNames(organisation);
    // The primary keeps the system id 'domain' (traces of one-domain runs stay as they were).
    this.domainActors = this.domainNames.map((name, index) => createActor(domainVerificationMachine, {
      clock: scheduler,
      systemId: index === 0 ? 'domain' : `domain:${name}`,
      input: { propagation: config.verificationPropagation, verifiedAtStart: this.alsoVerified.has(name) },
      ...inspection,
    }).start());
    this.domainActor = this.domainActors[0]!;
    this.licenses = new Licenses({
      scheduler,
      grace: config.licenseGrace,
      retention: config.disabledDataRetention,
      pool: config.licensePool,
      onChange: (address, state, at) => {
        this.inboundChanges++;
        options.listener.onLicenseState(address, state, at);
      },
      trace,
    });
    for (const actor of this.domainActors) actor.subscribe(() => this.inboundChanges++);
  }

  /**
   * Bumped whenever an answer of `inbound` may change (a cloud mailbox created, a license
   * state changed, the domain's verification moved): while it stays the same, a caller may
   * reuse an answer it got for the same recipient (the router does, per user: issue 9).
   */
  get inboundVersion(): number {
    return this.inboundChanges;
  }

  // ---- TenantView (asked by the migration service) ----------------------------------

  isDomainVerified(domain: string): boolean {
    const index = this.domainNames.indexOf(domain.toLowerCase());
    if (index >= 0) return this.domainActors[index]!.getSnapshot().value === 'verified';
    return this.alsoVerified.has(domain.toLowerCase());
  }

  isDirectorySyncEnabled(): boolean {
    return this.directorySync;
  }

  isSecurityGroupPreCreated(address: string): boolean {
    return this.securityGroups.has(address.toLowerCase());
  }

  // ---- admin commands ------------------------------------------------------------------

  /** CUT step 1: verify accepted domain `domain` (an index; 0 the primary), `txtPublishedAt` being when its TXT record was published. */
  verifyDomain(at: Millis, txtPublishedAt: Millis | undefined, domain = 0): CommandResult {
    const why = this.verificationRefusal(at, txtPublishedAt, domain);
    if (why !== undefined) return refused(why);
    this.domainActors[domain]!.send({ type: 'verify', at, txtPublishedAt });
    return done(`${domain === 0 ? this.options.organisation.domain : this.domainNames[domain]} verified`);
  }

  /** Why verifying domain `domain` at `at` would be refused, or undefined when it would succeed (no side effect). */
  verificationRefusal(at: Millis, txtPublishedAt: Millis | undefined, domain = 0): string | undefined {
    const verified = this.domainActors[domain]!.getSnapshot().value === 'verified';
    return verificationRefusal(verified, txtPublishedAt, at, this.options.config.verificationPropagation);
  }

  /** Directory synchronization must be off for a cutover (CUT, DIRSYNC). */
  disableDirectorySync(_at: Millis): CommandResult {
    if (!this.directorySync) return refused('directory synchronization is already off');
    this.directorySync = false;
    return done('directory synchronization turned off (it cannot be turned on again for 72 hours: DIRSYNC)');
  }

  /** CUT "prepare": pre-create an empty mail-enabled security group for each on-prem security group. */
  createSecurityGroups(_at: Millis): CommandResult {
    const why = this.securityGroupsRefusal();
    if (why !== undefined) return refused(why);
    const missing = this.missingSecurityGroups();
    for (const address of missing) this.securityGroups.add(address);
    return done(`pre-created ${missing.length} empty mail-enabled security group${missing.length === 1 ? '' : 's'}`);
  }

  /** Why pre-creating security groups would be refused now, or undefined. */
  securityGroupsRefusal(): string | undefined {
    if (!this.options.organisation.recipients.some((recipient) => recipient.kind === 'group' && recipient.security)) {
      return 'the organisation has no mail-enabled security groups to pre-create';
    }
    if (this.missingSecurityGroups().length === 0) return 'every security group is already pre-created';
    return undefined;
  }

  private missingSecurityGroups(): string[] {
    return this.options.organisation.recipients
      .filter((recipient) => recipient.kind === 'group' && recipient.security)
      .map((group) => group.address.toLowerCase())
      .filter((address) => !this.securityGroups.has(address));
  }

  /** Assigns licenses, pool permitting (CUT step 7). */
  assignLicenses(addresses: readonly string[] | undefined, at: Millis): CommandResult {
    return this.licenses.assign(addresses?.map((address) => address.toLowerCase()), at);
  }

  // ---- provisioning and mail ----------------------------------------------------------------

  /** The migration service created a cloud recipient; a mailbox starts its license grace now. */
  provision(address: string, kind: string, at: Millis): void {
    const name = address.toLowerCase();
    if (this.provisioned.has(name)) return;
    this.provisioned.set(name, kind);
    if (kind === 'mailbox') {
      this.licenses.create(name, at);
      this.inboundChanges++;
    }
  }

  hasCloudMailbox(address: string): boolean {
    return this.licenses.has(address.toLowerCase());
  }

  /** What Exchange Online answers at RCPT TO for this recipient now. */
  inbound(recipient: string): InboundVerdict {
    const address = recipient.toLowerCase();
    // Almost every recipient is in the organisation's domain: no slice or look-up for it (asked once per message, issue 9).
    const domainAccepted = address.endsWith(this.organisationSuffix) ? this.domainActor.getSnapshot().value === 'verified' : this.isDomainVerified(domainOf(address));
    return exchangeOnlineVerdict(domainAccepted, this.licenses.state(address));
  }

  stop(): void {
    for (const actor of this.domainActors) actor.stop();
    this.licenses.stop();
  }
}
