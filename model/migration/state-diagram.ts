import type { AnyStateMachine } from 'xstate';

/**
 * A Mermaid `stateDiagram-v2` of a flat machine, generated from its definition so the
 * documentation cannot drift from the code (docs/migration.md is checked by a test).
 * Each transition is drawn with its event; `after` timers show the delay's name, guards
 * are shown in brackets.
 */

interface GuardLike {
  type?: string;
}

function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && typeof (guard as GuardLike).type === 'string') return (guard as GuardLike).type;
  return 'guard';
}

function eventLabel(eventType: string): string {
  // xstate.after.<delay>.<state id>: show the named delay.
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  return after === null ? eventType : `after ${after[1]}`;
}

export function stateDiagram(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const root = machine.root;
  const initial = root.initial.target[0];
  if (initial !== undefined) lines.push(`  [*] --> ${initial.key}`);
  for (const node of Object.values(root.states)) {
    for (const [eventType, transitions] of node.transitions) {
      for (const transition of transitions) {
        const target = transition.target?.[0];
        if (target === undefined) continue;
        const guard = guardName(transition.guard);
        lines.push(`  ${node.key} --> ${target.key} : ${eventLabel(eventType)}${guard === undefined ? '' : ` [${guard}]`}`);
      }
    }
    if (node.type === 'final') lines.push(`  ${node.key} --> [*]`);
  }
  return lines.join('\n');
}
