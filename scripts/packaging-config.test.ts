/**
 * The packaging configuration (electron-builder.yml + package.json) checked with electron-builder's own
 * validation against its configuration schema (app-builder-lib/scheme.json), so a misspelled or
 * misplaced option fails here instead of at release time — plus what the Linux packages need.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Config = Record<string, unknown>;
interface ConfigModule {
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
}

// electron-builder runs exactly this function on the merged configuration before it builds anything.
const { validateConfiguration } = createRequire(import.meta.url)(
  'app-builder-lib/out/util/config/config.js',
) as ConfigModule;
const validate = (config: Config) =>
  validateConfiguration(config, { isEnabled: false, add: () => undefined });

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Config;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  homepage?: string;
  author?: { name?: string; email?: string };
  dependencies?: Record<string, string>;
};

describe('packaging configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('fails validation for a misspelled option (so the check above can fail)', async () => {
    await expect(validate({ ...config, linx: { target: ['deb'] } })).rejects.toThrow(/linx/);
    await expect(validate({ ...config, deb: { dependz: ['borgbackup'] } })).rejects.toThrow(
      /configuration\.deb/,
    );
  });

  it('builds AppImage, deb and rpm, a dmg for both Mac architectures and an NSIS installer', () => {
    expect((config['linux'] as { target: string[] }).target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config['mac']).toMatchObject({ target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] });
    expect(config['win']).toMatchObject({ target: 'nsis' });
  });

  it('makes the Linux packages depend on borg and suggest FUSE for mounting', () => {
    const deb = config['deb'] as { depends: string[]; fpm: string[] };
    const rpm = config['rpm'] as { depends: string[]; fpm: string[] };
    expect(deb.depends).toContain('borgbackup');
    // Setting depends replaces electron-builder's list: what Electron itself needs must still be there.
    expect(deb.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0']));
    expect(deb.fpm.join(' ')).toBe('--deb-suggests fuse3');
    expect(rpm.depends).toEqual(expect.arrayContaining(['borgbackup', 'gtk3', 'nss']));
  });

  it("flips Electron's fuses: no running as Node, no inspector, only the app's own asar", () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('gives package.json what Linux packages require: a homepage and an author with e-mail', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('ships no node_modules: everything the app runs is bundled into dist/, so nothing is a runtime dependency', () => {
    // electron-builder copies every production dependency next to the bundle that already contains it.
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    expect(config['files']).toEqual(['dist/**', 'package.json', '!dist/**/*.map']);
  });
});
