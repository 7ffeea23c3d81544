// top → middle → bottom, and top → bottom: shared, but no way back.
import { middle } from './middle.js';
import { bottom } from './bottom.js';
import type { Shape } from './middle.js';

export const top: Shape = { name: middle + bottom };
