/** `cutover console`: the migration PowerShell console on the terminal. */
export { addConsoleCommand } from './command.js';
