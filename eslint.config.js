import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Folder boundaries are enforced here, so the core stays host-neutral and only one module spawns processes.
const noElectron = {
  name: 'electron',
  message: 'Only src-main/electron, src-main/index.ts and src-main/preload may import electron.',
};
const noSpawn = [
  // Tests and e2e helpers may use execa; the app spawns through borg/exec.ts alone.
  { name: 'execa', message: 'Only src-main/borg/exec.ts spawns processes.' },
  { name: 'child_process', message: 'Only src-main/borg/exec.ts spawns processes.' },
  { name: 'node:child_process', message: 'Only src-main/borg/exec.ts spawns processes.' },
];

export default tseslint.config(
  { ignores: ['dist', 'release', 'node_modules', 'e2e/artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/index.ts', 'src-main/preload/**', 'src-main/borg/exec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, ...noSpawn] }] },
  },
  {
    files: ['src-main/electron/**', 'src-main/index.ts', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: noSpawn }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noSpawn],
          patterns: [{ group: ['node:*'], message: 'The renderer has no Node.' }],
        },
      ],
    },
  },
);
