import type { Millis } from '../../../sim/index.js';
import type { Finding, MessageCounts, MigrationStatistics, TimeSeries } from '../../../model/result.js';
import type { MailboxRow } from '../table/mailbox-rows.js';

/**
 * Everything the panels draw, in one plain object. It is built from the model's live
 * snapshot by one adapter (from-snapshot.ts), so a change in the model's snapshot touches
 * that file only.
 */
export interface DashboardView {
  now: Millis;
  horizon: Millis;
  startDate?: string;
  batch: {
    /** 'None' before the batch is created and after it is removed. */
    status: string;
    total: number;
    synced: number;
    failed: number;
    active: number;
    stopped: number;
    lastSyncedAt?: Millis;
    initialSyncDoneAt?: Millis;
  };
  mailboxes: MailboxRow[];
  dns: {
    mxHost: string;
    mxTtl: Millis;
    /** Share of external resolvers whose answer for the MX is the new (cloud) host. */
    shareOnNewMx: number;
    oldMxHost: string;
    newMxHost: string;
    autodiscoverCname: boolean;
    verificationTxtPublished: boolean;
  };
  licenses: {
    /** Licenses left in the pool; undefined when the pool is unlimited. */
    remaining?: number;
    licensed: number;
    inGrace: number;
    disabled: number;
    /** Smallest time left before a mailbox in grace is disabled. */
    shortestGraceLeft?: Millis;
  };
  messages: MessageCounts & { inFlight: number };
  onPremRunning: boolean;
  findings: Finding[];
  /** Get-MigrationBatch and Get-MigrationUserStatistics now, as the model computes them (the batch list and the user details pane). */
  migrationStatistics?: MigrationStatistics;
  /** Hourly samples so far, when the model's snapshot carries them (else the charts ask for the result). */
  series?: TimeSeries;
}
