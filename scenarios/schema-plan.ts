import { z } from 'zod';
import type { ActionType, PlanAnchor } from '../model/config.js';
import { durationInRange, LIMITS } from './bounds.js';
import { address, duration, DURATION_EXPECTED, flag, hostName, mxTtl } from './schema-primitives.js';
import { CALENDAR_AT_EXPECTED, isCalendarTime } from './calendar-times.js';

/**
 * The `plan:` section: timed admin actions. Action names are kebab-case in files and map to
 * ActionType; a time is absolute (`at: 3d`) or relative to an event (`at: "24h after
 * initial-sync-done"`, or `after: recommended-batch-removal` with an optional `delay`).
 */

export const ACTION_NAMES = {
  'publish-verification-txt': 'publishVerificationTxt',
  'verify-domain': 'verifyDomain',
  'disable-directory-sync': 'disableDirectorySync',
  'create-security-groups': 'createSecurityGroups',
  'create-endpoint': 'createEndpoint',
  'test-endpoint': 'testEndpoint',
  'create-batch': 'createBatch',
  'start-batch': 'startBatch',
  'stop-batch': 'stopBatch',
  'complete-batch': 'completeBatch',
  'remove-batch': 'removeBatch',
  'set-mx-ttl': 'setMxTtl',
  'switch-mx': 'switchMx',
  'assign-licenses': 'assignLicenses',
  'create-autodiscover-cname': 'createAutodiscoverCname',
  'clear-scp-pointer': 'clearScpPointer',
  decommission: 'decommission',
  'distribute-passwords': 'distributePasswords',
  'rebuild-outlook-profiles': 'rebuildOutlookProfiles',
  'add-x500-addresses': 'addX500Addresses',
  'export-stranded-mail': 'exportStrandedMail',
  'forward-to-tenant': 'forwardToTenant',
} as const satisfies Record<string, ActionType>;

export const ANCHOR_NAMES = {
  start: 'start',
  'batch-created': 'batchCreated',
  'batch-started': 'batchStarted',
  'initial-sync-done': 'initialSyncDone',
  'mx-switched': 'mxSwitched',
  'batch-removed': 'batchRemoved',
  'recommended-batch-removal': 'recommendedBatchRemoval',
} as const satisfies Record<string, PlanAnchor>;

/** Both spellings of an anchor are accepted: the file's kebab-case and the code's camelCase. */
export const ANCHOR_SPELLINGS: Record<string, PlanAnchor> = Object.fromEntries(
  Object.entries(ANCHOR_NAMES).flatMap(([kebab, camel]) => [[kebab, camel], [camel, camel]]),
);

const anchorAlternatives = Object.keys(ANCHOR_SPELLINGS).join('|');
const DURATION_TERM = '(?:0|(?:\\d+(?:\\.\\d+)?\\s*(?:w|d|h|m|s|ms)\\s*)+)';
/** `at:` — a duration from the start, or "<duration> after <anchor>". */
export const AT_PATTERN = new RegExp(`^\\s*(${DURATION_TERM})(?:\\s+after\\s+(${anchorAlternatives}))?\\s*$`);
const AT_EXPECTED = `${DURATION_EXPECTED} from the start, "<duration> after <event>" where <event> is one of: ${Object.keys(ANCHOR_NAMES).join(', ')}; or, with startDate, ${CALENDAR_AT_EXPECTED}`;

const anchor = z
  .enum(Object.keys(ANCHOR_SPELLINGS) as [string, ...string[]], { error: `expected an event: ${Object.keys(ANCHOR_NAMES).join(', ')}` })
  .describe('the event this action is timed against');

const atRange = durationInRange({ why: 'no timer in a cutover runs longer than a year' });
/** The duration part of an `at:` within range (text that is not one is reported by the pattern). */
const atInRange = (text: string): boolean => {
  const amount = AT_PATTERN.exec(text)?.[1];
  return amount === undefined || atRange.check(amount.trim());
};

const timing = {
  at: z.string({ error: `expected ${AT_EXPECTED}` })
    .refine((text) => AT_PATTERN.test(text) || isCalendarTime(text), { error: `expected ${AT_EXPECTED}` })
    .refine((text) => !AT_PATTERN.test(text) || atInRange(text), { error: atRange.message }).optional()
    .describe('when: "3d" (from the start), "72h after mx-switched", or with startDate "2025-03-14 20:00" or "next Fri 20:00 after initial-sync-done"'),
  after: anchor.optional(),
  delay: duration.optional().describe('with `after`: how long after the event (default 0s)'),
};

const plain = <N extends keyof typeof ACTION_NAMES>(name: N) => z.strictObject({ action: z.literal(name), ...timing });
/** The accepted domain an action on DNS records or verification acts on. */
const onDomain = { domain: hostName.optional().describe('the accepted domain (organisation.domain or one of organisation.additionalDomains; default organisation.domain)') };
const forDomain = <N extends keyof typeof ACTION_NAMES>(name: N) => z.strictObject({ action: z.literal(name), ...timing, ...onDomain });

export const planEntry = z
  .discriminatedUnion('action', [
    forDomain('publish-verification-txt'),
    forDomain('verify-domain'),
    plain('disable-directory-sync'),
    plain('create-security-groups'),
    plain('create-endpoint'),
    plain('test-endpoint'),
    z.strictObject({
      action: z.literal('create-batch'),
      ...timing,
      name: z.string().min(1, { error: 'expected a batch name' }).optional()
        .describe('batch name; the service refuses spaces and special characters (CUT step 3), which the checker reports'),
      autoStart: flag.optional().describe('start automatically when created (CUT step 3)'),
    }),
    plain('start-batch'),
    plain('stop-batch'),
    plain('complete-batch'),
    plain('remove-batch'),
    z.strictObject({ action: z.literal('set-mx-ttl'), ...timing, ...onDomain, ttl: mxTtl('the new MX TTL') }),
    forDomain('switch-mx'),
    z.strictObject({
      action: z.literal('assign-licenses'),
      ...timing,
      users: z.array(address).max(LIMITS.mailboxes, { error: `expected at most ${LIMITS.mailboxes} users` }).optional().describe('default: every migrated user'),
    }),
    forDomain('create-autodiscover-cname'),
    plain('clear-scp-pointer'),
    plain('decommission'),
    plain('distribute-passwords'),
    z.strictObject({
      action: z.literal('rebuild-outlook-profiles'),
      ...timing,
      rate: z.number().positive().max(10_000).optional()
        .describe('desks per hour, within business hours (clients.businessHours); absent: every desk at once'),
      selfService: z.number().min(0).max(1).optional()
        .describe('with `rate`: share of users who rebuild their own profile from the welcome letter (default 0)'),
    }),
    plain('add-x500-addresses'),
    plain('export-stranded-mail'),
    plain('forward-to-tenant'),
  ], { error: `expected an action: ${Object.keys(ACTION_NAMES).join(', ')}` })
  .superRefine((entry, context) => {
    const given = (entry.at !== undefined ? 1 : 0) + (entry.after !== undefined ? 1 : 0);
    if (given !== 1) {
      context.addIssue({ code: 'custom', message: 'expected exactly one of `at` or `after`', path: [] });
    } else if (entry.delay !== undefined && entry.after === undefined) {
      context.addIssue({ code: 'custom', message: '`delay` only goes with `after`', path: ['delay'] });
    }
  });

export const faultEntry = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('on-prem-outage'), from: duration, until: duration }),
  z.strictObject({ kind: z.literal('dns-authority-outage'), from: duration, until: duration }),
], { error: 'expected a fault kind: on-prem-outage, dns-authority-outage' });

export const explicitMessage = z.strictObject({
  at: duration.describe('when it is sent'),
  from: address,
  to: address,
  label: z.string().optional(),
});

export { address };
