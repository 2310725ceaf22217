import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * The JSON Schema of the scenario file format, for editors (YAML language servers read
 * it too). Generated from the zod schema, so the two cannot drift; docs/scenario.schema.json
 * is this output, kept in step by a test (regenerate with `npx tsx scenarios/write-schema.ts`).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://cutover-twin.invalid/scenario.schema.json',
    title: 'cutover-twin scenario',
    description: 'A cutover migration scenario: the organisation, the tenant, DNS, mail flow and the plan (docs/scenario-format.md).',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The text written to docs/scenario.schema.json. */
export const scenarioJsonSchemaText = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
