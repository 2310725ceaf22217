import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../scenarios/index.js';

describe('docs/scenario.schema.json', () => {
  it('equals the schema generated from the zod schema (run `npx tsx scenarios/write-schema.ts`)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'scenario.schema.json'), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('is strict: unknown keys are not allowed, and organisation is required', () => {
    const schema = scenarioJsonSchema() as { additionalProperties: unknown; required: string[]; properties: Record<string, { additionalProperties?: unknown }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['organisation']);
    expect(schema.properties.organisation?.additionalProperties).toBe(false);
  });
});
