import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/**
 * Maps a path inside the parsed data (as zod reports it: ['plan', 3, 'at']) back to the
 * line and column in the source text, using the node ranges the `yaml` document keeps.
 * JSON is parsed by the same YAML parser, so JSON files get positions too.
 */

export interface SourcePosition {
  line: number;
  column: number;
  /** Character offset, used to order errors by where they are in the file. */
  offset: number;
  /** False when the path ends at a key that is not in the file (a missing key): the position is its parent's. */
  exact: boolean;
}

type PathSegment = PropertyKey;

function child(document: Document, node: unknown, segment: PathSegment, wantKey: boolean): { value: unknown; key?: unknown } | undefined {
  const target = isAlias(node) ? node.resolve(document) : node;
  if (isMap(target)) {
    for (const pair of target.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) === String(segment)) return { value: wantKey ? pair.key : pair.value ?? pair.key, key: pair.key };
    }
    return undefined;
  }
  if (isSeq(target) && typeof segment === 'number') {
    const item = target.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

const rangeStart = (node: unknown): number | undefined => {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
};

/**
 * Position of the value at `path`; with `keyName`, the position of that key inside the
 * map at `path` (used for unknown keys, so the caret lands on the typo itself).
 */
export function locate(document: Document, lines: LineCounter, path: readonly PathSegment[], keyName?: string): SourcePosition {
  let node: unknown = document.contents;
  let exact = true;
  const segments = keyName === undefined ? path : [...path, keyName];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as PathSegment;
    const isLastKey = keyName !== undefined && index === segments.length - 1;
    const next = child(document, node, segment, isLastKey);
    if (next === undefined) {
      exact = false;
      break;
    }
    node = next.value;
  }
  const offset = rangeStart(node) ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col, offset, exact };
}

/** A dotted path as people read it: plan[3].at */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
