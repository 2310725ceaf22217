import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { InputError } from '../../sim/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import { shardLabel, type Shard } from '../shard/index.js';

/**
 * A campaign's results file (`--out` of sweep and fuzz): a header line naming the campaign
 * and shard, then one JSON line per finished job, each handed to the operating system as
 * soon as it finishes so that a killed process keeps it.
 */
export interface ResultsJournal<Entry> {
  /** Entries found in the file from an earlier, interrupted run of the same shard, by job index. */
  done: Map<number, Entry>;
  /** Lines that were cut off or unreadable; their jobs run again. */
  damaged: number;
  append(entry: Entry): void;
  close(): void;
}

/** What one kind of campaign file tells the journal. */
export interface JournalFormat<Entry> {
  /** "sweep" or "fuzz", for messages. */
  kind: string;
  /** Stable error codes: not such a file, another campaign, another shard. */
  codes: { foreign: string; campaign: string; shard: string };
  headerLine: string;
  /** Reads an existing file: its header (how its campaign differs from ours, its shard) and its entries. */
  read(text: string): {
    header: { difference: string | undefined; shard: Shard } | undefined;
    /** Each line after the header: the job index and entry when it is one of ours, else undefined (damaged or foreign). */
    entries: ({ index: number; entry: Entry } | undefined)[];
  };
  entryLine(entry: Entry): string;
}

const refuse = (code: string, path: string, why: string): never => {
  throw new InputError(code, `--out ${path}: ${why}; pass --fresh to start it again from nothing, or choose another --out`);
};

/**
 * Opens `--out` for a campaign's shard. A new (or empty, or `fresh`) file gets a header.
 * An existing file of the same campaign and shard is resumed: its entries are kept and
 * only the missing jobs run; damaged lines (a job cut off mid-line) are first removed by
 * an atomic rewrite. A file of another campaign or shard, or not a results file of this
 * kind, is refused before anything runs.
 */
export function openResultsJournal<Entry>(path: string, shard: Shard, fresh: boolean, format: JournalFormat<Entry>): ResultsJournal<Entry> {
  const done = new Map<number, Entry>();
  let damaged = 0;
  if (!fresh && existsSync(path) && statSync(path).size > 0) {
    const { header, entries } = format.read(readFileSync(path, 'utf8'));
    if (header === undefined) return refuse(format.codes.foreign, path, `it exists and is not a ${format.kind} results file (its first line is not a ${format.kind} campaign header)`);
    if (header.difference !== undefined) return refuse(format.codes.campaign, path, `it holds another campaign: ${header.difference}`);
    if (shardLabel(header.shard) !== shardLabel(shard)) return refuse(format.codes.shard, path, `it holds shard ${shardLabel(header.shard)}, not ${shardLabel(shard)}`);
    for (const found of entries) {
      if (found === undefined) damaged++;
      else if (!done.has(found.index)) done.set(found.index, found.entry);
    }
    if (damaged > 0) writeFileAtomic(path, format.headerLine + [...done.values()].map(format.entryLine).join(''));
  } else {
    writeFileAtomic(path, format.headerLine);
  }
  const descriptor = openSync(path, 'a');
  let open = true;
  return {
    done,
    damaged,
    append(entry) {
      writeSync(descriptor, format.entryLine(entry));
    },
    close() {
      if (!open) return;
      open = false;
      fsyncSync(descriptor);
      closeSync(descriptor);
    },
  };
}
