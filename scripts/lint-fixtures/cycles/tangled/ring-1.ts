// ring-1 → ring-2 → ring-3 → ring-1, through a re-export and a dynamic import.
export * from './ring-2.js';
