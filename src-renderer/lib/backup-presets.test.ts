import { describe, expect, it } from 'vitest';
import { loadPreset, parsePatterns, savePreset } from './backup-presets.js';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('backup presets', () => {
  it('round-trips a preset per repository', () => {
    const storage = memoryStorage();
    savePreset(
      'r1',
      { sourcePaths: ['/home/ann'], excludeCaches: false, excludePatterns: ['*.tmp'], compression: 'zstd,3' },
      storage,
    );
    expect(loadPreset('r1', storage)).toEqual({
      sourcePaths: ['/home/ann'],
      excludeCaches: false,
      excludePatterns: ['*.tmp'],
      compression: 'zstd,3',
    });
    expect(loadPreset('r2', storage)).toBeUndefined();
  });

  it('ignores malformed data', () => {
    const storage = memoryStorage();
    storage.setItem('borgdesk.backup-preset.r1', '{"sourcePaths": 5}');
    expect(loadPreset('r1', storage)).toBeUndefined();
    storage.setItem('borgdesk.backup-preset.r1', 'not json');
    expect(loadPreset('r1', storage)).toBeUndefined();
  });

  it('parses one pattern per line without blanks or comments', () => {
    expect(parsePatterns('  /home/ann/.cache \n\n# note\n*.iso\r\n')).toEqual(['/home/ann/.cache', '*.iso']);
  });
});
