import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario } from '../../scenarios/index.js';
import type { SimulationConfig } from '../../model/config.js';
import {
  batchTransitionsAllowed, cleanPlanLosesNothing, conservation, firstBroken, keepingAllPaths, lossesExplained, loweringTtlEarlierSendsNoMoreToOldHost,
  moreConcurrencyNeverSlower, realEngine, removingLaterLosesNoMore, sameRun, scenarioFileText, type InvariantResult,
} from '../../testing/index.js';

/**
 * Saved cases (issue 20): a scenario file whose header carries one `# case: {…}` line naming
 * the property it was found by, its knob and, once the property's premise was narrowed to
 * exclude it, the premise it now falls outside (`vacuous`). Replayed for ever by
 * test/properties/saved-cases.test.ts, which asserts the case directly: it holds and is
 * compared, or it meets exactly the guard named.
 */

export interface CaseHeader {
  property: PropertyName;
  knob?: number;
  /** The unmet premise the case must report (a case that passes through a guard asserts the guard). */
  vacuous?: string;
  seed?: number;
  path?: string;
}

export const FOUND_FOLDER = new URL('./found/', import.meta.url);

/** Each property a case can be saved for, checked on one config (and knob) with the real engine. */
export const PROPERTIES = {
  'every-run': (config: SimulationConfig): InvariantResult => {
    const result = realEngine.simulate(config);
    return firstBroken([conservation(result), batchTransitionsAllowed(result), sameRun(result, realEngine.simulate(structuredClone(config)))]);
  },
  'clean-plan-loses-nothing': (config: SimulationConfig): InvariantResult => cleanPlanLosesNothing(realEngine.checkPlan(config), realEngine.simulate(config)),
  // As the property runs it: every path kept, so each loss is matched to its mailbox.
  'losses-explained': (config: SimulationConfig): InvariantResult => lossesExplained(config, realEngine.checkPlan(config), realEngine.simulate(keepingAllPaths(config))),
  'removing-later-loses-no-more': (config: SimulationConfig, knob = 0): InvariantResult => removingLaterLosesNoMore(config, knob, realEngine.simulate),
  'lowering-ttl-earlier-sends-no-more-to-old-host': (config: SimulationConfig, knob = 0): InvariantResult => loweringTtlEarlierSendsNoMoreToOldHost(config, knob, realEngine.simulate),
  'more-concurrency-never-slower': (config: SimulationConfig, knob = 0): InvariantResult => moreConcurrencyNeverSlower(config, knob, realEngine.simulate),
} satisfies Record<string, (config: SimulationConfig, knob?: number) => InvariantResult>;

export type PropertyName = keyof typeof PROPERTIES;

const CASE_LINE = /^# case: (\{.*\})\s*$/m;

/** A saved case's text: the header line, a free comment, then the scenario. */
export function savedCaseText(config: SimulationConfig, header: CaseHeader, comment: string): string {
  return scenarioFileText(config, { comment: `case: ${JSON.stringify(header)}\n${comment}` });
}

export function readSavedCase(file: URL): { header: CaseHeader; config: SimulationConfig } {
  const text = readFileSync(file, 'utf8');
  const line = CASE_LINE.exec(text);
  if (line === null) throw new Error(`${file.pathname}: no "# case: {…}" header line`);
  const header = JSON.parse(line[1]!) as CaseHeader;
  if (!(header.property in PROPERTIES)) throw new Error(`${file.pathname}: unknown property ${header.property}`);
  return { header, config: parseScenario(text, file.pathname.split('/').pop()!).config };
}

export const savedCaseFiles = (): URL[] =>
  readdirSync(FOUND_FOLDER).filter((name) => name.endsWith('.yaml')).sort().map((name) => new URL(name, FOUND_FOLDER));
