import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../sim/index.js';

/** The real path of a file, or of its directory joined with its name when it does not exist yet. */
function canonical(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const directory = dirname(absolute);
  return existsSync(directory) ? join(realpathSync(directory), basename(absolute)) : absolute;
}

/**
 * Checks an output path before any work is done, so a bad one fails fast with nothing
 * written: its directory must exist, it must not be a directory, and it must not be one
 * of the inputs (an input file is never overwritten).
 */
export function checkOutputPath(path: string, inputs: readonly string[], flag: string): void {
  const target = canonical(path);
  for (const input of inputs) {
    if (canonical(input) === target) {
      throw new InputError('CLI_OUTPUT_IS_INPUT', `${flag} ${path} would overwrite the input file ${input}; choose another output file`, { path: flag });
    }
  }
  const directory = dirname(resolve(path));
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new InputError('CLI_OUTPUT_DIRECTORY', `${flag} ${path}: directory ${directory} does not exist`, { path: flag });
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new InputError('CLI_OUTPUT_IS_DIRECTORY', `${flag} ${path} is a directory; give a file name`, { path: flag });
  }
}

/**
 * Writes a file atomically: a temporary file in the same directory, then a rename, so a
 * reader never sees half a file and a failed write leaves the old file as it was.
 */
export function writeFileAtomic(path: string, content: string): string {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError('CLI_WRITE_FAILED', `cannot write ${path}: ${(error as Error).message}`, { file: path });
  }
  return target;
}
