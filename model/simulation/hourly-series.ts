import { HOUR, type Millis } from '../../sim/index.js';
import type { TimeSeries } from '../result.js';
import type { World } from './world.js';

/**
 * Hourly samples for the charts, one sampling event per hour from T+0 to the horizon.
 * Inbound counts are those of the hour that just ended (0 at T+0).
 */
export class HourlySeries {
  readonly series: TimeSeries = {
    hours: [], mailboxesSynced: [], bytesSynced: [], inboundOldHost: [], inboundNewHost: [], resolversOnNewMx: [], mailboxesInGrace: [], shortestGraceLeft: [],
  };
  private lastOld = 0;
  private lastNew = 0;

  constructor(private readonly world: World) {}

  start(): void {
    this.world.scheduler.at(0, 'series.sample', 'hourly', this.sample, undefined);
  }

  private readonly sample = (_: undefined, now: Millis): void => {
    const { migration, router, dns, tenant, config, scheduler } = this.world;
    const totals = migration.syncTotals();
    const grace = tenant.licenses.grace(now);
    const series = this.series;
    series.hours.push(now);
    series.mailboxesSynced.push(totals.mailboxesSynced);
    series.bytesSynced.push(totals.bytesSynced);
    series.inboundOldHost.push(router.acceptedByOldHost - this.lastOld);
    series.inboundNewHost.push(router.acceptedByNewHost - this.lastNew);
    this.lastOld = router.acceptedByOldHost;
    this.lastNew = router.acceptedByNewHost;
    series.resolversOnNewMx.push(dns.shareAnswering(config.dns.newMxHost, now));
    series.mailboxesInGrace.push(grace.count);
    series.shortestGraceLeft.push(grace.shortestLeft);
    if (now + HOUR <= config.horizon) scheduler.at(now + HOUR, 'series.sample', 'hourly', this.sample, undefined);
  };
}
