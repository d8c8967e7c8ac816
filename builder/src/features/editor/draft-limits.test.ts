import { describe, expect, it } from 'vitest';
import { draftLimitIssues } from './draft-limits.ts';

describe('draft limits checked before saving', () => {
  it('reports a name over 200 characters and a description over 2000, with their lengths', () => {
    expect(draftLimitIssues({ name: 'x'.repeat(380), description: 'y'.repeat(2001) })).toEqual([
      expect.objectContaining({
        code: 'FLOW_FIELD_TOO_LONG',
        severity: 'error',
        params: { field: 'flow name', fieldEs: 'nombre del flujo', length: 380, max: 200 },
      }),
      expect.objectContaining({
        params: expect.objectContaining({ field: 'description', length: 2001 }) as unknown,
      }),
    ]);
  });

  it('passes a name of exactly 200 characters', () => {
    expect(draftLimitIssues({ name: 'x'.repeat(200), description: '' })).toEqual([]);
  });
});
