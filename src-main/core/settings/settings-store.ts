/**
 * The user's settings, persisted as `configDir/settings.json` with a `version` field so later
 * releases can migrate old files instead of discarding them.
 */
import path from 'node:path';
import { z } from 'zod';
import { compressionSchema, settingsSchema, type Settings } from '../../ipc/contract.js';
import { JsonFile } from './json-file.js';

/** The settings a fresh install starts with. */
export const defaultSettings: Settings = {
  borgPath: '',
  defaultCompression: 'lz4',
  notificationLevel: 'problems',
  staleAfterDays: 3,
  startAtLogin: false,
};

const SETTINGS_VERSION = 1;

// Missing fields take their default so a file from an older release (or hand-edited) still loads.
const settingsFileSchema = z.preprocess(
  migrateSettingsFile,
  z.object({
    version: z.literal(SETTINGS_VERSION),
    borgPath: z.string().default(defaultSettings.borgPath),
    defaultCompression: compressionSchema.default(defaultSettings.defaultCompression),
    notificationLevel: settingsSchema.shape.notificationLevel.default(defaultSettings.notificationLevel),
    staleAfterDays: settingsSchema.shape.staleAfterDays.default(defaultSettings.staleAfterDays),
    startAtLogin: z.boolean().default(defaultSettings.startAtLogin),
  }),
);
type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Bring an older settings file up to the current version (version 0 = no version field). */
function migrateSettingsFile(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  if (record['version'] === undefined) return { ...record, version: SETTINGS_VERSION };
  return record;
}

/** Reads and updates settings; updates are persisted before the promise resolves. */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Promise<Settings>;
}

/** Load `settings.json` from `configDir` (defaults when missing or corrupt). */
export async function openSettingsStore(configDir: string): Promise<SettingsStore> {
  const file = new JsonFile<SettingsFile>(path.join(configDir, 'settings.json'), settingsFileSchema, () => ({
    version: SETTINGS_VERSION,
    ...defaultSettings,
  }));
  const loaded = await file.read();
  let current: Settings = {
    borgPath: loaded.borgPath,
    defaultCompression: loaded.defaultCompression,
    notificationLevel: loaded.notificationLevel,
    staleAfterDays: loaded.staleAfterDays,
    startAtLogin: loaded.startAtLogin,
  };
  return {
    get: () => current,
    async update(patch) {
      const next: Settings = {
        borgPath: patch.borgPath ?? current.borgPath,
        defaultCompression: patch.defaultCompression ?? current.defaultCompression,
        notificationLevel: patch.notificationLevel ?? current.notificationLevel,
        staleAfterDays: patch.staleAfterDays ?? current.staleAfterDays,
        startAtLogin: patch.startAtLogin ?? current.startAtLogin,
      };
      await file.write({ version: SETTINGS_VERSION, ...next });
      current = next;
      return current;
    },
  };
}
