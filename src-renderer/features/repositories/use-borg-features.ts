/** What the borg in use lets the screens offer (app:status borg.features); undefined until known. */
import type { BorgFeatures } from '../../../src-main/model/app.js';
import { useAppStore } from '../../stores/app-store.js';

/** The borg's features, or undefined while the status loads or when no usable borg was found. */
export function useBorgFeatures(): BorgFeatures | undefined {
  return useAppStore((s) => (s.status?.borg.state === 'ok' ? s.status.borg.features : undefined));
}

/** The first 8 hex digits of an archive id, as borg prints it in short listings. */
export function shortArchiveId(id: string): string {
  return id.slice(0, 8);
}
