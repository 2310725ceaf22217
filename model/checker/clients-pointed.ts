import type { SimulationConfig } from '../config.js';
import { gap, range, type Moment } from './moment.js';
import { first, type Timeline } from './timeline.js';

/**
 * When Autodiscover sends every user to the cloud (the CNAME, plus the cleared SCP pointer for
 * domain-joined Outlook), or 'never'. From then on each profile moves after its own delay.
 */
export function clientsPointedToCloud(config: SimulationConfig, timeline: Timeline): Moment | undefined | 'never' {
  const cname = config.dns.autodiscoverCnameExists ? { fixed: 0, terms: {} } : first(timeline, 'createAutodiscoverCname')?.moment;
  const needsScp = config.organisation.server.scpPointerSet && config.clients.domainJoinedFraction > 0;
  const scp = needsScp ? first(timeline, 'clearScpPointer')?.moment : { fixed: 0, terms: {} };
  if (!cname || !scp) return 'never';
  return gap(cname, scp, timeline.bounds).low >= 0 ? cname : scp;
}

/** The latest moment (from T+0) Autodiscover may finish pointing every user to the cloud; Infinity when it never does. */
export function clientsPointedLatest(config: SimulationConfig, timeline: Timeline): number {
  const cname = config.dns.autodiscoverCnameExists ? { fixed: 0, terms: {} } : first(timeline, 'createAutodiscoverCname')?.moment;
  const needsScp = config.organisation.server.scpPointerSet && config.clients.domainJoinedFraction > 0;
  const scp = needsScp ? first(timeline, 'clearScpPointer')?.moment : { fixed: 0, terms: {} };
  if (!cname || !scp) return Infinity;
  return Math.max(range(cname, timeline.bounds).high, range(scp, timeline.bounds).high);
}
