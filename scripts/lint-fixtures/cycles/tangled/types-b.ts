import { type A } from './types-a.js';

export interface B {
  readonly a?: A;
}
