/** `cutover serve`: the built dashboard served, and nothing else. */
export { addServeCommand } from './command.js';
