import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableJson, jsonTextDepth, storableJson } from './storable-json.ts';

describe('storable JSON', () => {
  it('counts nesting on the text, not brackets inside strings', () => {
    expect(jsonTextDepth('{"a":[1,{"b":2}]}', 64)).toBe(3);
    expect(jsonTextDepth('{"a":"[[[[\\"[[[["}', 64)).toBe(1);
    expect(jsonTextDepth('1', 64)).toBe(0);
  });

  it('stops counting just past the limit, so a very deep text costs no more', () => {
    expect(jsonTextDepth('['.repeat(1_000_000), 64)).toBe(65);
  });

  it('names the path of the first NUL or lone surrogate, keys included', () => {
    expect(
      findUnstorableText({ nodes: [{ config: { text: 'ok' } }, { config: { text: 'a\u0000' } }] }),
    ).toEqual({
      path: 'nodes.1.config.text',
      reason: 'contains a NUL character (\\u0000)',
    });
    expect(findUnstorableText({ a: { 'k\u0000': 1 } })?.path).toBe('a.k\\u0000');
    expect(findUnstorableText(['\ud800'])?.reason).toContain('lone UTF-16 surrogate');
    expect(findUnstorableText({ emoji: '\ud83d\ude00' })).toBeUndefined();
  });

  it('cuts levels past the limit and cleans text, leaving storable values alone', () => {
    const deep = JSON.parse('{"a":'.repeat(10) + '1' + '}'.repeat(10)) as unknown;
    expect(isStorableJson(deep, 10)).toBe(true);
    expect(isStorableJson(deep, 9)).toBe(false);
    const cut = storableJson({ deep, text: 'a\u0000b\udc00' }, 9);
    expect(cut).toMatchObject({ cut: true, cleaned: true });
    expect(JSON.stringify(cut.value)).toContain('[not recorded: nested deeper than 9 levels]');
    expect(cut.value).toMatchObject({ text: 'a\uFFFDb\uFFFD' });
    expect(storableJson({ ok: ['x'] })).toEqual({ value: { ok: ['x'] }, cut: false, cleaned: false });
  });
});
