// types-a ↔ types-b through type-only imports: still a cycle, marked (type).
import type { B } from './types-b.js';

export interface A {
  readonly b?: B;
}
