import type { Cmdlet } from '../cmdlet.js';
import { addDnsServerResourceRecord, resolveDnsName, setTwinMxRecord } from './dns.js';
import { completeMigrationBatch, getMigrationBatch, newMigrationBatch, removeMigrationBatch, startMigrationBatch, stopMigrationBatch } from './migration-batch.js';
import { getMigrationEndpoint, newMigrationEndpoint, testMigrationServerAvailability } from './migration-endpoint.js';
import { getMigrationUser, getMigrationUserStatistics } from './migration-user.js';
import { removeTwinOnPremServer, setClientAccessService } from './onprem.js';
import { formatListCmdlet, formatTableCmdlet, measureObject, selectObject, sortObject, whereObject } from './pipeline.js';
import { confirmMgDomain, getAcceptedDomain, getMailbox, setMgUserLicense, setMsolDirSyncEnabled } from './tenant.js';
import { getDate, startSleep, waitTime, WAIT_CONDITIONS } from './time.js';
import { addTwinX500Address, resetTwinOutlookProfile, sendTwinUserPassword } from './users.js';

export { WAIT_CONDITIONS };

/** Every cmdlet the console knows, Exchange Online's first, in the order Get-Command lists them. */
export const CMDLETS: readonly Cmdlet[] = [
  newMigrationEndpoint, getMigrationEndpoint, testMigrationServerAvailability,
  newMigrationBatch, startMigrationBatch, stopMigrationBatch, completeMigrationBatch, removeMigrationBatch, getMigrationBatch,
  getMigrationUser, getMigrationUserStatistics, getAcceptedDomain, getMailbox,
  confirmMgDomain, setMgUserLicense, setMsolDirSyncEnabled,
  resolveDnsName, addDnsServerResourceRecord, setTwinMxRecord,
  setClientAccessService, removeTwinOnPremServer,
  sendTwinUserPassword, addTwinX500Address, resetTwinOutlookProfile,
  waitTime, startSleep, getDate,
  formatTableCmdlet, formatListCmdlet, selectObject, whereObject, sortObject, measureObject,
];

/** PowerShell's usual aliases. */
export const ALIASES: Readonly<Record<string, string>> = {
  ft: 'Format-Table', fl: 'Format-List', select: 'Select-Object', where: 'Where-Object', '?': 'Where-Object',
  sort: 'Sort-Object', measure: 'Measure-Object', sleep: 'Start-Sleep', h: 'Get-History', history: 'Get-History',
  cls: 'Clear-Host', clear: 'Clear-Host', gcm: 'Get-Command', help: 'Get-Help',
};

/** Source column of Get-Command: where the real cmdlet lives (or that it is the twin's own). */
export function moduleOf(name: string): string {
  if (/Twin|^Wait-Time$/.test(name)) return 'CutoverTwin';
  if (/^(Confirm|Set)-Mg/.test(name)) return 'Microsoft.Graph';
  if (/Msol/.test(name)) return 'MSOnline';
  if (/DnsServer/.test(name)) return 'DnsServer';
  if (name === 'Resolve-DnsName') return 'DnsClient';
  if (name === 'Set-ClientAccessService') return 'Exchange (on-premises)';
  if (/^(Format|Select|Where|Sort|Measure)-|^Start-Sleep$|^Get-Date$/.test(name)) return 'Microsoft.PowerShell.Utility';
  return 'ExchangeOnlineManagement';
}
