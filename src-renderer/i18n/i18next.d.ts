/** Types every `t()` key against the English catalogs: an unknown key or a missing namespace fails tsc. */
import 'i18next';
import type { enResources } from './resources.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof enResources;
  }
}
