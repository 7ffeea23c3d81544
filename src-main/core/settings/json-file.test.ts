import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { JsonFile, readJsonFile, writeJsonAtomic } from './json-file.js';
import { log as coreLog } from '../logging/log.js';

const schema = z.object({ version: z.literal(1), name: z.string() });
const defaults = () => ({ version: 1 as const, name: 'default' });

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-json-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeJsonAtomic', () => {
  it('writes the value, creates the folder, and leaves no temp files', async () => {
    const file = path.join(dir, 'nested', 'a.json');
    await writeJsonAtomic(file, { version: 1, name: 'x' });
    await writeJsonAtomic(file, { version: 1, name: 'y' });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ version: 1, name: 'y' });
    expect(await fs.readdir(path.dirname(file))).toEqual(['a.json']);
  });

  it('writes files readable only by the owner', async () => {
    const file = path.join(dir, 'a.json');
    await writeJsonAtomic(file, { version: 1, name: 'x' });
    expect((await fs.stat(file)).mode & 0o077).toBe(0);
  });
});

describe('readJsonFile', () => {
  it('returns defaults for a missing file without creating anything', async () => {
    const outcome = await readJsonFile(path.join(dir, 'none.json'), schema, defaults);
    expect(outcome).toEqual({ kind: 'missing', value: defaults() });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('loads a valid file', async () => {
    const file = path.join(dir, 'a.json');
    await writeJsonAtomic(file, { version: 1, name: 'kept' });
    expect((await readJsonFile(file, schema, defaults)).value.name).toBe('kept');
  });

  it('moves an unparsable file aside and falls back to defaults', async () => {
    const file = path.join(dir, 'a.json');
    await fs.writeFile(file, '{"version": 1, "name": ');
    const outcome = await readJsonFile(file, schema, defaults, () => Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(outcome.kind).toBe('corrupt');
    expect(outcome.value).toEqual(defaults());
    expect(await fs.readdir(dir)).toEqual(['a.json.corrupt-2024-01-02T03-04-05-000Z']);
  });

  it('treats a file that fails validation as corrupt', async () => {
    const file = path.join(dir, 'a.json');
    await fs.writeFile(file, JSON.stringify({ version: 1, name: 42 }));
    const outcome = await readJsonFile(file, schema, defaults);
    expect(outcome.kind).toBe('corrupt');
    if (outcome.kind === 'corrupt') expect(outcome.reason).toContain('name');
  });
});

describe('JsonFile', () => {
  it('applies concurrent writes in call order', async () => {
    const jf = new JsonFile(path.join(dir, 'a.json'), schema, defaults);
    await Promise.all(Array.from({ length: 20 }, (_, i) => jf.write({ version: 1, name: `n${i}` })));
    expect((await jf.read()).name).toBe('n19');
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  it('recovers from a corrupt file on read and logs it', async () => {
    const warn = vi.spyOn(coreLog, 'warn').mockImplementation(() => undefined);
    const file = path.join(dir, 'a.json');
    await fs.writeFile(file, 'not json');
    const jf = new JsonFile(file, schema, defaults);
    expect(await jf.read()).toEqual(defaults());
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
