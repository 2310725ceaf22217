import fc from 'fast-check';
import { MINUTE, type Millis } from '../../sim/index.js';
import type { ExplicitMessage, GeneratedMailFlow, MailFlowConfig } from '../../model/config.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../../model/defaults.js';
import { isMailbox, type Organisation } from '../../model/organisation.js';
import { limitsWith, type ScenarioLimits } from './limits.js';
import { mostly } from './weighted.js';

/**
 * Generated traffic kept light (a few messages per user per day), with the sourced shape
 * (dns §6-§7.4) otherwise. `quietBeforeHorizon` stays the default, so mail still in flight
 * at the end is not counted as lost.
 */
export function generatedMailFlowArbitrary(limitOverrides: Partial<ScenarioLimits> = {}): fc.Arbitrary<GeneratedMailFlow> {
  const limits = limitsWith(limitOverrides);
  return fc
    .record({
      messagesPerUserPerDay: fc.integer({ min: 1, max: Math.max(1, limits.maxMessagesPerUserPerDay) }),
      volumeSigma: mostly(DEFAULT_GENERATED_MAIL_FLOW.volumeSigma, fc.constantFrom(0, 0.4, 1.2)),
      externalShareOfReceived: mostly(DEFAULT_GENERATED_MAIL_FLOW.externalShareOfReceived, fc.constantFrom(0, 0.5, 1)),
      startWeekday: mostly(0, fc.integer({ min: 1, max: 6 })),
      startHour: mostly(8, fc.integer({ min: 0, max: 23 })),
    })
    .map((draw) => ({ ...DEFAULT_GENERATED_MAIL_FLOW, ...draw }));
}

/** External senders of explicit messages: `sender<n>@partner<n>.example`. */
const externalAddress = (index: number): string => `sender${index}@partner${index}.example`;

/** One explicit message before it is placed in an organisation: indexes and minutes, resolved by `buildExplicitMessages`. */
export interface MessageDraw {
  minute: number;
  /** k < 0: external sender -k; k ≥ 0: mailbox k (modulo the mailboxes). */
  from: number;
  to: number;
}

export const messageDraws = (maxMessages: number): fc.Arbitrary<MessageDraw[]> =>
  fc.array(
    fc.record({
      minute: fc.nat({ max: 7 * 24 * 60 }),
      from: fc.oneof({ withCrossShrink: true }, fc.integer({ min: -3, max: -1 }), fc.nat({ max: 63 })),
      to: fc.nat({ max: 63 }),
    }),
    { maxLength: maxMessages },
  );

/** Places message draws in an organisation: at whole minutes in [0, latestAt], sorted, labelled m1, m2, … */
export function buildExplicitMessages(organisation: Organisation, latestAt: Millis, draws: readonly MessageDraw[]): ExplicitMessage[] {
  const mailboxes = organisation.recipients.filter(isMailbox).map((mailbox) => mailbox.address);
  if (mailboxes.length === 0) return [];
  const minutes = Math.floor(latestAt / MINUTE) + 1;
  return draws
    .map((draw): ExplicitMessage => ({
      at: (draw.minute % minutes) * MINUTE,
      from: draw.from < 0 ? externalAddress(-draw.from) : mailboxes[draw.from % mailboxes.length]!,
      to: mailboxes[draw.to % mailboxes.length]!,
    }))
    .sort((a, b) => a.at - b.at)
    .map((message, index) => ({ ...message, label: `m${index + 1}` }));
}

/**
 * Explicit messages to the organisation's mailboxes, sent at whole minutes in
 * [0, latestAt], from a mailbox of the organisation or from outside. Shrinks toward no
 * message, then toward one external message at T+0 to the first mailbox.
 */
export const explicitMessagesArbitrary = (organisation: Organisation, latestAt: Millis, limitOverrides: Partial<ScenarioLimits> = {}): fc.Arbitrary<ExplicitMessage[]> =>
  messageDraws(limitsWith(limitOverrides).maxExplicitMessages).map((draws) => buildExplicitMessages(organisation, latestAt, draws));

/** Generated traffic or none (undefined); usually some. */
export const generatedOrNone = (limits: ScenarioLimits): fc.Arbitrary<GeneratedMailFlow | undefined> =>
  limits.maxMessagesPerUserPerDay <= 0 ? fc.constant(undefined) : mostly<GeneratedMailFlow | undefined>(undefined, generatedMailFlowArbitrary(limits), 3, 1);

export const buildMailFlow = (generated: GeneratedMailFlow | undefined, explicit: ExplicitMessage[]): MailFlowConfig => (generated === undefined ? { explicit } : { generated, explicit });

/** Generated traffic (usually) plus explicit messages sent no later than `latestAt`. */
export function mailFlowArbitrary(organisation: Organisation, latestAt: Millis, limitOverrides: Partial<ScenarioLimits> = {}): fc.Arbitrary<MailFlowConfig> {
  const limits = limitsWith(limitOverrides);
  return fc.record({ generated: generatedOrNone(limits), explicit: explicitMessagesArbitrary(organisation, latestAt, limits) }).map(({ generated, explicit }) => buildMailFlow(generated, explicit));
}
