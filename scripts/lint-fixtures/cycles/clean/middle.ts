import { bottom } from './bottom.js';

export interface Shape {
  readonly name: string;
}
export const middle = `middle of ${bottom}`;
