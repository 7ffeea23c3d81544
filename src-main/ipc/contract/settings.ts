/** The settings domain of the contract. */
import { settingsSchema } from '../../model/settings.js';
import { empty } from './shared.js';

/** Requests that read and change the settings. */
export const settingsRequests = {
  'settings:get': { params: empty, result: settingsSchema },
  'settings:update': { params: settingsSchema.partial(), result: settingsSchema },
} as const;
