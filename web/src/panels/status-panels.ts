import { Facts, clear, el, panel, setWords } from '../dom.js';
import { formatCount, formatPercent, formatSpan, formatTime } from '../format.js';
import type { DashboardView } from '../session/view.js';

/** The migration batch as the admin center's migration dashboard lists it (MMB): status, counts, Last Synced Time. */
export class BatchPanel {
  private readonly facts = new Facts({
    status: 'Status', total: 'Total mailboxes', synced: 'Synced', active: 'Syncing', failed: 'Failed', stopped: 'Stopped',
    lastSynced: 'Last Synced Time', initialSync: 'Initial sync done',
  });
  readonly element = panel('batch', 'Migration batch', this.facts.element);

  update(view: DashboardView): void {
    const batch = view.batch;
    const tone = batch.status === 'Failed' ? 'bad' : batch.status === 'SyncedWithErrors' ? 'warn' : batch.status.startsWith('Synced') ? 'good' : undefined;
    this.facts.set('status', batch.status === 'None' ? 'No batch' : batch.status, tone);
    this.facts.set('total', formatCount(batch.total));
    this.facts.set('synced', formatCount(batch.synced));
    this.facts.set('active', formatCount(batch.active));
    this.facts.set('failed', formatCount(batch.failed), batch.failed > 0 ? 'bad' : undefined);
    this.facts.set('stopped', formatCount(batch.stopped));
    this.facts.set('lastSynced', formatTime(batch.lastSyncedAt, view.startDate));
    this.facts.set('initialSync', formatTime(batch.initialSyncDoneAt, view.startDate));
  }
}

/** The MX record as the authority serves it, and how much of the world has seen it. */
export class DnsPanel {
  private readonly facts = new Facts({
    mx: 'MX record points to', ttl: 'MX TTL', share: 'Resolvers on the new MX', txt: 'Verification TXT record', autodiscover: 'Autodiscover CNAME', onPrem: 'On-prem server',
  });
  private readonly meter = el('meter', { id: 'dns-share-meter', min: 0, max: 1, value: 0, 'aria-label': 'Share of resolvers on the new MX' });
  readonly element = panel('dns', 'DNS', this.facts.element, this.meter);

  update(view: DashboardView): void {
    const dns = view.dns;
    const onNew = dns.mxHost === dns.newMxHost;
    this.facts.set('mx', `${dns.mxHost} (${onNew ? 'Microsoft 365' : 'on-prem'})`, onNew ? 'good' : undefined);
    this.facts.set('ttl', `${Math.round(dns.mxTtl / 1000).toLocaleString('en-GB')} s (${formatSpan(dns.mxTtl)})`, dns.mxTtl > 3_600_000 ? 'warn' : undefined);
    this.facts.set('share', formatPercent(dns.shareOnNewMx));
    this.facts.set('txt', dns.verificationTxtPublished ? 'published' : 'not published');
    this.facts.set('onPrem', view.onPremRunning ? 'running' : 'decommissioned', view.onPremRunning ? undefined : 'warn');
    this.facts.set('autodiscover', dns.autodiscoverCname ? 'autodiscover → autodiscover.outlook.com' : 'not created');
    this.meter.value = dns.shareOnNewMx;
  }
}

/** Licenses and the 30-day grace countdown (CUT step 7). */
export class LicensesPanel {
  private readonly facts = new Facts({ licensed: 'Licensed', grace: 'In grace (unlicensed)', disabled: 'Disabled', left: 'Grace left (shortest)', remaining: 'Licenses left in the pool' });
  readonly element = panel('licenses', 'Licenses', this.facts.element);

  update(view: DashboardView): void {
    const licenses = view.licenses;
    this.facts.set('licensed', formatCount(licenses.licensed));
    this.facts.set('grace', formatCount(licenses.inGrace), licenses.inGrace > 0 ? 'warn' : undefined);
    this.facts.set('disabled', formatCount(licenses.disabled), licenses.disabled > 0 ? 'bad' : undefined);
    this.facts.set('remaining', licenses.remaining === undefined ? 'unlimited' : formatCount(licenses.remaining));
    const left = licenses.shortestGraceLeft;
    this.facts.set('left', left === undefined ? '—' : formatSpan(left), left !== undefined && left < 3 * 86_400_000 ? 'bad' : undefined);
  }
}

/** Findings so far: rule id, the article's step, what happened and the fix. */
export class FindingsPanel {
  private readonly list = el('ol', { className: 'findings', 'aria-live': 'polite' });
  private readonly empty = el('p', { text: 'No findings yet.' });
  readonly element = panel('findings', 'Findings', this.empty, this.list);
  private shown = '';

  update(view: DashboardView): void {
    const key = view.findings.map((finding) => `${finding.rule}@${finding.at ?? ''}`).join('|');
    if (key === this.shown) return;
    this.shown = key;
    clear(this.list);
    this.empty.hidden = view.findings.length > 0;
    for (const finding of view.findings) {
      this.list.append(el('li', { className: `severity-${finding.severity}` },
        el('strong', { text: `${finding.severity.toUpperCase()} · ${finding.step}` }),
        el('p', { text: finding.message }),
        el('p', { className: 'fix', text: `Fix: ${finding.fix}` }),
        el('code', { text: finding.at === undefined ? finding.rule : `${finding.rule} at ${formatTime(finding.at, view.startDate)}` })));
    }
  }
}

export function setClockLabel(element: Element, view: DashboardView): void {
  setWords(element, `${formatTime(view.now, view.startDate, true)} of ${formatSpan(view.horizon)}`);
}
