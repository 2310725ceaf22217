/** Outlook profiles, Autodiscover, passwords and web/phone use: where and from when each user reads mail. */
export { OutlookProfiles, type OutlookLocation, type OutlookProfilesOptions, type ClientCommandResult, type ClientListener } from './outlook-profiles.js';
export { addBusinessTime, type BusinessHours, type WeekPosition } from './business-hours.js';
