/** `cutover import`: a scenario from a mailbox inventory export. */
export { addImportCommand } from './command.js';
