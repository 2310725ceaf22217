import type { Millis, RandomStream } from '../../sim/index.js';
import type { ClientConfig } from '../config.js';

export type OutlookLocation = 'on-prem' | 'cloud';

export type ClientCommandResult = { ok: true; detail: string } | { ok: false; reason: string };

export interface OutlookProfilesOptions {
  /** The users, by index (the same order the rest of the world uses). */
  userCount: number;
  config: ClientConfig;
  /** Stream 'clients': who is domain-joined and how long each profile takes to be reconfigured. */
  random: RandomStream;
  /** The on-prem SCP pointer (AutoDiscoverServiceInternalUri) is set at T+0. */
  scpPointerSet: boolean;
  /** The autodiscover CNAME to autodiscover.outlook.com already exists at T+0. */
  autodiscoverCnameExists: boolean;
}

/**
 * Where each user's Outlook connects. A profile keeps reaching the on-prem server until
 * Autodiscover leads it to the cloud: for everyone, autodiscover.<domain> must be the
 * CNAME to autodiscover.outlook.com; domain-joined Outlook asks the SCP in Active Directory
 * first, so for them the SCP pointer must be cleared too (AUTOD, CUT post-migration
 * tasks). After that the profile moves after an exponential delay (a parameter: how fast
 * profiles get re-created). Both draws are made once per user at the start, so later
 * admin timing never shifts them.
 */
export class OutlookProfiles {
  private readonly domainJoined: Uint8Array;
  private readonly reconfigureDelay: Float64Array;
  private cnameAt: Millis | undefined;
  private scpClearedAt: Millis | undefined;

  constructor(options: OutlookProfilesOptions) {
    const { userCount, config, random } = options;
    this.domainJoined = new Uint8Array(userCount);
    this.reconfigureDelay = new Float64Array(userCount);
    for (let user = 0; user < userCount; user++) {
      this.domainJoined[user] = random.chance(config.domainJoinedFraction) ? 1 : 0;
      this.reconfigureDelay[user] = config.meanReconfigureDelay > 0 ? Math.round(random.exponential(config.meanReconfigureDelay)) : 0;
    }
    if (options.autodiscoverCnameExists) this.cnameAt = 0;
    if (!options.scpPointerSet) this.scpClearedAt = 0;
  }

  get userCount(): number {
    return this.domainJoined.length;
  }

  isDomainJoined(user: number): boolean {
    return this.domainJoined[user] === 1;
  }

  /** The autodiscover CNAME now exists (the zone records it; this is told when it happens). */
  autodiscoverCnameCreated(at: Millis): void {
    if (this.cnameAt === undefined) this.cnameAt = at;
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

  /** When Autodiscover starts sending this user to the cloud, or undefined while it does not. */
  pointedToCloudAt(user: number): Millis | undefined {
    if (this.cnameAt === undefined) return undefined;
    if (!this.isDomainJoined(user)) return this.cnameAt;
    return this.scpClearedAt === undefined ? undefined : Math.max(this.cnameAt, this.scpClearedAt);
  }

  /** When the user's Outlook reaches the cloud, or undefined while that is not known yet. */
  movedAt(user: number): Millis | undefined {
    const pointed = this.pointedToCloudAt(user);
    return pointed === undefined ? undefined : pointed + this.reconfigureDelay[user]!;
  }

  location(user: number, now: Millis): OutlookLocation {
    const moved = this.movedAt(user);
    return moved !== undefined && now >= moved ? 'cloud' : 'on-prem';
  }

  /** When the last profile leaves on-prem, once every move is known (undefined before). */
  allMovedAt(): Millis | undefined {
    let latest = 0;
    for (let user = 0; user < this.userCount; user++) {
      const moved = this.movedAt(user);
      if (moved === undefined) return undefined;
      latest = Math.max(latest, moved);
    }
    return latest;
  }

  countOnPrem(now: Millis): number {
    let count = 0;
    for (let user = 0; user < this.userCount; user++) if (this.location(user, now) === 'on-prem') count++;
    return count;
  }
}
