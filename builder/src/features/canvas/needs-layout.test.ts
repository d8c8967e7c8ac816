import { describe, expect, it } from 'vitest';
import { needsLayout } from './needs-layout.ts';

const at = (x: number, y: number) => ({ position: { x, y } });

describe('needsLayout', () => {
  it('lays out a flow whose nodes all sit on one spot', () => {
    expect(needsLayout({ nodes: [at(0, 0), at(0, 0), at(0, 0)] })).toBe(true);
  });
  it('leaves drawn flows, single nodes and nothing alone', () => {
    expect(needsLayout({ nodes: [at(0, 0), at(300, 0)] })).toBe(false);
    expect(needsLayout({ nodes: [at(0, 0)] })).toBe(false);
    expect(needsLayout({ nodes: [] })).toBe(false);
    expect(needsLayout(null)).toBe(false);
  });
});
