import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Trace } from '../../sim/index.js';

const KINDS = ['mail.internal', 'mail.external', 'sender.retry', 'series.sample', 'migration.incremental'];
const ENTITIES = ['generated', 'hourly', 'user1@contoso.com', 7, 0, ''];
const ARGUMENTS = [{ not: 'hashed' }, 3, 'detail', ''];

describe('Trace.event', () => {
  // The kind and entity caches of the per-event path must never change what is hashed.
  test.prop([fc.array(fc.tuple(fc.nat(1_000_000), fc.nat(KINDS.length - 1), fc.nat(ENTITIES.length - 1), fc.nat(ARGUMENTS.length - 1)), { maxLength: 60 })], { numRuns: 100 })(
    'hashes and prints an engine event exactly as the line it records',
    (events) => {
      const viaEvents = new Trace();
      const viaRecords = new Trace();
      for (const [at, kind, entity, argument] of events) {
        const value = ARGUMENTS[argument];
        viaEvents.event({ at, kind: KINDS[kind]!, entity: ENTITIES[entity]!, argument: value });
        viaRecords.record(at, KINDS[kind]!, ENTITIES[entity]!, typeof value === 'object' ? '' : value);
      }
      expect(viaEvents.getLines()).toEqual(viaRecords.getLines());
      expect(viaEvents.hash()).toBe(viaRecords.hash());
    },
  );
});
