import { HOUR, type Millis, type RandomStream, type Scheduler } from '../../sim/index.js';
import type { ClientConfig } from '../config.js';
import { DEFAULT_CLIENTS } from '../defaults.js';
import { addBusinessTime, type WeekPosition } from './business-hours.js';

/** Where a user's Outlook works now: the old (or an on-prem) profile, a cloud profile, or a cloud profile still without the new password. */
export type OutlookLocation = 'on-prem' | 'cloud' | 'no-password';

export type ClientCommandResult = { ok: true; detail: string } | { ok: false; reason: string };

export interface ClientListener {
  /** The user can read the cloud mailbox from now on (new profile, web or phone, with the password). */
  onReadsCloud: (user: number, at: Millis) => void;
  /** The user's Outlook works against the cloud from now on (its Outbox can leave). */
  onOutlookCloud: (user: number, at: Millis) => void;
}

export interface OutlookProfilesOptions {
  /** The users, by index (the same order the rest of the world uses). */
  userCount: number;
  config: ClientConfig;
  /** Stream 'clients': who is domain-joined, who rebuilds their own profile and how fast. */
  random: RandomStream;
  /** Stream 'clients.web': who reads mail on the web or a phone, and when they first do. */
  webRandom: RandomStream;
  scheduler: Scheduler;
  /** Where T+0 falls in the week, for business-hours rollouts. */
  week: WeekPosition;
  /** The on-prem SCP pointer (AutoDiscoverServiceInternalUri) is set at T+0. */
  scpPointerSet: boolean;
  /** The autodiscover CNAME to autodiscover.outlook.com already exists at T+0 (one flag per accepted domain, by index). */
  autodiscoverCnameExists: boolean | readonly boolean[];
  /** Each user's accepted-domain index (absent: every user is in the primary domain); a user's Autodiscover follows its domain's CNAME. */
  userDomain?: Uint8Array;
  listener: ClientListener;
}

const NONE = Number.NaN;
const ON_PREM = 1;
const CLOUD = 2;
const known = (at: number): at is Millis => !Number.isNaN(at);

/**
 * The users' side of a cutover (issue 13). A cutover creates new cloud mailboxes and
 * accounts; existing Outlook profiles keep opening the on-prem mailbox (CUT "Impact to
 * users"; users-side facts, clients). A user reads the cloud mailbox only once they have
 * their new password (MigrationStatistics.csv, the welcome letter) and either a rebuilt
 * profile, Outlook on the web, or a phone set up again. A rebuilt profile points where
 * Autodiscover sends it at that moment: to the cloud once the autodiscover CNAME exists
 * and, for domain-joined Outlook, the SCP pointer is cleared (AUTOD); otherwise to on-prem
 * again. Per-user draws are made once at the start, so admin timing never shifts them.
 */
export class OutlookProfiles {
  private readonly domainJoined: Uint8Array;
  private readonly selfServiceDraw: Float64Array;
  private readonly selfServiceDelay: Float64Array;
  private readonly web: Uint8Array;
  private readonly mobile: Uint8Array;
  private readonly firstWebUseDelay: Float64Array;
  private readonly rebuiltAt: Float64Array;
  private readonly rebuiltTo: Uint8Array;
  private readonly rebuildDue: Float64Array;
  private readonly passwordAt: Float64Array;
  private readonly readsCloudNotified: Uint8Array;
  private readonly outlookCloudNotified: Uint8Array;
  private readonly readsCloudCheckAt: Float64Array;
  private readonly outlookCloudCheckAt: Float64Array;
  /** When each accepted domain's autodiscover CNAME was created, by domain index. */
  private readonly cnameAtByDomain: (Millis | undefined)[];
  private scpClearedAt: Millis | undefined;

  constructor(private readonly options: OutlookProfilesOptions) {
    const { userCount, config, random, webRandom } = options;
    const webShare = config.webShare ?? DEFAULT_CLIENTS.webShare!;
    const mobileShare = config.mobileShare ?? DEFAULT_CLIENTS.mobileShare!;
    const meanWeb = config.meanFirstWebUseDelay ?? DEFAULT_CLIENTS.meanFirstWebUseDelay!;
    this.domainJoined = new Uint8Array(userCount);
    this.selfServiceDraw = new Float64Array(userCount);
    this.selfServiceDelay = new Float64Array(userCount);
    this.web = new Uint8Array(userCount);
    this.mobile = new Uint8Array(userCount);
    this.firstWebUseDelay = new Float64Array(userCount);
    this.rebuiltAt = new Float64Array(userCount).fill(NONE);
    this.rebuiltTo = new Uint8Array(userCount);
    this.rebuildDue = new Float64Array(userCount).fill(NONE);
    this.passwordAt = new Float64Array(userCount).fill(NONE);
    this.readsCloudNotified = new Uint8Array(userCount);
    this.outlookCloudNotified = new Uint8Array(userCount);
    this.readsCloudCheckAt = new Float64Array(userCount).fill(NONE);
    this.outlookCloudCheckAt = new Float64Array(userCount).fill(NONE);
    for (let user = 0; user < userCount; user++) {
      this.domainJoined[user] = random.chance(config.domainJoinedFraction) ? 1 : 0;
      this.selfServiceDraw[user] = random.next();
      this.selfServiceDelay[user] = config.meanReconfigureDelay > 0 ? Math.round(random.exponential(config.meanReconfigureDelay)) : 0;
      this.web[user] = webRandom.chance(webShare) ? 1 : 0;
      this.mobile[user] = webRandom.chance(mobileShare) ? 1 : 0;
      this.firstWebUseDelay[user] = meanWeb > 0 ? Math.round(webRandom.exponential(meanWeb)) : 0;
    }
    const exists = typeof options.autodiscoverCnameExists === 'boolean' ? [options.autodiscoverCnameExists] : options.autodiscoverCnameExists;
    this.cnameAtByDomain = exists.map((present) => (present ? 0 : undefined));
    if (!options.scpPointerSet) this.scpClearedAt = 0;
  }

  get userCount(): number {
    return this.domainJoined.length;
  }

  isDomainJoined(user: number): boolean {
    return this.domainJoined[user] === 1;
  }

  /** Domain `domain`'s autodiscover CNAME now exists (the zone records it; this is told when it happens). Its users' phones can now find the cloud. */
  autodiscoverCnameCreated(at: Millis, domain = 0): void {
    if (this.cnameAtByDomain[domain] !== undefined) return;
    this.cnameAtByDomain[domain] = at;
    this.refreshAll();
  }

  /** When the autodiscover CNAME of this user's domain was created, if it was. */
  private cnameAt(user: number): Millis | undefined {
    return this.cnameAtByDomain[this.options.userDomain?.[user] ?? 0];
  }

  /** Set-ClientAccessServer -AutoDiscoverServiceInternalUri $null on every CAS. */
  clearScpPointer(at: Millis): ClientCommandResult {
    if (this.scpClearedAt !== undefined) return { ok: false, reason: 'the SCP pointer (AutoDiscoverServiceInternalUri) is already cleared' };
    this.scpClearedAt = at;
    return { ok: true, detail: 'AutoDiscoverServiceInternalUri cleared on every Client Access server; domain-joined Outlook stops finding on-prem' };
  }

  scpCleared(): boolean {
    return this.scpClearedAt !== undefined;
  }

  /** When Autodiscover starts sending this user's new profile to the cloud, or undefined while it does not. */
  pointedToCloudAt(user: number): Millis | undefined {
    const cnameAt = this.cnameAt(user);
    if (cnameAt === undefined) return undefined;
    if (!this.isDomainJoined(user)) return cnameAt;
    return this.scpClearedAt === undefined ? undefined : Math.max(cnameAt, this.scpClearedAt);
  }

  /** The welcome letter's passwords reach every user `eligible` says has a new account now. */
  distributePasswords(at: Millis, eligible: (user: number) => boolean): ClientCommandResult {
    let given = 0;
    for (let user = 0; user < this.userCount; user++) {
      if (known(this.passwordAt[user]!) || !eligible(user)) continue;
      this.passwordAt[user] = at;
      given++;
      this.refresh(user);
    }
    if (given === 0) return { ok: false, reason: 'no new cloud account is waiting for its password (no mailbox provisioned yet, or every password already sent)' };
    return { ok: true, detail: `one-time passwords from MigrationStatistics.csv sent to ${given} user${given === 1 ? '' : 's'}; each changes it at first sign-in` };
  }

  hasPassword(user: number, now: Millis): boolean {
    const at = this.passwordAt[user]!;
    return known(at) && at <= now;
  }

  /**
   * Rolls out new Outlook profiles: every desk at once, or `rate` desks an hour within
   * business hours, while a `selfService` share of users rebuild their own from the welcome
   * letter (each after their own delay). Only `eligible` users (with a cloud mailbox) get one;
   * users whose new profile already points at the cloud are skipped.
   */
  rebuildProfiles(at: Millis, rate: number | undefined, selfService: number, eligible: (user: number) => boolean): ClientCommandResult {
    const { scheduler, week, config } = this.options;
    const hours = config.businessHours ?? DEFAULT_CLIENTS.businessHours!;
    let desks = 0;
    let selfServed = 0;
    let last = at;
    for (let user = 0; user < this.userCount; user++) {
      if (this.rebuiltTo[user] === CLOUD || !eligible(user)) continue;
      let due: Millis;
      if (rate === undefined) due = at;
      else if (this.selfServiceDraw[user]! < selfService) {
        due = at + this.selfServiceDelay[user]!;
        selfServed++;
      } else {
        due = addBusinessTime(at, Math.round((desks * HOUR) / rate), week, hours);
        desks++;
      }
      if (known(this.rebuildDue[user]!) && this.rebuildDue[user]! <= due) continue;
      this.rebuildDue[user] = due;
      last = Math.max(last, due);
      scheduler.at(due, 'clients.rebuild', user, this.rebuild, user);
    }
    if (rate === undefined) return { ok: true, detail: `new Outlook profiles created on every desk; each points where Autodiscover sends it now` };
    return { ok: true, detail: `new Outlook profiles: ${desks} desk${desks === 1 ? '' : 's'} at ${rate} an hour in business hours, ${selfServed} by the users themselves; the last by T+${Math.round((last - at) / HOUR)}h from now` };
  }

  /** Where the user's Outlook works now. */
  location(user: number, now: Millis): OutlookLocation {
    if (this.rebuiltTo[user] !== CLOUD || this.rebuiltAt[user]! > now) return 'on-prem';
    return this.hasPassword(user, now) ? 'cloud' : 'no-password';
  }

  /** When the user's Outlook works against the cloud (a cloud profile and the password), once known. */
  outlookCloudAt(user: number): Millis | undefined {
    if (this.rebuiltTo[user] !== CLOUD) return undefined;
    const password = this.passwordAt[user]!;
    return known(password) ? Math.max(this.rebuiltAt[user]!, password) : undefined;
  }

  /** When the user first reads the cloud mailbox anywhere (Outlook, web or phone), once known. */
  readsCloudAt(user: number): Millis | undefined {
    const password = this.passwordAt[user]!;
    if (!known(password)) return undefined;
    let first = this.outlookCloudAt(user) ?? Infinity;
    if (this.web[user] === 1) first = Math.min(first, password + this.firstWebUseDelay[user]!);
    // A phone finds the cloud through the public autodiscover CNAME only (phones are not domain-joined).
    const cnameAt = this.cnameAt(user);
    if (this.mobile[user] === 1 && cnameAt !== undefined) first = Math.min(first, Math.max(password, cnameAt) + this.firstWebUseDelay[user]!);
    return Number.isFinite(first) ? first : undefined;
  }

  readsCloud(user: number, now: Millis): boolean {
    const at = this.readsCloudAt(user);
    return at !== undefined && at <= now;
  }

  /**
   * When the last user's Outlook works against the cloud, once every one is known (a rebuild
   * already done or scheduled while Autodiscover points to the cloud, and the password sent).
   */
  allMovedAt(): Millis | undefined {
    let latest = 0;
    for (let user = 0; user < this.userCount; user++) {
      let moved = this.outlookCloudAt(user);
      if (moved === undefined) {
        const due = this.rebuildDue[user]!; // a rebuild still to come
        const pointed = this.pointedToCloudAt(user);
        const password = this.passwordAt[user]!;
        if (!known(due) || pointed === undefined || pointed > due || !known(password)) return undefined;
        moved = Math.max(due, password);
      }
      latest = Math.max(latest, moved);
    }
    return latest;
  }

  countOnPrem(now: Millis): number {
    let count = 0;
    for (let user = 0; user < this.userCount; user++) if (this.location(user, now) === 'on-prem') count++;
    return count;
  }

  /** Users whose Outlook still opens on-prem now. */
  onPremUsers(now: Millis): number[] {
    const users: number[] = [];
    for (let user = 0; user < this.userCount; user++) if (this.location(user, now) === 'on-prem') users.push(user);
    return users;
  }

  private readonly rebuild = (user: number, now: Millis): void => {
    if (this.rebuildDue[user] !== now || this.rebuiltTo[user] === CLOUD) return;
    this.rebuildDue[user] = NONE;
    const pointed = this.pointedToCloudAt(user);
    this.rebuiltAt[user] = now;
    this.rebuiltTo[user] = pointed !== undefined && pointed <= now ? CLOUD : ON_PREM;
    this.refresh(user);
  };

  private refreshAll(): void {
    for (let user = 0; user < this.userCount; user++) this.refresh(user);
  }

  /** Schedules the moments the user starts reading the cloud and their Outlook reaches it, when they are known and not yet told. */
  private refresh(user: number): void {
    const now = this.options.scheduler.now();
    const reads = this.readsCloudAt(user);
    if (reads !== undefined && this.readsCloudNotified[user] === 0 && !(this.readsCloudCheckAt[user]! <= Math.max(reads, now))) {
      this.readsCloudCheckAt[user] = Math.max(reads, now);
      this.options.scheduler.at(Math.max(reads, now), 'clients.reads-cloud', user, this.readsCloudDue, user);
    }
    const outlook = this.outlookCloudAt(user);
    if (outlook !== undefined && this.outlookCloudNotified[user] === 0 && !(this.outlookCloudCheckAt[user]! <= Math.max(outlook, now))) {
      this.outlookCloudCheckAt[user] = Math.max(outlook, now);
      this.options.scheduler.at(Math.max(outlook, now), 'clients.outlook-cloud', user, this.outlookCloudDue, user);
    }
  }

  private readonly readsCloudDue = (user: number, now: Millis): void => {
    if (this.readsCloudNotified[user] === 1 || !this.readsCloud(user, now)) return;
    this.readsCloudNotified[user] = 1;
    this.options.listener.onReadsCloud(user, now);
  };

  private readonly outlookCloudDue = (user: number, now: Millis): void => {
    if (this.outlookCloudNotified[user] === 1 || this.location(user, now) !== 'cloud') return;
    this.outlookCloudNotified[user] = 1;
    this.options.listener.onOutlookCloud(user, now);
  };
}
