import { assign, setup } from 'xstate';
import { formatDurationForPeople, type Millis } from '../../sim/index.js';

/**
 * Verification of the organisation's domain in the tenant (CUT step 1). Verify succeeds
 * only once the TXT record has been published for at least the propagation wait ("wait
 * about 15 minutes": CUT, DNSANY); otherwise the command is refused and may be retried.
 */
export interface VerifyEvent {
  type: 'verify';
  at: Millis;
  /** When the MS=ms######## TXT record was published, if it is. */
  txtPublishedAt: Millis | undefined;
}

export const domainVerificationMachine = setup({
  types: {
    context: {} as { propagation: Millis; verifiedAt: Millis | undefined },
    input: {} as { propagation: Millis; verifiedAtStart: boolean },
    events: {} as VerifyEvent,
  },
  guards: {
    verifiedAtStart: ({ context }) => context.verifiedAt !== undefined,
    txtVisible: ({ context, event }) => event.txtPublishedAt !== undefined && event.at - event.txtPublishedAt >= context.propagation,
  },
}).createMachine({
  id: 'domain',
  context: ({ input }) => ({ propagation: input.propagation, verifiedAt: input.verifiedAtStart ? 0 : undefined }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'verifiedAtStart', target: 'verified' }, { target: 'unverified' }] },
    unverified: {
      on: { verify: { guard: 'txtVisible', target: 'verified', actions: assign({ verifiedAt: ({ event }) => event.at }) } },
    },
    verified: {},
  },
});

/** Why verifying now would be refused, or undefined when it would succeed. */
export function verificationRefusal(verified: boolean, txtPublishedAt: Millis | undefined, at: Millis, propagation: Millis): string | undefined {
  if (verified) return 'the domain is already verified';
  if (txtPublishedAt === undefined) return 'TXT record not found: publish the MS=ms######## TXT record at the DNS host first';
  const waited = at - txtPublishedAt;
  if (waited < propagation) {
    return `TXT record not found yet; wait about 15 minutes and retry (published ${formatDurationForPeople(waited)} ago, ${formatDurationForPeople(propagation - waited)} to go)`;
  }
  return undefined;
}
