import { fail } from '../errors.js';
import type { Cmdlet } from '../cmdlet.js';
import { asText } from '../values.js';
import { give } from './give.js';

/**
 * On-premises Exchange Management Shell: clearing the Autodiscover pointer in Active Directory
 * (SCP) so domain-joined Outlook stops opening the old mailbox.
 */
export const setClientAccessService: Cmdlet = {
  name: 'Set-ClientAccessService',
  synopsis: 'On-premises: -AutoDiscoverServiceInternalUri $null clears the SCP pointer so domain-joined Outlook finds the cloud.',
  parameters: [{ name: 'Identity', type: 'string', mandatory: true, position: 0 }, { name: 'AutoDiscoverServiceInternalUri', type: 'any' }],
  run(context, bound) {
    if (!('AutoDiscoverServiceInternalUri' in bound) || (bound.AutoDiscoverServiceInternalUri !== null && asText(bound.AutoDiscoverServiceInternalUri) !== '')) {
      fail({ command: this.name, message: 'The twin models clearing the pointer only: -AutoDiscoverServiceInternalUri $null.', category: 'InvalidArgument', target: asText(bound.Identity), exception: 'ArgumentException', errorId: `InvalidArgument,${this.name}` });
    }
    give(context, this.name, asText(bound.Identity), { action: 'clearScpPointer' });
    return [];
  },
};

/** Twin: switching the old server off (in reality: uninstalling Exchange and retiring the machine). */
export const removeTwinOnPremServer: Cmdlet = {
  name: 'Remove-TwinOnPremServer',
  synopsis: 'Twin: decommissions the on-premises server. Mail still sent to it is refused from then on.',
  parameters: [],
  run(context) {
    context.host(give(context, this.name, context.target.config.organisation.server.exchangeServerFqdn, { action: 'decommission' }));
    return [];
  },
};
