import type { MessageHop } from '../../../model/result.js';
import { causeOf } from '../../../model/ledger/index.js';

/** What each step of a message's path means, in the words an admin uses (the model's codes stay in the trace). */
const STEP_WORDS: Readonly<Record<string, string>> = {
  'sent': 'sent by its author',
  'mx-lookup': 'the sending server looked up the MX record',
  'dns-lookup': 'the sending server looked up the MX record',
  'deferred': 'delivery attempt failed for now; the sender\'s server queues it and retries',
  'delay-notice': 'the sender got a "delivery delayed" notice',
  'smtp-reply': 'the receiving server answered',
  'accepted:old-host': 'accepted by the old on-premises Exchange server',
  'accepted:new-host': 'accepted by Exchange Online',
  'submitted:on-prem': 'sent from Outlook through the on-premises Exchange server',
  'submitted:cloud': 'sent from Outlook through Exchange Online',
  'outbox': 'waiting in Outlook\'s Outbox',
  'delivered:on-prem': 'put in the on-premises mailbox',
  'in-cloud-mailbox': 'put in the Exchange Online mailbox',
  'synced': 'copied to Exchange Online by a migration sync pass',
  'forwarded': 'forwarded from the on-premises mailbox',
  'exported:pst': 'exported to a PST file from the on-premises mailbox',
  'stranded': 'left on the on-premises server',
  'ndr': 'bounced: the sender got a non-delivery report',
  'lost': 'lost',
  'recovered': 'recovered into the Exchange Online mailbox',
  'readable': 'readable by its recipient',
};

/**
 * A hop of the tracer in plain words: `accepted by Exchange Online (contoso-com.mail.protection.outlook.com)`
 * rather than `accepted:new-host`. Delivery hops carry a cause key and read as its words;
 * an unknown code is shown as it is rather than hidden.
 */
export function hopWords(hop: MessageHop): string {
  const cause = causeOf(hop.step);
  const words = STEP_WORDS[hop.step] ?? cause?.words ?? hop.step;
  const detail = hop.detail === undefined ? undefined : causeOf(hop.detail)?.words ?? hop.detail;
  return detail === undefined || detail === words ? words : `${words}: ${detail}`;
}

