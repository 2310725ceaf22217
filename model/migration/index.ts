/**
 * The Exchange Online migration service of a cutover (issue 3): the batch and per-user
 * machines (XState), the Outlook Anywhere endpoint and its connectivity test, the
 * pre-flight rules and the sync engine. See docs/migration.md.
 */
export { createMigrationService } from './service.js';
export type {
  MigrationServiceOptions, TenantView, MigrationListener, CommandResult, BatchCommand, MigrationService,
  EndpointTestResult, EndpointFailureCause, ConnectionSettings, MailboxStatistics, BatchCounts, SourceView,
} from './types.js';
export { preflightFindings, PREFLIGHT_RULES, type PreflightRule } from './preflight.js';
export { mailboxesIn } from './domain-preflight.js';
export { testEndpoint } from './endpoint-test.js';
export { batchMachine, type BatchEvent, type BatchInput } from './batch-machine.js';
export { mailboxMachine, type MailboxEvent } from './mailbox-machine.js';
export { refusalReason, batchNameProblem, COMPLETE_REFUSAL } from './batch-commands.js';
export { stateDiagram } from './state-diagram.js';
export { uplinkBytesPerHour, sharedCapacityBytesPerHour } from './throughput.js';
export { migrationStatistics, userStatistics, batchStatistics, dataConsistencyScore, worstScore, statusSummary } from './cmdlet-statistics.js';
