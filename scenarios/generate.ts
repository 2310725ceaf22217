import { RandomStreams } from '../sim/index.js';
import { DEFAULT_MAILBOX_GENERATION } from '../model/defaults.js';
import type { Mailbox } from '../model/organisation.js';
import { parseSize } from './size.js';
import type { ScenarioFile } from './schema.js';

type GenerateSection = NonNullable<ScenarioFile['organisation']['generate']>;

const GB = 1024 ** 3;

/**
 * Mailboxes drawn from the scenario seed on their own stream ('scenario.mailboxes'), so the
 * same file always yields the same organisation and no other draw shifts it. Sizes are
 * lognormal (median, sigma) capped at maxSize; the special mailboxes (hidden, UM, shared,
 * missing FullAccess) are the last ones, so the first mailbox stays a usable test mailbox.
 */
export function generateMailboxes(section: GenerateSection, domain: string, seed: number, startIndex = 0): Mailbox[] {
  const stream = new RandomStreams(seed).stream('scenario.mailboxes');
  const median = parseSize(section.sizeMedian ?? DEFAULT_MAILBOX_GENERATION.sizeMedianBytes) ?? DEFAULT_MAILBOX_GENERATION.sizeMedianBytes;
  const maxSize = parseSize(section.maxSize ?? DEFAULT_MAILBOX_GENERATION.maxSizeBytes) ?? DEFAULT_MAILBOX_GENERATION.maxSizeBytes;
  const sigma = section.sizeSigma ?? DEFAULT_MAILBOX_GENERATION.sizeSigma;
  const itemsPerGB = section.itemsPerGB ?? DEFAULT_MAILBOX_GENERATION.itemsPerGB;
  const prefix = section.addressPrefix ?? 'user';
  const width = Math.max(4, String(startIndex + section.count).length);
  // Each special kind takes its own block at the end, so counts do not overlap.
  let offset = 0;
  const block = (howMany: number | undefined) => {
    const end = section.count - offset;
    offset += howMany ?? 0;
    return (index: number) => index < end && index >= end - (howMany ?? 0);
  };
  const isHidden = block(section.hiddenCount);
  const isUnifiedMessaging = block(section.unifiedMessagingCount);
  const isShared = block(section.sharedCount);
  const isMissingFullAccess = block(section.missingFullAccessCount);

  const mailboxes: Mailbox[] = [];
  for (let index = 0; index < section.count; index++) {
    const number = String(startIndex + index + 1).padStart(width, '0');
    const sizeBytes = Math.min(maxSize, Math.round(sigma > 0 ? stream.lognormal(median, sigma) : median));
    const mailbox: Mailbox = {
      kind: 'mailbox',
      address: `${prefix}${number}@${domain}`.toLowerCase(),
      displayName: `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)} ${number}`,
      type: isShared(index) ? 'SharedMailbox' : 'UserMailbox',
      sizeBytes,
      itemCount: Math.round((sizeBytes / GB) * itemsPerGB),
      hidden: isHidden(index),
      unifiedMessaging: isUnifiedMessaging(index),
      largeItems: section.largeItemsPerMailbox ?? 0,
      badItems: section.badItemsPerMailbox ?? 0,
    };
    if (isMissingFullAccess(index)) mailbox.missingFullAccess = true;
    mailboxes.push(mailbox);
  }
  return mailboxes;
}
