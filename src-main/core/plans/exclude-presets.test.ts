import { describe, expect, it } from 'vitest';
import {
  EXCLUDE_PRESETS,
  exclusionFlagArgs,
  expandPreset,
  expandPresets,
} from '../../model/exclude-presets.js';
import { checkPatternRules } from '../../model/pattern-rules.js';
import { testPath } from './patterns.js';

const linux = { homeDir: '/home/ann', platform: 'linux' };
const mac = { homeDir: '/Users/ann/', platform: 'darwin' };

describe('exclude presets', () => {
  it('lists the exact patterns each preset adds, expanded for the home folder and platform', () => {
    expect(expandPreset('caches-trash', linux)).toEqual([
      'pp:/home/ann/.cache',
      'pp:/home/ann/.local/share/Trash',
      'pp:/home/ann/.thumbnails',
      'sh:**/.Trash-*',
      'pp:/home/ann/.config/borg/security',
    ]);
    expect(expandPreset('caches-trash', mac)).toEqual([
      'pp:/Users/ann/Library/Caches',
      'pp:/Users/ann/.Trash',
      'pp:/Users/ann/.config/borg/security',
    ]);
    expect(expandPreset('node-modules', linux)).toEqual(['sh:**/node_modules']);
    expect(expandPreset('build-outputs', mac)).toEqual([
      'sh:**/target',
      'sh:**/dist',
      'sh:**/build',
      'sh:**/__pycache__',
      'sh:**/.gradle',
    ]);
    expect(expandPreset('vm-images', linux)).toContain('pp:/home/ann/VirtualBox VMs');
    expect(expandPreset('vm-images', linux)).toContain('pp:/home/ann/.local/share/gnome-boxes/images');
    expect(expandPreset('vm-images', mac)).not.toContain('pp:/Users/ann/.local/share/gnome-boxes/images');
  });

  it('treats unknown platforms like Linux and de-duplicates across presets', () => {
    expect(expandPreset('caches-trash', { homeDir: '/home/b', platform: 'freebsd' })[0]).toBe(
      'pp:/home/b/.cache',
    );
    const all = expandPresets(['vm-images', 'node-modules', 'node-modules'], linux);
    expect(all[0]).toBe('sh:**/node_modules');
    expect(new Set(all).size).toBe(all.length);
  });

  it('produces only valid patterns that exclude what they promise, and nothing nearby', () => {
    const excludes = expandPresets(
      EXCLUDE_PRESETS.map((p) => p.id),
      { homeDir: '/home/a [x]', platform: 'linux' },
    );
    expect(checkPatternRules({ excludes, patterns: [] })).toEqual([]);
    const rules = { excludes, patterns: [] };
    for (const p of [
      '/home/a [x]/.cache/mozilla/x',
      '/home/a [x]/.local/share/Trash/files/old.txt',
      '/home/a [x]/src/app/node_modules/react/index.js',
      '/home/a [x]/src/rust/target/debug/app',
      '/home/a [x]/py/pkg/__pycache__/m.pyc',
      '/home/a [x]/VirtualBox VMs/win/win.vdi',
      '/home/a [x]/images/disk.qcow2',
      '/media/usb/.Trash-1000/files/x',
    ]) {
      expect(testPath(p, rules).excluded, p).toBe(true);
    }
    for (const p of [
      '/home/a [x]/.cachet',
      '/home/a [x]/src/targets/x',
      '/home/a [x]/notes/build.md',
      '/home/a [x]/disk.qcow2.txt',
    ]) {
      expect(testPath(p, rules).excluded, p).toBe(false);
    }
  });

  it('turns the plan flags into borg create options', () => {
    expect(
      exclusionFlagArgs({
        excludeCaches: true,
        excludeIfPresent: ['.nobackup', ' ', 'NOBACKUP'],
        oneFileSystem: true,
      }),
    ).toEqual([
      '--exclude-caches',
      '--exclude-if-present',
      '.nobackup',
      '--exclude-if-present',
      'NOBACKUP',
      '--one-file-system',
    ]);
    expect(exclusionFlagArgs({ excludeCaches: false, excludeIfPresent: [], oneFileSystem: false })).toEqual(
      [],
    );
  });
});
