/** Exchange Online as the migration's target and a mail destination: domain, directory sync, groups, mailboxes, licenses. */
export { Tenant, type TenantListener, type TenantOptions } from './tenant.js';
export type { CommandResult } from './command-result.js';
export type { LicenseStateName } from './license.js';
export type { LicenseView } from './licenses.js';
export { EXO_REASONS, type InboundVerdict } from './exchange-online.js';
