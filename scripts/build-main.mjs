/**
 * Bundles the main-process code with esbuild:
 *   src-main/server.ts        → dist/main/server.js    (browser host, ESM, npm packages left external)
 *   src-main/index.ts         → dist/main/index.cjs    (Electron main, CJS, everything but electron bundled)
 *   src-main/preload/index.ts → dist/main/preload.cjs  (sandboxed preload: one self-contained CJS file)
 * and copies the runtime icons to dist/assets.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'main');

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await rm(outDir, { recursive: true, force: true });

try {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['src-main/server.ts'],
      outfile: 'dist/main/server.js',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: ['src-main/index.ts'],
      outfile: 'dist/main/index.cjs',
      format: 'cjs',
      platform: 'node',
      // Electron 45 ships Node 22.
      target: 'node22',
      external: ['electron'],
      // Bundled ESM dependencies may read import.meta.url, which CJS lacks; give them the bundle's own URL.
      define: { 'import.meta.url': '__borgdeskImportMetaUrl' },
      banner: { js: "const __borgdeskImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...common,
      entryPoints: ['src-main/preload/index.ts'],
      outfile: 'dist/main/preload.cjs',
      format: 'cjs',
      // A sandboxed preload has no Node built-ins and can require only 'electron'.
      platform: 'browser',
      target: 'chrome140',
      // It loads with every window: names only (ipc/names.ts), never the zod schemas, and minified.
      minify: true,
      external: ['electron'],
    }),
  ]);
} catch {
  // esbuild has already printed each error with its location.
  process.exit(1);
}

// A value import of contract.ts (zod) into the preload would multiply its size; refuse the build.
const PRELOAD_LIMIT_BYTES = 32 * 1024;
const preloadBytes = statSync(path.join(root, 'dist/main/preload.cjs')).size;
if (preloadBytes > PRELOAD_LIMIT_BYTES) {
  console.error(
    `dist/main/preload.cjs is ${preloadBytes} bytes (limit ${PRELOAD_LIMIT_BYTES}): the preload may import only types from ipc/contract.ts.`,
  );
  process.exit(1);
}

const assetsOut = path.join(root, 'dist', 'assets');
await mkdir(assetsOut, { recursive: true });
for (const name of await readdir(path.join(root, 'assets'))) {
  if (name.endsWith('.png')) await cp(path.join(root, 'assets', name), path.join(assetsOut, name));
}

console.log('Built dist/main/server.js, dist/main/index.cjs and dist/main/preload.cjs');
