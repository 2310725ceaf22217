import { describe, expect, it } from 'vitest';
import { RandomStreams, type RandomStream } from '../../../sim/index.js';
import { UserVolumes } from '../../../model/mailflow/index.js';

/** The plain definition the guide table must reproduce: the first user whose cumulative volume exceeds the point. */
function reference(volumes: UserVolumes, point: number): number {
  let cumulative = 0;
  for (let user = 0; user < volumes.userCount; user++) {
    cumulative += volumes.volumeOf(user);
    if (cumulative > point) return user;
  }
  return volumes.userCount - 1;
}

describe('UserVolumes.pick (guide table)', () => {
  it('picks exactly the user the cumulative definition gives, for the same draw', () => {
    const random = new RandomStreams(4);
    for (const count of [1, 2, 7, 50, 2_000]) {
      const volumes = new UserVolumes(count, 80, 0.8, random.stream(`volume-${count}`));
      const draws = random.stream(`draws-${count}`);
      for (let index = 0; index < 5_000; index++) {
        const value = draws.next32(); // pick draws 32 bits
        const fixed = { next32: () => value } as RandomStream;
        expect(volumes.pick(fixed)).toBe(reference(volumes, value * volumes.totalPerDay));
      }
      // The extremes of the draw.
      expect(volumes.pick({ next32: () => 0 } as RandomStream)).toBe(reference(volumes, 0));
      expect(volumes.pick({ next32: () => 1 - 2 ** -32 } as RandomStream)).toBe(count - 1);
      expect(volumes.pick({ next32: () => 1 - 2 ** -53 } as RandomStream)).toBe(count - 1);
    }
  });
});
