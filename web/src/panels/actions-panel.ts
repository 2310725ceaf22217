import type { ActionType } from '../../../model/config.js';
import type { ActionOutcome } from '../../../model/result.js';
import { el, panel, setText, setWords } from '../dom.js';
import type { ActionAvailability, AdminCommand } from '../session/types.js';

/** The admin's commands in the words of the admin center (CUT), in the order of the procedure. */
export const ACTION_LABELS: Record<ActionType, string> = {
  publishVerificationTxt: 'Publish TXT record',
  verifyDomain: 'Verify domain',
  disableDirectorySync: 'Turn off directory sync',
  createSecurityGroups: 'Create security groups',
  createEndpoint: 'Create endpoint',
  testEndpoint: 'Test endpoint',
  createBatch: 'Create batch',
  startBatch: 'Start batch',
  stopBatch: 'Stop batch',
  completeBatch: 'Complete batch',
  removeBatch: 'Delete batch',
  setMxTtl: 'Set MX TTL',
  switchMx: 'Switch MX to Microsoft 365',
  assignLicenses: 'Assign licenses',
  createAutodiscoverCname: 'Create Autodiscover CNAME',
  clearScpPointer: 'Clear on-prem Autodiscover pointer',
  decommission: 'Decommission on-prem server',
  distributePasswords: 'Send passwords (welcome letter)',
  rebuildOutlookProfiles: 'Rebuild Outlook profiles',
  addX500Addresses: 'Add X500 addresses',
  exportStrandedMail: 'Export stranded mail (PST)',
  forwardToTenant: 'Forward on-prem mail to the tenant',
};

const ORDER = Object.keys(ACTION_LABELS) as ActionType[];

interface Row {
  button: HTMLButtonElement;
  reason: HTMLElement;
}

/**
 * One button per command, enabled only when the service would accept it now; otherwise the
 * refusal reason is shown beside it. Commands with parameters have their fields next to them.
 */
export class ActionsPanel {
  readonly element: HTMLElement;
  private readonly rows = new Map<ActionType, Row>();
  private readonly result = el('p', { id: 'action-result', className: 'action-result', role: 'status', 'aria-live': 'polite' });
  private readonly ttl = el('input', { id: 'ttl-seconds', type: 'number', min: 0, step: 60, value: 3600 });
  private readonly batchName = el('input', { id: 'batch-name', type: 'text', value: 'CutoverBatch', maxlength: 64 });
  private readonly autoStart = el('input', { id: 'batch-autostart', type: 'checkbox' });
  private readonly users = el('input', { id: 'license-users', type: 'text', placeholder: 'all migrated users' });

  constructor(private readonly give: (command: AdminCommand) => ActionOutcome) {
    const list = el('ul', { className: 'actions' });
    for (const action of ORDER) {
      const button = el('button', { type: 'button', id: `action-${action}`, 'data-action': action, text: ACTION_LABELS[action], 'aria-describedby': `reason-${action}` });
      const reason = el('span', { id: `reason-${action}`, className: 'reason' });
      button.addEventListener('click', () => this.run(action));
      this.rows.set(action, { button, reason });
      list.append(el('li', {}, button, this.fieldsFor(action), reason));
    }
    this.element = panel('actions', 'Admin actions', list, this.result);
  }

  private fieldsFor(action: ActionType): HTMLElement | undefined {
    if (action === 'setMxTtl') return el('span', { className: 'fields' }, el('label', { for: 'ttl-seconds', text: 'TTL (seconds)' }), this.ttl);
    if (action === 'createBatch') {
      return el('span', { className: 'fields' }, el('label', { for: 'batch-name', text: 'Name' }), this.batchName,
        this.autoStart, el('label', { for: 'batch-autostart', text: 'Start automatically' }));
    }
    if (action === 'assignLicenses') return el('span', { className: 'fields' }, el('label', { for: 'license-users', text: 'Users (comma-separated)' }), this.users);
    return undefined;
  }

  commandFor(action: ActionType): AdminCommand {
    if (action === 'setMxTtl') return { action, ttl: Math.max(0, Math.round(Number(this.ttl.value) || 0)) * 1000 };
    if (action === 'createBatch') return { action, batchName: this.batchName.value.trim(), autoStart: this.autoStart.checked };
    if (action === 'assignLicenses') {
      const users = this.users.value.split(',').map((user) => user.trim().toLowerCase()).filter((user) => user !== '');
      return users.length > 0 ? { action, users } : { action };
    }
    return { action };
  }

  private run(action: ActionType): void {
    this.showOutcome(this.give(this.commandFor(action)));
  }

  showOutcome(outcome: ActionOutcome): void {
    const verb = outcome.outcome === 'done' ? 'Done' : 'Refused';
    setText(this.result, `${ACTION_LABELS[outcome.action]}: ${verb}. ${outcome.detail}`);
    this.result.className = `action-result ${outcome.outcome === 'done' ? 'tone-good' : 'tone-bad'}`;
  }

  clearOutcome(): void {
    setText(this.result, '');
    this.result.className = 'action-result';
  }

  update(available: readonly ActionAvailability[]): void {
    const byAction = new Map(available.map((entry) => [entry.action, entry]));
    for (const [action, row] of this.rows) {
      const entry = byAction.get(action);
      const allowed = entry?.allowed === true;
      if (row.button.disabled === allowed) row.button.disabled = !allowed;
      setWords(row.reason, allowed ? '' : entry?.reason ?? 'not available in this simulation');
    }
  }
}
