import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFolder } from './open-folder.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-open-'));
  await fs.writeFile(path.join(dir, 'run-me.sh'), '#!/bin/sh\n');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('openFolder', () => {
  it('opens existing folders only, and says so when the host has no file manager', async () => {
    const opened: string[] = [];
    const fileManager = { openPath: async (p: string) => (opened.push(p), true) };
    expect(await openFolder(dir, fileManager)).toEqual({ opened: true });
    await expect(openFolder(path.join(dir, 'run-me.sh'), fileManager)).rejects.toMatchObject({
      code: 'NotFound',
    });
    await expect(openFolder('relative', fileManager)).rejects.toMatchObject({ code: 'NotFound' });
    await expect(openFolder(path.join(dir, 'missing'), fileManager)).rejects.toMatchObject({
      code: 'NotFound',
    });
    expect(opened).toEqual([dir]);
    expect(await openFolder(dir, undefined)).toEqual({ opened: false });
  });
});
