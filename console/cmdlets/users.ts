import { fail } from '../errors.js';
import type { Cmdlet } from '../cmdlet.js';
import type { AdminCommand } from '../target.js';
import { give } from './give.js';

/**
 * The users' side of the cutover (issue 13). None of these is one cmdlet in reality, so they are
 * the twin's own: the welcome letter is mail the admin sends, profiles are made at each desk, and
 * X500 addresses are added per user from an export of the old legacyExchangeDNs.
 */

/** Twin: the welcome letter with each user's one-time password (from MigrationStatistics.csv). */
export const sendTwinUserPassword: Cmdlet = {
  name: 'Send-TwinUserPassword',
  synopsis: 'Twin: sends every migrated user the new password the batch gave their cloud account (the welcome letter, from MigrationStatistics.csv).',
  parameters: [],
  run(context) {
    context.host(give(context, this.name, context.target.config.organisation.domain, { action: 'distributePasswords' }));
    return [];
  },
};

/** Twin: new Outlook profiles at the desks (in reality: Control Panel > Mail, or a deployment script). */
export const resetTwinOutlookProfile: Cmdlet = {
  name: 'Reset-TwinOutlookProfile',
  synopsis: 'Twin: gives every desk a new Outlook profile, found by Autodiscover (-DesksPerHour N spreads it over business hours).',
  parameters: [{ name: 'DesksPerHour', type: 'int' }],
  run(context, bound) {
    const command: AdminCommand = { action: 'rebuildOutlookProfiles' };
    if (bound.DesksPerHour !== undefined) {
      const rate = Number(bound.DesksPerHour);
      if (!(rate > 0)) fail({ command: this.name, message: 'Cannot validate argument on parameter \'DesksPerHour\'. The argument must be greater than 0.', category: 'InvalidData', target: String(bound.DesksPerHour), exception: 'ParameterBindingValidationException', errorId: `ParameterArgumentValidationError,${this.name}` });
      command.rate = rate;
    }
    context.host(give(context, this.name, context.target.config.organisation.domain, command));
    return [];
  },
};

/** Twin: in reality Set-Mailbox -EmailAddresses @{Add='X500:<old legacyExchangeDN>'} for each user. */
export const addTwinX500Address: Cmdlet = {
  name: 'Add-TwinX500Address',
  synopsis: 'Twin: adds each migrated user\'s old legacyExchangeDN as an X500 proxy address to their cloud mailbox, so replies to old mail resolve.',
  parameters: [],
  run(context) {
    context.host(give(context, this.name, context.target.config.organisation.domain, { action: 'addX500Addresses' }));
    return [];
  },
};
