import { isScalar, visit, type Document } from 'yaml';

/**
 * The first key that appears twice in one mapping, with its offset. The yaml library's own
 * `uniqueKeys` check compares every key with every earlier one (10,000 keys took seconds);
 * a Set per mapping makes it linear. Merge keys (`<<`) may repeat, as in YAML 1.1.
 */
export function firstDuplicateKey(document: Document): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (key === '<<') continue;
        // Scalars compare by value (yaml's rule); a collection key is its own identity.
        if (seen.has(key)) {
          const offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? map.range?.[0] ?? 0;
          if (found === undefined || offset < found.offset) found = { key: String(key), offset };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}
