/**
 * electron-builder packs the built app for real, around a STAND-IN Electron binary: the real one
 * cannot be downloaded here, so a small file carrying Electron's fuse sentinel takes its place (the
 * fuses are flipped in it as they would be in Electron). What is checked is what electron-builder
 * produced: the app.asar holds dist/ and package.json only — no node_modules, no source maps — and
 * the fuses are set as electron-builder.yml says. Installers (deb, rpm, AppImage) are not built: they
 * need tools (fpm, appimagetool) that electron-builder downloads.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(file: string): string[] };
const fuses = require('@electron/fuses') as {
  getCurrentFuseWire(file: string): Promise<Record<string, number | string>>;
};
// Electron's fuse wire: a sentinel, the wire version (1), its length, one byte per fuse ('1' on).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ON = '1'.charCodeAt(0);
const FUSE_OFF = '0'.charCodeAt(0);

let root: string;
let unpacked: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-packaging-'));
  const standIn = path.join(root, 'electron-standin');
  await mkdir(standIn);
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\n# A stand-in for the Electron binary, which cannot be downloaded here.\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from('11111111\n'),
  ]);
  await writeFile(path.join(standIn, 'electron'), binary);
  await chmod(path.join(standIn, 'electron'), 0o755);
  await writeFile(path.join(standIn, 'version'), '45.4.1');
  await promisify(execFile)(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${path.join(root, 'release')}`,
    ],
    { env: { ...process.env, CI: 'true' }, timeout: 120_000 },
  );
  unpacked = path.join(root, 'release', 'linux-unpacked');
}, 150_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('packaging with electron-builder (around a stand-in Electron binary)', () => {
  it('ships dist/ and package.json in app.asar, and no node_modules or source maps', () => {
    const files = asar.listPackage(path.join(unpacked, 'resources', 'app.asar'));
    expect(files).toContain('/dist/main/index.cjs');
    expect(files).toContain('/dist/main/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files.filter((file) => !file.startsWith('/dist'))).toEqual(['/package.json']);
    expect(files.filter((file) => file.includes('node_modules') || file.endsWith('.map'))).toEqual([]);
  });

  it('flips the fuses: no running as Node, no NODE_OPTIONS or inspector, only the app.asar', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(unpacked, 'borgdesk'));
    // FuseV1Options order: RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
    // EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
    // LoadBrowserProcessSpecificV8Snapshot (left as Electron ships it), GrantFileProtocolExtraPrivileges.
    expect(wire).toEqual({
      version: '1',
      0: FUSE_OFF,
      1: FUSE_ON,
      2: FUSE_OFF,
      3: FUSE_OFF,
      4: FUSE_ON,
      5: FUSE_ON,
      6: FUSE_ON,
      7: FUSE_OFF,
    });
  });
});
