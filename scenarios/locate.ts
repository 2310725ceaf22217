import { safeText } from '../sim/index.js';
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

/**
 * Positions of the keys of the map at `path`, indexed once: reporting n unknown keys of one
 * map costs n look-ups, not n walks over the map (10,000 unknown keys took seconds).
 */
export function keyLocator(document: Document, lines: LineCounter, path: readonly PathSegment[]): (key: string) => SourcePosition {
  const parent = locateNode(document, path);
  const target = isAlias(parent.node) ? parent.node.resolve(document) : parent.node;
  const offsets = new Map<string, number>();
  if (isMap(target)) {
    for (const pair of target.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const offset = rangeStart(pair.key);
      if (!offsets.has(key) && offset !== undefined) offsets.set(key, offset);
    }
  }
  const fallback = rangeStart(parent.node) ?? 0;
  return (key) => {
    const offset = offsets.get(key);
    const { line, col } = lines.linePos(offset ?? fallback);
    return { line, column: col, offset: offset ?? fallback, exact: parent.exact && offset !== undefined };
  };
}

function locateNode(document: Document, path: readonly PathSegment[]): { node: unknown; exact: boolean } {
  let node: unknown = document.contents;
  for (const segment of path) {
    const next = child(document, node, segment, false);
    if (next === undefined) return { node, exact: false };
    node = next.value;
  }
  return { node, exact: true };
}

/** Longest key echoed in a path. */
const MAX_SEGMENT = 80;

/** A dotted path as people read it: plan[3].at (keys made safe to print and cut: they are user text). */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? safeText(String(segment), MAX_SEGMENT) : `.${safeText(String(segment), MAX_SEGMENT)}`;
  }
  return text;
}
