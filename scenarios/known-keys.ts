import type { z } from 'zod';

/**
 * The keys a strict object at some path allows, found by walking the zod schema alongside
 * the data. Used to suggest the key a typo meant ("did you mean `mailboxes`?").
 */

interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  in?: z.ZodType;
}

const definitionOf = (schema: z.ZodType): Definition => (schema as unknown as { _zod: { def: Definition } })._zod.def;

function unwrap(schema: z.ZodType, data: unknown): z.ZodType {
  let current = schema;
  for (let guard = 0; guard < 20; guard++) {
    const definition = definitionOf(current);
    if ((definition.type === 'optional' || definition.type === 'nullable' || definition.type === 'default') && definition.innerType) {
      current = definition.innerType;
    } else if (definition.type === 'pipe' && definition.in) {
      current = definition.in;
    } else if (definition.type === 'union' && definition.options) {
      const objects = definition.options.filter((option) => definitionOf(unwrap(option, data)).type === 'object');
      const discriminator = definition.discriminator;
      const byDiscriminator = discriminator && data && typeof data === 'object'
        ? objects.find((option) => literalOf(definitionOf(unwrap(option, data)).shape?.[discriminator]) === (data as Record<string, unknown>)[discriminator])
        : undefined;
      const chosen = byDiscriminator ?? objects[0];
      if (!chosen) return current;
      current = chosen;
    } else {
      return current;
    }
  }
  return current;
}

function literalOf(schema: z.ZodType | undefined): unknown {
  if (!schema) return undefined;
  const definition = definitionOf(schema) as Definition & { values?: unknown[] };
  return definition.type === 'literal' ? definition.values?.[0] : undefined;
}

export function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  let current = schema;
  let value = data;
  for (const segment of path) {
    const definition = definitionOf(unwrap(current, value));
    if (definition.type === 'object' && definition.shape && typeof segment === 'string') {
      const next = definition.shape[segment];
      if (!next) return [];
      current = next;
    } else if (definition.type === 'array' && definition.element) {
      current = definition.element;
    } else {
      return [];
    }
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment as string] : undefined;
  }
  const definition = definitionOf(unwrap(current, value));
  return definition.type === 'object' && definition.shape ? Object.keys(definition.shape) : [];
}

/** Edit distance, for suggestions; small inputs only. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest allowed key, if it is close enough to be a plausible typo. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
