/** `cutover check`: the plan checker on the command line, with the schedule it prints. */
export { addCheckCommand } from './command.js';
