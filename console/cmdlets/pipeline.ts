import { fail } from '../errors.js';
import type { Cmdlet } from '../cmdlet.js';
import { formatList, formatTable } from '../format.js';
import { asText, displayValue, isPsObject, property, psObject, type PsObject, type PsValue } from '../values.js';

/** Formatted text travels down the pipeline as one string, printed as it is. */
const names = (value: PsValue): string[] | undefined => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map(asText));

export const formatTableCmdlet: Cmdlet = {
  name: 'Format-Table',
  synopsis: 'Shows piped objects as a table: the default columns, or -Property a,b (ft).',
  parameters: [{ name: 'Property', type: 'any', position: 0 }, { name: 'AutoSize', type: 'switch' }, { name: 'Wrap', type: 'switch' }],
  takesWholeInput: true,
  run(_context, bound, input) {
    const columns = names(bound.Property);
    const objects = input ?? [];
    const first = objects.find(isPsObject);
    const all = columns?.includes('*') && first !== undefined ? Object.keys(first.properties) : columns;
    return [formatTable(objects, all)];
  },
};

export const formatListCmdlet: Cmdlet = {
  name: 'Format-List',
  synopsis: 'Shows every property of piped objects, one per line (fl); -Property a,b for some.',
  parameters: [{ name: 'Property', type: 'any', position: 0 }],
  takesWholeInput: true,
  run(_context, bound, input) {
    return [formatList(input ?? [], names(bound.Property))];
  },
};

export const selectObject: Cmdlet = {
  name: 'Select-Object',
  synopsis: 'Keeps some properties (-Property a,b), the first or last N objects, or one property\'s values (-ExpandProperty).',
  parameters: [{ name: 'Property', type: 'any', position: 0 }, { name: 'First', type: 'int' }, { name: 'Last', type: 'int' }, { name: 'ExpandProperty', type: 'string' }],
  takesWholeInput: true,
  run(_context, bound, input) {
    let objects = [...(input ?? [])];
    if (bound.First !== undefined) objects = objects.slice(0, bound.First as number);
    if (bound.Last !== undefined) objects = objects.slice(Math.max(0, objects.length - (bound.Last as number)));
    if (bound.ExpandProperty !== undefined) return objects.map((object) => (isPsObject(object) ? property(object, asText(bound.ExpandProperty)) : object));
    const wanted = names(bound.Property);
    if (wanted === undefined || wanted.includes('*')) return objects;
    return objects.map((object) => {
      if (!isPsObject(object)) return object;
      const kept: PsObject['properties'] = {};
      for (const name of wanted) {
        const key = Object.keys(object.properties).find((candidate) => candidate.toLowerCase() === name.toLowerCase()) ?? name;
        kept[key] = property(object, name);
      }
      return psObject(object.typeName, kept, Object.keys(kept), Object.keys(kept).length > 4);
    });
  },
};

/** The simple form: Where-Object Status -eq Failed (also -ne, -like, -gt, -lt). */
export const whereObject: Cmdlet = {
  name: 'Where-Object',
  synopsis: 'Keeps piped objects whose property compares true: Where-Object Status -eq Failed (-ne, -like, -gt, -lt).',
  parameters: [
    { name: 'Property', type: 'string', mandatory: true, position: 0 }, { name: 'Value', type: 'any', position: 1 },
    { name: 'EQ', type: 'switch' }, { name: 'NE', type: 'switch' }, { name: 'Like', type: 'switch' }, { name: 'GT', type: 'switch' }, { name: 'LT', type: 'switch' },
  ],
  takesWholeInput: true,
  run(_context, bound, input) {
    const operators = ['EQ', 'NE', 'Like', 'GT', 'LT'].filter((name) => bound[name] === true);
    if (operators.length !== 1) fail({ command: this.name, message: 'Use one comparison: -eq, -ne, -like, -gt or -lt.', category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `AmbiguousParameterSet,${this.name}` });
    const wanted = displayValue(bound.Value ?? null).toLowerCase();
    const test = (value: PsValue): boolean => {
      const text = displayValue(value).toLowerCase();
      switch (operators[0]) {
        case 'EQ': return text === wanted;
        case 'NE': return text !== wanted;
        case 'Like': return new RegExp(`^${wanted.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(text);
        case 'GT': return Number(value) > Number(wanted);
        default: return Number(value) < Number(wanted);
      }
    };
    return (input ?? []).filter((object) => isPsObject(object) && test(property(object, asText(bound.Property))));
  },
};

export const measureObject: Cmdlet = {
  name: 'Measure-Object',
  synopsis: 'Counts piped objects.',
  parameters: [],
  takesWholeInput: true,
  run(_context, _bound, input) {
    return [psObject('GenericMeasureInfo', { Count: (input ?? []).length }, ['Count'], true)];
  },
};

export const sortObject: Cmdlet = {
  name: 'Sort-Object',
  synopsis: 'Sorts piped objects by a property (-Descending for largest first).',
  parameters: [{ name: 'Property', type: 'string', position: 0 }, { name: 'Descending', type: 'switch' }],
  takesWholeInput: true,
  run(_context, bound, input) {
    const key = bound.Property === undefined ? undefined : asText(bound.Property);
    const value = (object: PsValue): PsValue => (key !== undefined && isPsObject(object) ? property(object, key) : object);
    const direction = bound.Descending === true ? -1 : 1;
    return [...(input ?? [])].sort((a, b) => {
      const left = value(a);
      const right = value(b);
      if (typeof left === 'number' && typeof right === 'number') return direction * (left - right);
      return direction * displayValue(left).localeCompare(displayValue(right));
    });
  },
};
