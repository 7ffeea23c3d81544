import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside their modules; integration tests run the real borg.
export default defineConfig({
  test: {
    include: [
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'src-renderer/**/*.test.tsx',
      // The lint rules' and the cycle check's own tests.
      'scripts/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test time is spent waiting on real borg, ssh and Chromium processes, not in the test process:
    // three forks on a 2-core machine (vitest's default there is one) halve the run without starving them.
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
    setupFiles: ['src-renderer/test-setup.ts'],
  },
});
