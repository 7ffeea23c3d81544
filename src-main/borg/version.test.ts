import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  borgCandidates,
  capabilitiesFor,
  installHints,
  locateBorg,
  parseBorgVersion,
  wellKnownBorgDirs,
} from './version.js';
import { writeShellProgram } from './test-programs.js';

describe('parseBorgVersion', () => {
  it.each([
    ['borg 1.2.4\n', { major: 1, minor: 2, patch: 4, pre: '', text: '1.2.4' }],
    ['borg 1.4.0', { major: 1, minor: 4, patch: 0, pre: '', text: '1.4.0' }],
    ['borg 2.0.0b14', { major: 2, minor: 0, patch: 0, pre: 'b14', text: '2.0.0b14' }],
    ['borg.exe 1.2.8', { major: 1, minor: 2, patch: 8, pre: '', text: '1.2.8' }],
    ['borg 1.1.18', { major: 1, minor: 1, patch: 18, pre: '', text: '1.1.18' }],
    ['borg2 2.0.0b5\n', { major: 2, minor: 0, patch: 0, pre: 'b5', text: '2.0.0b5' }],
  ])('reads %j', (output, expected) => {
    expect(parseBorgVersion(output)).toEqual(expected);
  });

  it.each(['', 'borg', 'python 3.11.2', 'version 1.2.4'])('rejects %j', (output) => {
    expect(parseBorgVersion(output)).toBeUndefined();
  });
});

describe('capabilitiesFor', () => {
  const caps = (text: string) => capabilitiesFor(parseBorgVersion(`borg ${text}`) ?? expect.unreachable());

  it('knows 1.2, 1.4 and 2.0 apart', () => {
    expect(caps('1.2.4')).toMatchObject({
      hasCompact: true,
      usesRepoCreate: false,
      archiveMatchFlag: '--glob-archives',
      hasModernExitCodes: false,
    });
    expect(caps('1.4.0')).toMatchObject({ usesRepoCreate: false, hasModernExitCodes: true });
    expect(caps('2.0.0b14')).toMatchObject({ usesRepoCreate: true, archiveMatchFlag: '--match-archives' });
    expect(caps('1.1.18').hasCompact).toBe(false);
  });
});

describe('borgCandidates', () => {
  it('tries the configured path, then borg in each PATH entry, then borg2', () => {
    const pathEnv = ['/opt/a', '', '/usr/bin'].join(path.delimiter);
    expect(borgCandidates(' /custom/borg ', pathEnv)).toEqual([
      '/custom/borg',
      path.join('/opt/a', 'borg'),
      path.join('/usr/bin', 'borg'),
      path.join('/opt/a', 'borg2'),
      path.join('/usr/bin', 'borg2'),
    ]);
    expect(borgCandidates('', undefined)).toEqual([]);
  });

  it('tries the well-known folders after PATH, each once, borg before borg2', () => {
    const pathEnv = ['/usr/bin', '/usr/local/bin'].join(path.delimiter);
    expect(borgCandidates('', pathEnv, ['/opt/homebrew/bin', '/usr/local/bin'])).toEqual([
      '/usr/bin/borg',
      '/usr/local/bin/borg',
      '/opt/homebrew/bin/borg',
      '/usr/bin/borg2',
      '/usr/local/bin/borg2',
      '/opt/homebrew/bin/borg2',
    ]);
  });
});

describe('wellKnownBorgDirs', () => {
  it('names Homebrew (both prefixes) and MacPorts on macOS, ~/.local/bin on Linux, nothing on Windows', () => {
    expect(wellKnownBorgDirs('darwin', '/Users/me')).toEqual([
      '/opt/homebrew/bin',
      '/usr/local/bin',
      '/opt/local/bin',
      '/Users/me/.local/bin',
    ]);
    expect(wellKnownBorgDirs('linux', '/home/me')).toEqual(['/usr/local/bin', '/home/me/.local/bin']);
    expect(wellKnownBorgDirs('win32', 'C:\\Users\\me')).toEqual([]);
  });
});

describe('locateBorg with stand-in programs', () => {
  let dir = '';
  const script = async (name: string, body: string): Promise<string> => {
    const sub = await mkdtemp(path.join(dir, 'bin-'));
    return writeShellProgram(path.join(sub, name), body);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-version-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports missing with every place it looked', async () => {
    const status = await locateBorg('/nowhere/borg', path.join(dir, 'empty'));
    expect(status).toEqual({
      state: 'missing',
      searched: ['/nowhere/borg', ...['borg', 'borg2'].map((n) => path.join(dir, 'empty', n))],
    });
  });

  it('drives a borg 2 from 2.0.0b10 on (named borg or borg2) and says what it offers', async () => {
    for (const name of ['borg', 'borg2']) {
      const borg2 = await script(name, `echo "${name} 2.0.0b19"`);
      const status = await locateBorg('', path.dirname(borg2));
      expect(status).toMatchObject({ state: 'ok', path: borg2, version: '2.0.0b19' });
      expect(status.state === 'ok' && status.features).toMatchObject({
        major: 2,
        softDelete: true,
        archiveSeries: true,
        tags: true,
        archiveSizes: false,
        migrateFromBorg1: true,
      });
      expect(status.state === 'ok' && status.features.encryptionModes[0]).toBe('repokey-aes-ocb');
    }
  });

  it('reports an early borg 2 beta (rcreate, rlist) as unsupported with the reason, never as ok', async () => {
    const borg2 = await script('borg2', 'echo "borg2 2.0.0b5"');
    const status = await locateBorg('', path.dirname(borg2));
    expect(status).toMatchObject({ state: 'unsupported', path: borg2, version: '2.0.0b5' });
    expect(status.state === 'unsupported' && status.reason).toMatch(/early borg 2 beta/);
  });

  it('reports a borg older than 1.2 as too old', async () => {
    const old = await script('borg', 'echo "borg 1.1.18"');
    expect(await locateBorg(old, undefined)).toEqual({
      state: 'too-old',
      version: '1.1.18',
      path: old,
      minimum: '1.2.0',
    });
  });

  it('reports a borg that fails to run as broken', async () => {
    const broken = await script('borg', 'echo "ImportError: no module named borg" >&2; exit 1');
    const status = await locateBorg(broken, undefined);
    expect(status).toEqual({
      state: 'broken',
      path: broken,
      detail: 'exit code 1: ImportError: no module named borg',
    });
  });

  it('falls back to PATH when the configured path does not exist', async () => {
    const good = await script('borg', 'echo "borg 1.4.0"');
    expect(await locateBorg('/nowhere/borg', path.dirname(good))).toEqual({
      state: 'ok',
      version: '1.4.0',
      path: good,
      features: expect.objectContaining({ major: 1, softDelete: false, archiveSizes: true }),
    });
  });

  it('finds a borg outside a Finder-style PATH in the folders it is given, and PATH’s first', async () => {
    // A stand-in Homebrew prefix holding the real borg, and a PATH without any borg on it.
    const homebrewBin = path.join(dir, 'homebrew', 'bin');
    await mkdir(homebrewBin, { recursive: true });
    await symlink('/usr/bin/borg', path.join(homebrewBin, 'borg'));
    const finderPath = path.join(dir, 'empty');
    expect(await locateBorg('', finderPath)).toMatchObject({ state: 'missing' });
    expect(await locateBorg('', finderPath, [homebrewBin])).toMatchObject({
      state: 'ok',
      version: '1.2.4',
      path: path.join(homebrewBin, 'borg'),
    });
    expect(await locateBorg('', '/usr/bin', [homebrewBin])).toMatchObject({ path: '/usr/bin/borg' });
  });

  it('finds the real borg on PATH', async () => {
    expect(await locateBorg('', '/usr/bin')).toEqual({
      state: 'ok',
      version: '1.2.4',
      path: '/usr/bin/borg',
      features: expect.objectContaining({
        major: 1,
        encryptionModes: expect.arrayContaining(['repokey-blake2']),
      }),
    });
  });
});

describe('installHints', () => {
  it('covers apt, dnf, brew and pip', () => {
    const commands = installHints().map((h) => h.command);
    expect(commands).toEqual(
      expect.arrayContaining(['sudo apt install borgbackup', 'sudo dnf install borgbackup']),
    );
    expect(commands.some((c) => c.startsWith('brew install borgbackup'))).toBe(true);
    expect(commands).toContain('pip install borgbackup');
  });
});
