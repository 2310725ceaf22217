import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from './json-schema.js';

/** `npx tsx scenarios/write-schema.ts` regenerates docs/scenario.schema.json from the zod schema. */
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'scenario.schema.json');
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
