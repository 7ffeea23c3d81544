// borg knows borg only: its own modules and the model.
import { parseLogLine } from '../log-json.js';
import type { ArchiveSummary } from '../../model/archive.js';
import type { RepositoryStats } from '../../ipc/contract.js'; // ✗ paths
import { requestSchemas } from '../../ipc/contract.js'; // ✗ paths
import { AppError } from '../../core/app-error.js'; // ✗ paths
import type { Services } from '../../core/services.js'; // ✗ paths
import { listen } from '../../node/listen.js'; // ✗ paths
import { createTray } from '../../electron/tray.js'; // ✗ paths
import { app } from 'electron'; // ✗ packages

export type { ArchiveSummary, RepositoryStats, Services };
export const used = [parseLogLine, requestSchemas, AppError, listen, createTray, app];
export const searchPath = process.env.PATH; // ✗ host-read
export const onWindows = process.platform === 'win32'; // ✗ host-read
