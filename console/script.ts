import type { MigrationConsole, ConsoleReply } from './engine.js';
import { joinScriptLines } from './parse.js';

export interface ScriptResult {
  replies: (ConsoleReply & { line: number })[];
  /** Lines that ended in an error. */
  errors: number;
}

/**
 * Replays a recorded session (a .ps1 file) line by line, echoing each as "PS> line" the way a
 * transcript shows it. An error does not stop the script, as in PowerShell; `stopOnError` does.
 */
export function runScript(console: MigrationConsole, script: string, print: (text: string) => void, stopOnError = false): ScriptResult {
  const replies: ScriptResult['replies'] = [];
  let errors = 0;
  for (const { line, text } of joinScriptLines(script)) {
    if (/^\s*#/.test(text)) continue;
    print(`PS> ${text.trim()}\n`);
    const reply = console.run(text);
    if (reply.output !== '') print(`${reply.output}\n`);
    replies.push({ ...reply, line });
    if (reply.error) {
      errors++;
      if (stopOnError) break;
    }
  }
  return { replies, errors };
}
