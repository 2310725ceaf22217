/**
 * The values a console command line carries and cmdlets return, kept to what a migration
 * session needs: text, numbers, switches, lists, hashtables (@{...}) and objects with named
 * properties in a fixed order (what Exchange Online PowerShell prints).
 */
export type PsValue = string | number | boolean | null | undefined | PsValue[] | PsObject | PsHashtable | PsSecret;

/** An object as a cmdlet returns it: its type name and its properties in display order. */
export interface PsObject {
  kind: 'object';
  typeName: string;
  properties: Record<string, PsValue>;
  /** Columns `Format-Table` shows by default; `Format-List` without arguments shows them all. */
  tableColumns: readonly string[];
  /** Objects Exchange shows as a list by default (Test-MigrationServerAvailability). */
  listByDefault?: boolean;
}

export interface PsHashtable {
  kind: 'hashtable';
  text: string;
}

/** A credential: only the user name is ever shown (credentials never appear in output). */
export interface PsSecret {
  kind: 'secret';
  userName: string;
}

export const psObject = (typeName: string, properties: Record<string, PsValue>, tableColumns: readonly string[], listByDefault = false): PsObject => ({
  kind: 'object', typeName, properties, tableColumns, ...(listByDefault ? { listByDefault } : {}),
});

export const isPsObject = (value: PsValue): value is PsObject => typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'object';

/** A property read as PowerShell does: names are case-insensitive. */
export function property(object: PsObject, name: string): PsValue {
  if (name in object.properties) return object.properties[name];
  const key = Object.keys(object.properties).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object.properties[key];
}

/** The text a value shows as in a table cell or after "Name : ". */
export function displayValue(value: PsValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `{${value.map(displayValue).join(', ')}}`;
  if (value.kind === 'hashtable') return 'System.Collections.Hashtable';
  if (value.kind === 'secret') return 'System.Management.Automation.PSCredential';
  return value.typeName;
}

/** The text a value stands for when it is bound to a string parameter. */
export function asText(value: PsValue): string {
  if (isPsObject(value)) return displayValue(property(value, 'Identity') ?? value.typeName);
  return displayValue(value);
}
