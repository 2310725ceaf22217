import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext } from '../context.js';
import { findingsJson, recommendationsJson } from '../run/index.js';
import { budgetOption, parsePositiveCount } from '../option-parsers.js';
import { isInputError } from '../../sim/index.js';
import { enforceWorkBudget } from '../work-budget.js';
import { scheduleLines } from './schedule.js';
import { formatFindings } from '../run/index.js';
import { describeInstant } from '../../report/index.js';

/** Seeds `check` runs the plan with for its schedule (small: check should stay quick). */
const CHECK_SEEDS = 3;

export function addCheckCommand(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description("apply the article's rules to a plan and print its schedule (the plan run over a few seeds)")
    .argument('<file>', 'a scenario file or the name of a built-in scenario')
    .option('--json', 'print {"scenario", "findings": [{rule, severity, at, message, step, fix}], "schedule": {…}} (docs/cli.md)')
    .addOption(new Option('--seeds <n>', `seeds to run the plan with for the schedule (default ${CHECK_SEEDS})`).argParser(parsePositiveCount))
    .addOption(budgetOption())
    .addHelpText('after', `
Examples:
  cutover check plan.yaml
  cutover check plan.yaml --json
  cutover check plan.yaml --seeds 10

A plan over the work budget is checked, but its schedule is not estimated (raise the budget
with --budget). Exit code 1 when any finding is an error, so CI can gate a plan change.`)
    .action(async (file: string, options: { json?: boolean; seeds?: number; budget?: number }) => {
      const engine = await context.engine();
      const loaded = engine.loadScenario(file);
      const config = loaded.config;
      const findings = engine.checkPlan(config);
      const seeds = options.seeds ?? CHECK_SEEDS;
      // The schedule runs the plan once per seed: the same work budget as `run`. Over it the rules
      // are still checked, and the schedule is left out with the reason.
      const skipped = scheduleSkipped(config, options.budget, loaded.source.file);
      const schedule = skipped === undefined ? engine.recommend?.(config, { seeds }) : undefined;
      if (options.json) {
        const shaped = findingsJson(findings, config.startDate).map((finding, index) => ({ ...finding, step: findings[index]!.step, fix: findings[index]!.fix }));
        const extra = schedule === undefined ? (skipped === undefined ? {} : { scheduleSkipped: skipped }) : { schedule: recommendationsJson(schedule, config.startDate) };
        context.io.stdout(`${JSON.stringify({ scenario: config.name, findings: shaped, ...extra }, null, 2)}\n`);
      } else {
        const at = (value: number) => describeInstant(value, config.startDate, config.timeZone);
        const lines = formatFindings(findings, context.colours, Number.POSITIVE_INFINITY, true, at);
        if (findings.length === 0) lines.push(context.colours.green('✔ no findings'));
        if (schedule !== undefined) lines.push('', ...scheduleLines(schedule, config.startDate, config.timeZone));
        if (skipped !== undefined) lines.push('', context.colours.yellow(`Schedule not estimated: ${skipped}`));
        context.io.stdout(`${lines.join('\n')}\n`);
      }
      context.setExitCode(findings.some((finding) => finding.severity === 'error') ? 1 : 0);
    });
}

/** Why the schedule is not estimated (the plan's runs are over the work budget), or undefined. */
function scheduleSkipped(config: Parameters<typeof enforceWorkBudget>[0], budget: number | undefined, file: string): string | undefined {
  try {
    enforceWorkBudget(config, budget, file);
    return undefined;
  } catch (error) {
    if (isInputError(error) && error.code === 'SCENARIO_OVER_BUDGET') return error.message;
    throw error;
  }
}
