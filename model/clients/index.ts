/** Outlook profiles and Autodiscover: which server each user's Outlook reaches. */
export { OutlookProfiles, type OutlookLocation, type OutlookProfilesOptions, type ClientCommandResult } from './outlook-profiles.js';
