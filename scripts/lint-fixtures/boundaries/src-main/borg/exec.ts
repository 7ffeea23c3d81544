// The spawn choke point builds the child's environment and process group from the process's own.
import { spawn } from 'node:child_process';
import { app } from 'electron'; // ✗ packages
import { AppError } from '../core/app-error.js'; // ✗ paths

export const childEnv = { ...process.env, LC_CTYPE: 'C.UTF-8' };
export const ownSession = process.platform !== 'win32';
export const used = [spawn, app, AppError];
