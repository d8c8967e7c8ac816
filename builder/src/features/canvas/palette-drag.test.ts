import { describe, expect, it } from 'vitest';
import { parseDragData, toDragData } from './palette-drag.ts';

describe('palette drag data', () => {
  it('round-trips type@version', () => {
    expect(parseDragData(toDragData({ type: 'logic.wait-for-event', version: 2 }))).toEqual({
      type: 'logic.wait-for-event',
      version: 2,
    });
  });

  it('ignores anything else dropped on the canvas', () => {
    for (const text of ['', 'logic.set', '@1', 'logic.set@', 'logic.set@x', 'logic.set@0', 'logic.set@1.5']) {
      expect(parseDragData(text), text).toBeUndefined();
    }
  });
});
