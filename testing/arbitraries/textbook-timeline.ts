import { HOUR, MINUTE } from '../../sim/index.js';
import type { PlannedAction } from '../../model/config.js';

/**
 * The article's procedure (CUT steps 1-7 and the post-migration tasks) as a resolved plan,
 * the same order and timings as scenarios/textbook.yaml: the shrink target of every
 * generated admin timeline, so a shrunk counterexample reads as "the textbook, except …".
 */
export const TEXTBOOK_TIMELINE: readonly PlannedAction[] = Object.freeze([
  { action: 'setMxTtl', timing: { at: 0 }, ttl: HOUR }, // CUT "Reduce email delays": 3,600 s or less
  { action: 'publishVerificationTxt', timing: { at: 0 } }, // CUT step 1
  { action: 'verifyDomain', timing: { at: 20 * MINUTE } }, // CUT step 1: wait about 15 minutes
  { action: 'createEndpoint', timing: { at: 30 * MINUTE } }, // CUT step 2
  { action: 'createBatch', timing: { at: 40 * MINUTE }, batchName: 'CutoverBatch' }, // CUT step 3
  { action: 'startBatch', timing: { after: 'batchCreated', delay: 0 } }, // CUT step 4
  { action: 'assignLicenses', timing: { after: 'initialSyncDone', delay: 0 } }, // CUT step 7, inside the 30-day grace
  { action: 'distributePasswords', timing: { after: 'initialSyncDone', delay: 0 } }, // the welcome letter (CUT overview step 9)
  { action: 'addX500Addresses', timing: { after: 'initialSyncDone', delay: 0 } }, // KB2807779
  { action: 'switchMx', timing: { after: 'initialSyncDone', delay: 24 * HOUR } }, // CUT step 5, a full old TTL after lowering it
  { action: 'createAutodiscoverCname', timing: { after: 'mxSwitched', delay: 0 } }, // post-migration 1
  { action: 'clearScpPointer', timing: { after: 'mxSwitched', delay: 0 } }, // AUTOD
  { action: 'rebuildOutlookProfiles', timing: { after: 'mxSwitched', delay: 0 } }, // new profiles: the cloud mailboxes are new (CUT)
  { action: 'removeBatch', timing: { after: 'recommendedBatchRemoval', delay: 0 } }, // CUT step 6: ≥ 72 h after the switch
  { action: 'decommission', timing: { after: 'batchRemoved', delay: 24 * HOUR } }, // post-migration 2
] satisfies PlannedAction[]);

/**
 * The article's steps on a second accepted domain's own records (its TXT record, verification,
 * MX TTL, switch and autodiscover CNAME), timed as the primary's: what a plan for two domains
 * adds to the textbook (docs/scenario-format.md, additional domains).
 */
export const secondDomainSteps = (domain: string): PlannedAction[] => [
  { action: 'setMxTtl', timing: { at: 0 }, ttl: HOUR, domain },
  { action: 'publishVerificationTxt', timing: { at: 0 }, domain },
  { action: 'verifyDomain', timing: { at: 20 * MINUTE }, domain },
  { action: 'switchMx', timing: { after: 'initialSyncDone', delay: 24 * HOUR }, domain },
  { action: 'createAutodiscoverCname', timing: { after: 'mxSwitched', delay: 0 }, domain },
];
