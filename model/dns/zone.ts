import { InputError, formatDuration, type Millis } from '../../sim/index.js';
import type { AuthoritativeZone, MxAnswer, MxState, ZoneCommandResult } from './types.js';

type ZoneChange =
  | { at: Millis; kind: 'ttl'; ttl: Millis }
  | { at: Millis; kind: 'mx'; host: string }
  | { at: Millis; kind: 'txt' }
  | { at: Millis; kind: 'cname' };

export interface ZoneOptions {
  mxHost: string;
  mxTtl: Millis;
  verificationTxtPublished: boolean;
  autodiscoverCnameExists: boolean;
}

/** Refuses a time that is not a whole, non-negative number of milliseconds. */
function checkTime(at: Millis, what: string): void {
  if (!Number.isSafeInteger(at) || at < 0) {
    throw new InputError('DNS_TIME_INVALID', `${what}: time must be a whole number of milliseconds from the start, got ${at}`, {}, 'an integer ≥ 0');
  }
}

export function checkTtl(ttl: Millis, what: string): void {
  if (!Number.isSafeInteger(ttl) || ttl < 0) {
    throw new InputError('DNS_TTL_INVALID', `${what}: TTL must be a whole number of milliseconds ≥ 0, got ${ttl}`, {}, 'an integer ≥ 0');
  }
}

const done = (detail: string): ZoneCommandResult => ({ outcome: 'done', detail });
const refused = (detail: string): ZoneCommandResult => ({ outcome: 'refused', detail });

/**
 * The authoritative zone as a sorted list of changes. MX states are rebuilt from the list on
 * every change (changes are a handful per run), so a change registered out of time order
 * still yields the exact record in force at every instant.
 */
export function createZone(options: ZoneOptions): AuthoritativeZone {
  checkTtl(options.mxTtl, 'initial MX TTL');
  if (options.mxHost === '') throw new InputError('DNS_HOST_INVALID', 'the initial MX host must not be empty');
  const changes: ZoneChange[] = [];
  let states: MxState[] = [{ at: 0, host: options.mxHost, ttl: options.mxTtl }];
  // A TXT record present at the start was published before it and has long propagated: the
  // domain can be verified at once, as the checker assumes (issue 20, a checker-agreement case).
  let txtAt: Millis | undefined = options.verificationTxtPublished ? Number.NEGATIVE_INFINITY : undefined;
  let cnameAt: Millis | undefined = options.autodiscoverCnameExists ? 0 : undefined;

  const insert = (change: ZoneChange): void => {
    // Stable: a change at the same instant as an earlier one is applied after it.
    let index = changes.length;
    while (index > 0 && changes[index - 1]!.at > change.at) index--;
    changes.splice(index, 0, change);
    rebuild();
  };

  const rebuild = (): void => {
    const rebuilt: MxState[] = [{ at: 0, host: options.mxHost, ttl: options.mxTtl }];
    for (const change of changes) {
      if (change.kind !== 'ttl' && change.kind !== 'mx') continue;
      const last = rebuilt[rebuilt.length - 1]!;
      const next = change.kind === 'ttl' ? { at: change.at, host: last.host, ttl: change.ttl } : { at: change.at, host: change.host, ttl: last.ttl };
      if (last.at === change.at) rebuilt[rebuilt.length - 1] = next;
      else rebuilt.push(next);
    }
    states = rebuilt;
  };

  /** Binary search for the last state starting at or before `at`. */
  const stateAt = (at: Millis): MxState => {
    let low = 0;
    let high = states.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (states[middle]!.at <= at) low = middle;
      else high = middle - 1;
    }
    return states[low]!;
  };

  return {
    mx(at?: Millis): MxAnswer {
      const state = at === undefined ? states[states.length - 1]! : stateAt(at);
      return { host: state.host, ttl: state.ttl };
    },
    setMxTtl(ttl, at) {
      checkTtl(ttl, 'setMxTtl');
      checkTime(at, 'setMxTtl');
      if (stateAt(at).ttl === ttl) return refused(`the MX TTL is already ${formatDuration(ttl)}`);
      insert({ at, kind: 'ttl', ttl });
      return done(`MX TTL set to ${formatDuration(ttl)}`);
    },
    switchMx(host, at) {
      checkTime(at, 'switchMx');
      if (host === '') throw new InputError('DNS_HOST_INVALID', 'switchMx: the MX host must not be empty');
      if (stateAt(at).host === host) return refused(`the MX already points at ${host}`);
      insert({ at, kind: 'mx', host });
      return done(`MX switched to ${host}`);
    },
    publishVerificationTxt(at) {
      checkTime(at, 'publishVerificationTxt');
      if (txtAt !== undefined) return refused('the TXT verification record is already published');
      txtAt = at;
      insert({ at, kind: 'txt' });
      return done('TXT verification record published');
    },
    verificationTxtPublishedAt: () => txtAt,
    createAutodiscoverCname(at) {
      checkTime(at, 'createAutodiscoverCname');
      if (cnameAt !== undefined) return refused('the autodiscover CNAME already exists');
      cnameAt = at;
      insert({ at, kind: 'cname' });
      return done('autodiscover CNAME to autodiscover.outlook.com created');
    },
    autodiscoverCnameCreatedAt: () => cnameAt,
    history() {
      const initial = [{ at: 0, change: `MX ${options.mxHost} with TTL ${formatDuration(options.mxTtl)}` }];
      if (options.verificationTxtPublished) initial.push({ at: 0, change: 'TXT verification record present' });
      if (options.autodiscoverCnameExists) initial.push({ at: 0, change: 'autodiscover CNAME present' });
      return initial.concat(changes.map((change) => ({ at: change.at, change: describe(change) })));
    },
    mxTimeline: () => states,
  };
}

function describe(change: ZoneChange): string {
  switch (change.kind) {
    case 'ttl': return `MX TTL set to ${formatDuration(change.ttl)}`;
    case 'mx': return `MX switched to ${change.host}`;
    case 'txt': return 'TXT verification record published';
    case 'cname': return 'autodiscover CNAME to autodiscover.outlook.com created';
  }
}
