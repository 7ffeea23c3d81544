// a ↔ b: a runtime cycle.
import { b } from './b.js';
import { leaf } from './leaf.js';

export const a = (): string => b() + leaf;
