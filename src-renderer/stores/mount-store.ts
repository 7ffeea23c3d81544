/**
 * Mounts: whether `borg mount` works on this computer (and why not), and what is mounted now.
 * Loaded on first use; `mount:changed` events keep it current.
 */
import { create } from 'zustand';
import type { Mount, MountStatus } from '../../src-main/model/restore.js';
import { getApi } from '../api/select-client.js';

/** Mount state and its actions. */
export interface MountStoreState {
  readonly status?: MountStatus;
  /** Loads `mount:status` once (later changes arrive as events). */
  ensureLoaded(): Promise<void>;
  setStatus(status: MountStatus): void;
  /** Mounts an archive, or the whole repository when `archiveName` is omitted. */
  mount(repoId: string, archiveName?: string, archiveId?: string): Promise<Mount>;
  /** Unmounts; `lazy` detaches a busy mount anyway and ends its borg (MountBusy otherwise). */
  unmount(mountPoint: string, options?: { lazy?: boolean }): Promise<void>;
}

let loading: Promise<void> | undefined;

/** The mount store. */
export const useMountStore = create<MountStoreState>()((set, get) => ({
  ensureLoaded() {
    loading ??= getApi()
      .invoke('mount:status', {})
      .then(
        (status) => set({ status }),
        () => {
          // Unknown means "not offered"; a later call may try again.
          loading = undefined;
        },
      );
    return loading;
  },
  setStatus(status) {
    set({ status });
  },
  async mount(repoId, archiveName, archiveId) {
    const mount = await getApi().invoke('mount:mount', {
      repoId,
      ...(archiveName ? { archiveName } : {}),
      ...(archiveName && archiveId ? { archiveId } : {}),
    });
    const status = get().status;
    // The event follows; recording the mount now keeps the button from flickering back.
    if (status && !status.mounts.some((m) => m.mountPoint === mount.mountPoint)) {
      set({ status: { ...status, mounts: [...status.mounts, mount] } });
    }
    return mount;
  },
  async unmount(mountPoint, options) {
    const lazy = options?.lazy === true ? { lazy: true } : {};
    set({ status: await getApi().invoke('mount:unmount', { mountPoint, ...lazy }) });
  },
}));

/** Mounts an ended Borgdesk run left behind (of one repository, when `repoId` is given). */
export function leftoverMounts(status: MountStatus | undefined, repoId?: string): Mount[] {
  return (status?.mounts ?? []).filter(
    (m) => m.leftover === true && (repoId === undefined || m.repoId === repoId),
  );
}

/** The mount of a repository (`archiveName` undefined) or of one archive, if any. */
export function findMount(
  status: MountStatus | undefined,
  repoId: string,
  archiveName?: string,
): Mount | undefined {
  return status?.mounts.find((m) => m.repoId === repoId && m.archiveName === archiveName);
}
