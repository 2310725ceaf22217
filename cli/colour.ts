import type { CliIo } from './io.js';

export interface Colours {
  enabled: boolean;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** Colours only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org). */
export function coloursFor(io: Pick<CliIo, 'env' | 'stdoutIsTTY'>): Colours {
  const enabled = io.stdoutIsTTY && !io.env.NO_COLOR;
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { enabled, green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}

/**
 * Scenario text shown on a terminal: control characters (escape sequences included) are
 * replaced, so a display name cannot move the cursor or change the terminal's title.
 */
export const terminalSafe = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
