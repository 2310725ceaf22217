import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { findingsJson } from './json-output.js';
import { formatFindings } from './summary.js';

export function addCheckCommand(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description("apply the article's rules to a plan without simulating it")
    .argument('<file>', 'a scenario file or the name of a built-in scenario')
    .option('--json', 'print {"scenario", "findings": [{rule, severity, at, message, step, fix}]}')
    .addHelpText('after', `
Examples:
  cutover check plan.yaml
  cutover check plan.yaml --json

Exit code 1 when any finding is an error, so CI can gate a plan change.`)
    .action(async (file: string, options: { json?: boolean }) => {
      const engine = await context.engine();
      const loaded = engine.loadScenario(file);
      const findings = engine.checkPlan(loaded.config);
      if (options.json) {
        const shaped = findingsJson(findings, loaded.config.startDate).map((finding, index) => ({ ...finding, step: findings[index]!.step, fix: findings[index]!.fix }));
        context.io.stdout(`${JSON.stringify({ scenario: loaded.config.name, findings: shaped }, null, 2)}\n`);
      } else {
        const lines = formatFindings(findings, context.colours, Number.POSITIVE_INFINITY, true);
        if (findings.length === 0) lines.push(context.colours.green('✔ no findings'));
        context.io.stdout(`${lines.join('\n')}\n`);
      }
      context.setExitCode(findings.some((finding) => finding.severity === 'error') ? 1 : 0);
    });
}
