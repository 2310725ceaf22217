/** `cutover sweep`: a campaign over a parameter range and seeds, on worker threads. */
export { addSweepCommand, finishSweep } from './command.js';
export { parseVary, type VarySpec } from './range.js';
export { canonicalJson, campaignDifference, campaignJobs, jobIndex, type Campaign } from './campaign.js';
export { parseResults, sameRun, withoutCampaign, type RunLine, headerLine, runLine } from './results.js';
export { type SweepJob } from './job.js';
export { type SweepRun, sweepRows } from './stats.js';
