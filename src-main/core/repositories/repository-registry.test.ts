import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RepositoryRegistry } from './repository-registry.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-registry-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const repo = { name: 'Laptop', location: '/srv/repo', needsPassphrase: true };

describe('RepositoryRegistry', () => {
  it('adds, updates and removes repositories and persists each change', async () => {
    const registry = await RepositoryRegistry.open(dir);
    const added = await registry.add(repo);
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    await registry.update(added.id, { lastBackupAt: '2024-01-01T00:00:00.000Z' });
    const reopened = await RepositoryRegistry.open(dir);
    expect(reopened.get(added.id)).toMatchObject({ ...repo, lastBackupAt: '2024-01-01T00:00:00.000Z' });
    expect(reopened.findByLocation('/srv/repo')?.id).toBe(added.id);
    expect(await reopened.remove(added.id)).toBe(true);
    expect(await reopened.remove(added.id)).toBe(false);
    expect((await RepositoryRegistry.open(dir)).list()).toEqual([]);
  });

  it('loads an older file that kept consents to borg questions, and drops them on the next save', async () => {
    const old = { id: 'r1', ...repo, consentedPrompts: ['BORG_RELOCATED_REPO_ACCESS_IS_OK'] };
    const file = path.join(dir, 'repositories.json');
    await fs.writeFile(file, JSON.stringify({ version: 1, repositories: [old] }));
    const registry = await RepositoryRegistry.open(dir);
    expect(registry.get('r1')).toMatchObject(repo);
    await registry.update('r1', { name: 'Laptop 2' });
    expect(await fs.readFile(file, 'utf8')).not.toContain('consentedPrompts');
  });

  it('writes a versioned file and never stores fields outside its schema', async () => {
    const registry = await RepositoryRegistry.open(dir);
    await registry.add({ ...repo, passphrase: 'hunter2' } as typeof repo);
    const text = await fs.readFile(path.join(dir, 'repositories.json'), 'utf8');
    expect(JSON.parse(text).version).toBe(1);
    expect(text).not.toContain('hunter2');
  });

  it('drops unknown keys from a hand-edited file', async () => {
    await fs.writeFile(
      path.join(dir, 'repositories.json'),
      JSON.stringify({ repositories: [{ id: 'a', ...repo, passphrase: 'hunter2' }] }),
    );
    const registry = await RepositoryRegistry.open(dir);
    expect(registry.get('a')).not.toHaveProperty('passphrase');
    await registry.update('a', { name: 'Renamed' });
    expect(await fs.readFile(path.join(dir, 'repositories.json'), 'utf8')).not.toContain('hunter2');
  });

  it('keeps the repositories that validate when one entry does not', async () => {
    await fs.writeFile(
      path.join(dir, 'repositories.json'),
      JSON.stringify({
        version: 1,
        repositories: [
          { id: 'a', ...repo },
          { id: 'b', name: 'NAS' },
        ],
      }),
    );
    const registry = await RepositoryRegistry.open(dir);
    expect(registry.list().map((r) => r.id)).toEqual(['a']);
    expect((await fs.readdir(dir)).filter((n) => n.startsWith('repositories.json.set-aside-'))).toHaveLength(
      1,
    );
  });

  it('keeps a repository’s SSH key, and sets aside only the entry whose key is not a path', async () => {
    await fs.writeFile(
      path.join(dir, 'repositories.json'),
      JSON.stringify({
        version: 1,
        repositories: [
          { id: 'a', ...repo, location: 'ssh://nas/srv/a', sshKey: '/home/me/.ssh/id_ed25519' },
          { id: 'b', ...repo, location: 'ssh://nas/srv/b', sshKey: 42 },
          { id: 'c', ...repo, location: 'ssh://nas/srv/c' },
        ],
      }),
    );
    const registry = await RepositoryRegistry.open(dir);
    expect(registry.list().map((r) => [r.id, r.sshKey])).toEqual([
      ['a', '/home/me/.ssh/id_ed25519'],
      ['c', undefined],
    ]);
    await registry.update('c', { sshKey: '/keys/borgdesk_ed25519' });
    await registry.update('a', { sshKey: undefined });
    const reopened = await RepositoryRegistry.open(dir);
    expect(reopened.get('c')?.sshKey).toBe('/keys/borgdesk_ed25519');
    expect(reopened.get('a')).not.toHaveProperty('sshKey');
  });
});
