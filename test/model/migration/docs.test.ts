import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchMachine, mailboxMachine, PREFLIGHT_RULES, stateDiagram } from '../../../model/migration/index.js';

const doc = readFileSync(new URL('../../../docs/migration.md', import.meta.url), 'utf8');
const mermaidBlocks = [...doc.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]);

describe('docs/migration.md', () => {
  it('holds exactly the diagrams generated from the machine definitions', () => {
    expect(mermaidBlocks).toEqual([stateDiagram(batchMachine), stateDiagram(mailboxMachine)]);
  });

  it('draws every status and the final state', () => {
    const batch = stateDiagram(batchMachine);
    for (const status of ['Created', 'Syncing', 'Synced', 'SyncedWithErrors', 'IncrementalSyncing', 'Stopping', 'Stopped', 'Failed', 'Removing', 'Deleted']) {
      expect(batch).toContain(status);
    }
    expect(batch).toContain('Deleted --> [*]');
    expect(batch).toContain('Synced --> Stopping : after autoStop');
  });

  it('lists every pre-flight rule', () => {
    for (const rule of PREFLIGHT_RULES) expect(doc).toContain(`\`${rule}\``);
  });
});
