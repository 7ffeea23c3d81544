/**
 * Borg runs that are not jobs — init, rename, comment, the key commands, break-lock, mount and
 * unmount — through createCore with the real /usr/bin/borg: each leaves a history entry whose log
 * starts with the command line a user could paste, and no log holds a passphrase.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../model/history.js';
import { useRealBorgCore } from '../test-support/real-borg-core.js';
import { plainBackup } from '../test-support/test-core.js';

const PASSPHRASE = 'operation log passphrase 31';
const NEW_PASSPHRASE = 'the next passphrase 47';
const t = useRealBorgCore('borgdesk-operation-log-', async (root) => {
  await fs.mkdir(path.join(root, 'src'));
  await fs.writeFile(path.join(root, 'src', 'note.txt'), 'kept\n');
});

/** The newest history entry of `kind`, and its log lines. */
async function latest(kind: HistoryEntry['kind']): Promise<{ entry: HistoryEntry; lines: string[] }> {
  const { entries } = await t.core.handlers['history:list']({ limit: 100 });
  const entry = entries.find((e) => e.kind === kind);
  if (entry === undefined) throw new Error(`no ${kind} entry in the history`);
  const lines = (await t.core.handlers['history:log']({ id: entry.id })).map((l) => l.message);
  for (const line of lines) {
    expect(line).not.toContain(PASSPHRASE);
    expect(line).not.toContain(NEW_PASSPHRASE);
  }
  return { entry, lines };
}

describe('borg runs that are not jobs', () => {
  it('records each with its command line first', async () => {
    const { core } = t;
    const location = path.join(t.root, 'repo');
    const created = await core.handlers['repos:create']({
      ...{ name: 'Papers', location, encryption: 'keyfile-blake2' },
      passphrase: PASSPHRASE,
    });
    const init = await latest('init');
    expect(init.entry).toMatchObject({ status: 'succeeded', repoName: 'Papers', title: 'Create Papers' });
    expect(init.lines[0]).toBe(`Running: borg init --encryption=keyfile-blake2 -- ${location}`);
    // Borg's own words follow (here its advice to export the key), then the outcome.
    expect(init.lines.some((l) => l.includes('you will need both KEY AND PASSPHRASE'))).toBe(true);
    expect(init.lines.at(-1)).toBe('Done.');

    const backup = (
      await core.handlers['jobs:start-backup'](plainBackup(created.id, path.join(t.root, 'src'), 'first'))
    ).jobId;
    expect((await t.finished(backup)).status).toBe('succeeded');
    const repoId = created.id;

    await core.handlers['archives:rename']({ repoId, archiveName: 'first', newName: 'first letters' });
    expect((await latest('rename')).lines[0]).toBe(
      `Running: borg rename -- ${location}::first 'first letters'`,
    );

    await core.handlers['archives:set-comment']({
      repoId,
      archiveName: 'first letters',
      comment: "Mum's letters",
    });
    expect((await latest('comment')).lines[0]).toBe(
      `Running: borg recreate '--comment=Mum'\\''s letters' -- '${location}::first letters'`,
    );

    const exported = await core.handlers['keys:export']({ repoId, format: 'file' });
    expect((await latest('key-export')).lines[0]).toBe(`Running: borg key export -- ${location}`);
    await core.handlers['keys:import']({ repoId, source: { kind: 'file', text: exported.content } });
    expect((await latest('key-import')).lines[0]).toBe(`Running: borg key import -- ${location} -`);

    await core.handlers['keys:change-passphrase']({ repoId, newPassphrase: NEW_PASSPHRASE });
    const changed = await latest('change-passphrase');
    // Borg's dialog on stdin echoes its prompts into the log; the passphrases themselves never appear.
    expect(changed.lines[0]).toBe(`Running: borg key change-passphrase -- ${location}`);
    expect(changed.lines.at(-1)).toBe('Done.');
    expect(changed.entry.status).toBe('succeeded');

    await core.handlers['locks:break']({ repoId, confirmedNoOtherBorg: true });
    expect((await latest('break-lock')).lines[0]).toBe(`Running: borg break-lock -- ${location}`);
  }, 180_000);

  it('records a failed run with its command line and what went wrong', async () => {
    const { core } = t;
    const location = path.join(t.root, 'repo');
    await expect(
      core.handlers['repos:create']({
        name: 'Twice',
        location: path.join(location, 'data'),
        encryption: 'none',
      }),
    ).rejects.toBeDefined();
    const init = await latest('init');
    expect(init.entry).toMatchObject({ status: 'failed', repoId: '', repoName: 'Twice' });
    expect(init.lines[0]).toBe(`Running: borg init --encryption=none -- ${path.join(location, 'data')}`);
    expect(init.lines.at(-1)).toBe(
      init.entry.error?.remedy === undefined
        ? init.entry.error?.message
        : `${init.entry.error.message} ${init.entry.error.remedy}`,
    );
  });

  it('records a mount and its unmount, where this computer can mount', async (ctx) => {
    const { core } = t;
    const status = await core.handlers['mount:status']({});
    if (!status.available) {
      console.log(`Skipping the mount record test: ${status.reason ?? 'FUSE is not available'}`);
      ctx.skip();
    }
    const repo = (await core.handlers['repos:list']({})).find((r) => r.name === 'Papers');
    const repoId = repo?.id ?? '';
    const { mountPoint } = await core.handlers['mount:mount']({ repoId, archiveName: 'first letters' });
    expect((await latest('mount')).lines[0]).toBe(
      `Running: borg mount -- '${repo?.location}::first letters' ${mountPoint}`,
    );
    await core.handlers['mount:unmount']({ mountPoint });
    expect((await latest('unmount')).lines).toEqual([`Running: borg umount -- ${mountPoint}`, 'Done.']);
  });
});
