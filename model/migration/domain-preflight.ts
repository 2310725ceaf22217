import type { PlannedAction, SimulationConfig } from '../config.js';
import { domainIndex, domainNames } from '../accepted-domains.js';
import type { Mailbox } from '../organisation.js';
import { absoluteTime, fixBeforeBatch, type FixOrder } from './plan-order.js';
import { domainOf } from './recipient-checks.js';

/** The plan's actions on accepted domain `index` (0 the primary; the other actions are on none). */
export function actionsOnDomain(config: SimulationConfig, index: number): PlannedAction[] {
  return config.plan.filter((action) => domainIndex(config.organisation, action.domain) === index);
}

/**
 * Whether accepted domain `index` is verified before the batch is created: initially (tenant.verifiedDomains),
 * or by a verify-domain of that domain. A verify with no TXT record of that domain, or one the
 * plan times surely less than the propagation wait after it, is refused (CUT step 1), so it does not count.
 */
export function domainVerifiedBeforeBatch(config: SimulationConfig, index: number): FixOrder {
  const name = domainNames(config.organisation)[index]!;
  const initially = config.tenant.verifiedDomains.some((domain) => domain.toLowerCase() === name);
  if (index === 0) return fixBeforeBatch(actionsOnDomain(config, 0), initially, 'verifyDomain');
  const extra = config.organisation.additionalDomains![index - 1]!;
  const own = actionsOnDomain(config, index);
  const txtAt = extra.verificationTxtPublished ? Number.NEGATIVE_INFINITY : own.filter((action) => action.action === 'publishVerificationTxt').map((action) => absoluteTime(action.timing) ?? Number.NEGATIVE_INFINITY)[0];
  const seen = (action: PlannedAction): boolean => {
    const at = absoluteTime(action.timing);
    return txtAt !== undefined && (at === undefined || at - txtAt >= config.tenant.verificationPropagation);
  };
  const verifies = own.filter((action) => action.action !== 'verifyDomain' || seen(action));
  return fixBeforeBatch(verifies.concat(config.plan.filter((action) => action.action === 'createBatch')), initially, 'verifyDomain');
}

/** Mailboxes whose address is in accepted domain `name`. */
export const mailboxesIn = (mailboxes: readonly Mailbox[], name: string): Mailbox[] => mailboxes.filter((mailbox) => domainOf(mailbox.address) === name);
