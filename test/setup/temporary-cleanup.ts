import { afterAll } from 'vitest';
import { removeTemporaryDirectories } from '../fixtures/temporary.js';

// Each test file's temporary directories go when its tests are done (tests left hundreds behind).
afterAll(() => removeTemporaryDirectories());
