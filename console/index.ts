/**
 * The migration PowerShell console: a framework-free command layer shared by the dashboard
 * and `cutover console`. It parses cmdlet lines, runs them against the trainer's session
 * through its one action layer, and prints what Exchange Online PowerShell would.
 */
export { MigrationConsole, type ConsoleReply, type ConsoleOptions } from './engine.js';
export { complete, commonPrefix, type Completion } from './complete.js';
export { HistoryCursor } from './history.js';
export { joinScriptLines, parseLine, type Statement } from './parse.js';
export { formatError, type ConsoleError } from './errors.js';
export { formatTable, formatList } from './format.js';
export { CMDLETS, ALIASES } from './cmdlets/index.js';
export { WAIT_CONDITIONS } from './cmdlets/time.js';
export type { ConsoleTarget, AdminCommand, MxLookup } from './target.js';
export { runScript, type ScriptResult } from './script.js';
export { sessionTarget, type ConsoleSession } from './session-target.js';
