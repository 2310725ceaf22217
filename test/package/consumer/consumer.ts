// A strict TypeScript consumer of the installed package: every entry point by its name.
import { simulate, type SimulationConfig, type SimulationResult } from 'cutover-twin';
import { builtinScenarioFile, builtinScenarioNames, loadScenario, type LoadedScenario } from 'cutover-twin/scenarios';
import { checkPlan } from 'cutover-twin/checker';
import { realEngine, scenarioArbitrary } from 'cutover-twin/testing';
import { renderReport, verdictOf } from 'cutover-twin/report';
import { main, memoryIo, type CliIo } from 'cutover-twin/cli';

const file: string | undefined = builtinScenarioFile('textbook');
if (file === undefined) throw new Error(`no textbook among ${builtinScenarioNames().join(', ')}`);
const loaded: LoadedScenario = loadScenario(file);
const config: SimulationConfig = loaded.config;
const result: SimulationResult = simulate(config, {});
const findings: unknown[] = checkPlan(config);
const html: string = renderReport(result);
const io: CliIo = memoryIo();
const exitCode: Promise<number> = main(['--version'], io);
export const used = { result, findings, html, exitCode, verdict: verdictOf(result), engine: realEngine, arbitrary: scenarioArbitrary };
