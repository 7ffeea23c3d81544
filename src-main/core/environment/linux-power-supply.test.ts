import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLinuxOnBattery } from './linux-power-supply.js';

let root: string;

/** Writes one power supply the way the kernel lists it: a folder of one-line attribute files. */
async function supply(name: string, attributes: Record<string, string>): Promise<void> {
  const dir = path.join(root, name);
  await fs.mkdir(dir, { recursive: true });
  for (const [file, value] of Object.entries(attributes))
    await fs.writeFile(path.join(dir, file), `${value}\n`);
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-power-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('readLinuxOnBattery', () => {
  it('is unknown when the folder does not exist', async () => {
    expect(await readLinuxOnBattery(path.join(root, 'missing'))).toBeUndefined();
  });

  it('says mains power for a machine without a battery', async () => {
    expect(await readLinuxOnBattery(root)).toBe(false);
    await supply('hidpp_battery_0', { type: 'Battery', scope: 'Device', status: 'Discharging' });
    expect(await readLinuxOnBattery(root)).toBe(false);
  });

  it('follows the adapter of a laptop', async () => {
    await supply('BAT0', { type: 'Battery', present: '1', status: 'Discharging', scope: 'System' });
    await supply('AC', { type: 'Mains', online: '0' });
    expect(await readLinuxOnBattery(root)).toBe(true);
    await supply('AC', { type: 'Mains', online: '1' });
    expect(await readLinuxOnBattery(root)).toBe(false);
  });

  it('counts a USB-C charger as mains power', async () => {
    await supply('BAT1', { type: 'Battery', status: 'Charging' });
    await supply('AC', { type: 'Mains', online: '0' });
    await supply('ucsi-source-psy-USBC000:001', { type: 'USB', online: '1' });
    expect(await readLinuxOnBattery(root)).toBe(false);
  });

  it('ignores a battery bay that is empty', async () => {
    await supply('BAT0', { type: 'Battery', present: '0', status: 'Unknown' });
    await supply('AC', { type: 'Mains', online: '0' });
    expect(await readLinuxOnBattery(root)).toBe(false);
  });

  it('falls back to the battery status when no adapter is listed', async () => {
    await supply('BAT0', { type: 'Battery', status: 'Discharging' });
    expect(await readLinuxOnBattery(root)).toBe(true);
    await supply('BAT0', { type: 'Battery', status: 'Not charging' });
    expect(await readLinuxOnBattery(root)).toBe(false);
    await supply('BAT0', { type: 'Battery', status: 'Unknown' });
    expect(await readLinuxOnBattery(root)).toBeUndefined();
  });
});
