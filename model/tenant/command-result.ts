/** The outcome of an admin command: done with what it did, or refused with the reason (never silently ignored). */
export type CommandResult = { ok: true; detail: string } | { ok: false; reason: string };

export const done = (detail: string): CommandResult => ({ ok: true, detail });
export const refused = (reason: string): CommandResult => ({ ok: false, reason });
