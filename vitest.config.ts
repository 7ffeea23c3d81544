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
    setupFiles: ['src-renderer/test-setup.ts'],
  },
});
