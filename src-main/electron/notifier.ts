/** Desktop notifications through Electron's Notification, for the core's notification center. */
import { Notification } from 'electron';
import type { NoticeSink } from '../core/notifications/notification-center.js';

/** Options of the notifier. */
export interface NotifierOptions {
  /** Shown on Linux and Windows (macOS uses the app icon). */
  readonly icon?: string;
  /** Clicking a notification usually means "show me": the host opens the window. */
  readonly onClick?: () => void;
  readonly log: (line: string) => void;
}

/** A notice sink that shows native notifications, or logs once and stays silent where unsupported. */
export function createElectronNotifier(
  options: NotifierOptions,
): NoticeSink & { readonly supported: boolean } {
  const supported = Notification.isSupported();
  // Held until closed: a notification collected by the GC loses its click handler.
  const live = new Set<Notification>();
  let warned = false;
  return {
    supported,
    notify(notice) {
      if (!supported) {
        if (!warned) options.log('this desktop does not support notifications');
        warned = true;
        return;
      }
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        urgency: notice.urgency,
        silent: notice.urgency === 'low',
        ...(options.icon !== undefined ? { icon: options.icon } : {}),
      });
      live.add(notification);
      notification.on('click', () => options.onClick?.());
      notification.on('close', () => live.delete(notification));
      notification.on('failed', () => live.delete(notification));
      notification.show();
    },
  };
}
