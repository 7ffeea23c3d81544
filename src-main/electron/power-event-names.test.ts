import { describe, expect, it } from 'vitest';
import { powerEventsFor } from './power-event-names.js';

describe('power source events', () => {
  it('listens only to what Electron fires on each platform', () => {
    expect(powerEventsFor('darwin')).toEqual(['on-battery', 'on-ac']);
    expect(powerEventsFor('win32')).toEqual(['on-ac']);
    expect(powerEventsFor('linux')).toEqual([]);
  });
});
