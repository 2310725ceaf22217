import { InputError } from '../sim/index.js';

/**
 * A path into the resolved scenario (SimulationConfig), as used by `sweep --vary`:
 * dotted keys, with `[N]` for an array index or `[name]` for the first element whose
 * `action`, `address` or `name` is that name. Examples: `dns.initialMxTtl`,
 * `endpoint.maxConcurrentMigrations`, `plan[removeBatch].timing.delay`, `plan[3].timing.at`.
 */
type Step = { key: string } | { index: number } | { name: string };

export function parseConfigPath(path: string): Step[] {
  const steps: Step[] = [];
  const pattern = /([A-Za-z_$][\w$-]*)|\[([^\]]+)\]|(\.)/y;
  let expectKey = true;
  for (pattern.lastIndex = 0; pattern.lastIndex < path.length;) {
    const start = pattern.lastIndex;
    const match = pattern.exec(path);
    if (match === null) throw badPath(path, `unexpected "${path.slice(start)}"`);
    if (match[1] !== undefined) {
      if (!expectKey) throw badPath(path, `missing "." before "${match[1]}"`);
      steps.push({ key: match[1] });
      expectKey = false;
    } else if (match[2] !== undefined) {
      const inner = match[2].trim();
      steps.push(/^\d+$/.test(inner) ? { index: Number(inner) } : { name: inner });
      expectKey = false;
    } else {
      if (expectKey) throw badPath(path, 'a key is missing before a "."');
      expectKey = true;
    }
  }
  if (steps.length === 0 || expectKey) throw badPath(path, 'it is empty or ends with "."');
  return steps;
}

const badPath = (path: string, why: string) =>
  new InputError('CLI_BAD_VARY', `--vary path "${path}": ${why}; use dotted keys of the resolved scenario, for example dns.initialMxTtl or plan[removeBatch].timing.delay`);

const describeStep = (step: Step): string => ('key' in step ? `.${step.key}` : 'index' in step ? `[${step.index}]` : `[${step.name}]`);

/** The elements an `[name]` step can match on. */
const NAME_FIELDS = ['action', 'address', 'name'] as const;

/**
 * Sets a number at `path` in `target` (mutates it; callers pass a copy). The field must
 * already exist and hold a number, so a typo fails loudly rather than adding a field.
 */
export function setNumberAtPath(target: unknown, path: string, value: number): void {
  const steps = parseConfigPath(path);
  let node: unknown = target;
  let walked = '';
  for (let position = 0; position < steps.length; position++) {
    const step = steps[position]!;
    const last = position === steps.length - 1;
    const here = walked === '' ? '(the scenario)' : walked;
    let container: Record<string | number, unknown>;
    let slot: string | number;
    if ('key' in step) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) throw badPath(path, `${here} is not an object`);
      container = node as Record<string, unknown>;
      if (!(step.key in container)) throw badPath(path, `${here} has no "${step.key}"; it has ${Object.keys(container).join(', ') || 'nothing'}`);
      slot = step.key;
    } else {
      if (!Array.isArray(node)) throw badPath(path, `${here} is not a list`);
      if ('index' in step) {
        if (step.index >= node.length) throw badPath(path, `${here} has ${node.length} elements; index ${step.index} is out of range`);
        slot = step.index;
      } else {
        slot = node.findIndex((element) => element !== null && typeof element === 'object'
          && NAME_FIELDS.some((field) => (element as Record<string, unknown>)[field] === step.name));
        if (slot < 0) throw badPath(path, `${here} has no element whose action, address or name is "${step.name}"`);
      }
      container = node as unknown as Record<number, unknown>;
    }
    walked += describeStep(step);
    if (last) {
      if (typeof container[slot] !== 'number') throw badPath(path, `${walked.replace(/^\./, '')} is not a number (it is ${JSON.stringify(container[slot])})`);
      container[slot] = value;
      return;
    }
    node = container[slot];
  }
}
