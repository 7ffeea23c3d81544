import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Folder boundaries are enforced here, so the core stays host-neutral and only one module spawns processes.
// Two rules share the work: `no-restricted-imports` guards package names, and
// `@typescript-eslint/no-restricted-imports` guards paths between our own folders (it alone can let
// `import type` through). Each rule is set once per file, since a later block replaces its options.
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

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
// borg/ files whose platform and environment reads decide how (or whether) borg is spawned.
const BORG_SPAWN_DECISIONS = [
  'src-main/borg/exec.ts',
  // The shell a plan's before/after command runs in (/bin/sh, or ComSpec on Windows).
  'src-main/borg/hook-command.ts',
  'src-main/borg/version.ts',
  'src-main/borg/commands/fuse-availability.ts',
];
// Test helpers play the host's part for the code under test (they set BORG_BASE_DIR, TZ, a platform).
const TEST_SUPPORT = ['src-main/core/test-support/**', 'src-main/**/test-*.ts'];

/** A regex for a relative import through one of `folders` (`../node/x.js`; packages are the other rule's). */
const segment = (...folders) => `^\\.\\.?/(.*/)?(${folders.join('|')})(/|$)`;
/** A regex for a relative import of src-main's entry files (the hosts' `index.ts` and `server.ts`). */
const HOST_ENTRIES = '^\\.\\.?/(.*/)?(index|server)(\\.[jt]s)?$';
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex for anything in src-main/ but the `allowed` paths (a trailing '/' allows a folder, else one file). */
const srcMainExcept = (allowed) =>
  `(^|/)src-main/(?!(${allowed.map((a) => escapeRegex(a) + (a.endsWith('/') ? '' : '$')).join('|')}))`;
/** Path rules: an import matching a regex is an error (patterns: { regex, message, ... }). */
const pathRules = (patterns, paths = []) => ['error', { paths, patterns }];

// The host hands these in (Services.platform, Services.env), so the core runs the same under any host.
const hostReadMessage =
  'The host passes this in (Services.platform / Services.env); the core never reads it itself.';
const noHostReads = {
  properties: [
    { object: 'process', property: 'env', message: hostReadMessage },
    { object: 'process', property: 'platform', message: hostReadMessage },
    { object: 'os', property: 'platform', message: hostReadMessage },
  ],
  // The same values reached by import instead of through the `process` global.
  paths: [
    { name: 'node:process', importNames: ['env', 'platform'], message: hostReadMessage },
    { name: 'process', importNames: ['env', 'platform'], message: hostReadMessage },
    { name: 'node:os', importNames: ['platform'], message: hostReadMessage },
    { name: 'os', importNames: ['platform'], message: hostReadMessage },
  ],
};

const coreBoundary = {
  regex: `${segment('electron', 'node', 'preload', 'src-renderer')}|${HOST_ENTRIES}`,
  message:
    'The core is host-neutral: it imports no electron/, node/, preload/, index.ts or server.ts (the host passes services in).',
};
const borgMessage =
  'borg/ knows borg only: it imports nothing from core/, ipc/, node/ or electron/ (shapes come from src-main/model).';
const borgBoundary = {
  regex: `${segment('core', 'ipc', 'node', 'electron', 'preload', 'src-renderer')}|${HOST_ENTRIES}`,
  message: borgMessage,
};

// The renderer runs in the browser: at run time it may use the model and the event/request names;
// everything else of src-main reaches it as types only.
const RENDERER_RUNTIME = ['model/', 'ipc/names.js'];
// Renderer tests run in Node, not in the page: they may start a real host and use shared test data.
const RENDERER_TEST_RUNTIME = ['node/test-host.js', 'core/test-support/'];
const rendererMessage =
  'The renderer imports only src-main/model and src-main/ipc/names.ts at run time; anything else from src-main as `import type`.';
const rendererBoundary = (allowed) => [
  { regex: srcMainExcept(allowed), allowTypeImports: true, message: rendererMessage },
];
// Screens fetch through src-renderer/lib/use-request.ts or a store action, which drop stale replies;
// the modules that page and cache folder listings keep their own requests (see use-request.ts).
const screenFetch = {
  regex: '(^|/)api/select-client(\\.js)?$',
  importNames: ['getApi'],
  message:
    'Screens fetch with useRequest/useAction (src-renderer/lib/use-request.ts) or a store action, not getApi().',
};
const OWN_REQUESTS = [
  'src-renderer/features/archives/folder-pages.ts',
  'src-renderer/features/archives/use-folder-tree.ts',
];

export default tseslint.config(
  { ignores: ['dist', 'release', 'node_modules', 'e2e/artifacts', 'scripts/lint-fixtures'] },
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
    // The one module that spawns still keeps out of electron.
    files: ['src-main/borg/exec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  // Path boundaries apply to tests too: a core or borg test that needs a host or the core is
  // testing something else, and belongs beside that.
  {
    files: ['src-main/core/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': pathRules([coreBoundary]) },
  },
  {
    files: ['src-main/borg/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': pathRules([borgBoundary]) },
  },
  {
    files: ['src-main/borg/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': pathRules([borgBoundary]),
    },
  },
  {
    // The model is the vocabulary everyone shares, so it depends on nothing of the app: zod and itself.
    files: ['src-main/model/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': pathRules([
        {
          regex: '^(?![./]|zod$|vitest$)',
          message: 'src-main/model imports only zod (and vitest in its tests).',
        },
        {
          regex: `${segment('core', 'borg', 'ipc', 'node', 'electron', 'preload', 'src-renderer')}|${HOST_ENTRIES}`,
          message: 'src-main/model imports nothing of the app but its own files.',
        },
      ]),
    },
  },
  {
    // The browser host must start without Electron installed.
    files: ['src-main/node/**/*.ts', 'src-main/server.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': pathRules([
        {
          regex: segment('electron', 'preload'),
          message: 'The browser host imports nothing of the Electron host.',
        },
      ]),
    },
  },
  {
    // Host reads stay in the hosts. Tests and test helpers are exempt: they play the host's part.
    // borg/ keeps the reads that decide how and whether borg can be spawned: exec.ts builds the child's
    // environment and process group (and the shell on Windows), version.ts tests the execute bit
    // (none on Windows) of a borg to run, fuse-availability.ts looks for the fusermount borg mount spawns.
    files: ['src-main/core/**/*.ts', 'src-main/borg/**/*.ts'],
    ignores: [...TESTS, ...TEST_SUPPORT, ...BORG_SPAWN_DECISIONS],
    rules: {
      'no-restricted-properties': ['error', ...noHostReads.properties],
      // Modules load statically, so the path rules and the cycle check see every import.
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'core/ and borg/ import statically (no import()).' },
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    ignores: [...TESTS, ...TEST_SUPPORT],
    rules: { '@typescript-eslint/no-restricted-imports': pathRules([coreBoundary], noHostReads.paths) },
  },
  {
    files: ['src-main/borg/**/*.ts'],
    ignores: [...TESTS, ...TEST_SUPPORT, ...BORG_SPAWN_DECISIONS],
    rules: {
      '@typescript-eslint/no-restricted-imports': pathRules([borgBoundary], noHostReads.paths),
    },
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
      '@typescript-eslint/no-restricted-imports': pathRules(rendererBoundary(RENDERER_RUNTIME)),
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/src-main/]', message: rendererMessage },
      ],
    },
  },
  {
    files: ['src-renderer/features/**/*.{ts,tsx}', 'src-renderer/components/**/*.{ts,tsx}'],
    ignores: [...TESTS, ...OWN_REQUESTS],
    rules: {
      '@typescript-eslint/no-restricted-imports': pathRules([
        ...rendererBoundary(RENDERER_RUNTIME),
        screenFetch,
      ]),
    },
  },
  {
    files: TESTS.map((glob) => `src-renderer/${glob}`),
    rules: {
      '@typescript-eslint/no-restricted-imports': pathRules(
        rendererBoundary([...RENDERER_RUNTIME, ...RENDERER_TEST_RUNTIME]),
      ),
    },
  },
  {
    // The main process logs through one logger (src-main/core/logging): the desktop app's log file is
    // where people find what happened, so a console call would be lost. The sandboxed preload has no
    // logger (its console is the window's developer console); tests and test support may print.
    files: ['src-main/**/*.ts'],
    ignores: [
      'src-main/preload/**',
      'src-main/**/test-support/**',
      ...TESTS.map((glob) => `src-main/${glob}`),
    ],
    rules: { 'no-console': 'error' },
  },
);
