/**
 * "On battery?" on Linux, read from the kernel's power-supply class (/sys/class/power_supply): no
 * D-Bus, no helper process, and it works the same on every desktop environment.
 *
 * Each entry there has a `type`: adapters (Mains, USB and its variants) report `online`, batteries
 * report `present` and `status`. Batteries with `scope` Device belong to a mouse or headset and say
 * nothing about what powers the computer.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the kernel lists power supplies. */
export const POWER_SUPPLY_DIR = '/sys/class/power_supply';

interface Supply {
  readonly type: string;
  readonly online?: string;
  readonly present?: string;
  readonly status?: string;
  readonly scope?: string;
}

/**
 * True when the computer runs on battery, false when it is on mains power (or has no battery at
 * all), undefined when it cannot tell (no such directory: not Linux, or a container without /sys).
 */
export async function readLinuxOnBattery(root: string = POWER_SUPPLY_DIR): Promise<boolean | undefined> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return undefined;
  }
  const supplies = await Promise.all(names.map((name) => readSupply(path.join(root, name))));
  const adapters = supplies.filter((s) => s.type === 'Mains' || s.type.startsWith('USB'));
  const batteries = supplies.filter((s) => s.type === 'Battery' && s.scope !== 'Device' && s.present !== '0');
  if (adapters.some((a) => a.online === '1')) return false;
  if (batteries.length === 0) return false;
  // Adapters that all say offline are the clearest sign; some machines list none, so fall back to
  // the battery's own status (firmware reports "Not charging" or "Full" while plugged in).
  if (adapters.some((a) => a.online === '0')) return true;
  const statuses = batteries.map((b) => b.status);
  if (statuses.includes('Discharging')) return true;
  if (statuses.some((s) => s === 'Charging' || s === 'Full' || s === 'Not charging')) return false;
  return undefined;
}

async function readSupply(dir: string): Promise<Supply> {
  const [type, online, present, status, scope] = await Promise.all(
    ['type', 'online', 'present', 'status', 'scope'].map((file) => readValue(path.join(dir, file))),
  );
  return {
    type: type ?? '',
    ...(online !== undefined && { online }),
    ...(present !== undefined && { present }),
    ...(status !== undefined && { status }),
    ...(scope !== undefined && { scope }),
  };
}

// A missing attribute is normal (adapters have no `status`, older kernels no `scope`).
async function readValue(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}
