/**
 * Test-only: a temporary folder for real borg runs. Points BORG_BASE_DIR into it, so borg's cache,
 * config, keys and security records never touch the real home, and removes everything afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BorgCapabilities } from './capabilities.js';
import type { BorgContext } from './exec.js';
import { capabilitiesOfBorg } from './version.js';

/** A temporary borg playground. */
export interface BorgSandbox {
  readonly dir: string;
  /** A path inside the sandbox. */
  path(...parts: string[]): string;
  /** A context for TEST_BORG (and its capability table) with the given extras. */
  ctx(extra?: Partial<BorgContext>): BorgContext;
  /** Switches BORG_BASE_DIR to a fresh folder, as if borg ran on another computer. */
  useFreshBaseDir(): Promise<void>;
  /** Writes a file of random bytes in 1 MiB chunks. */
  writeRandomFile(file: string, megabytes: number): Promise<void>;
  /** Writes a small text file, creating its folder. */
  writeText(file: string, text: string): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * The borg the integration tests run: Debian's /usr/bin/borg, or the one BORGDESK_TEST_BORG names
 * (e.g. a borg 1.4 or 2 from scripts/ci/install-borgs.sh).
 */
export const TEST_BORG = process.env.BORGDESK_TEST_BORG ?? '/usr/bin/borg';

let testBorgTable: Promise<BorgCapabilities> | undefined;

/** The capability table of TEST_BORG (borg 1.2's when it cannot be asked), which every sandbox context carries. */
export function testBorgCapabilities(): Promise<BorgCapabilities> {
  // A test that needs this borg says why it is skipped; the others never run it.
  testBorgTable ??= capabilitiesOfBorg(TEST_BORG);
  return testBorgTable;
}

/** Creates the sandbox and sets process.env.BORG_BASE_DIR (restored by cleanup). */
export async function createSandbox(): Promise<BorgSandbox> {
  const capabilities = await testBorgCapabilities();
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-borg-'));
  const previousBase = process.env.BORG_BASE_DIR;
  let bases = 0;
  const useFreshBaseDir = async (): Promise<void> => {
    const base = path.join(dir, `base-${bases++}`);
    await mkdir(base, { recursive: true });
    process.env.BORG_BASE_DIR = base;
  };
  await useFreshBaseDir();
  return {
    dir,
    path: (...parts) => path.join(dir, ...parts),
    ctx: (extra = {}) => ({ borgPath: TEST_BORG, capabilities, ...extra }),
    useFreshBaseDir,
    async writeRandomFile(file, megabytes) {
      await mkdir(path.dirname(file), { recursive: true });
      const handle = await open(file, 'w');
      try {
        for (let i = 0; i < megabytes; i++) await handle.write(randomBytes(1024 * 1024));
      } finally {
        await handle.close();
      }
    },
    async writeText(file, text) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    },
    async cleanup() {
      if (previousBase === undefined) delete process.env.BORG_BASE_DIR;
      else process.env.BORG_BASE_DIR = previousBase;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
