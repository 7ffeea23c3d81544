import { load } from './ring-1.js';

export const again = load;
