import { describe, expect, it } from 'vitest';
import { formatTagList, parseTagList, tagValue } from './tag-list.ts';

describe('parseTagList (RFC 6376 §3.2, RFC 7489 §6.4)', () => {
  it('reads tags in order, trimming whitespace, allowing a trailing semicolon', () => {
    const parsed = parseTagList(' v=DKIM1 ;k=rsa;  p=MIIB AQAB ; ');
    expect(parsed).toEqual({
      ok: true,
      tags: [
        ['v', 'DKIM1'],
        ['k', 'rsa'],
        ['p', 'MIIB AQAB'],
      ],
    });
    expect(parsed.ok && tagValue(parsed.tags, 'k')).toBe('rsa');
  });

  it('refuses a tag given twice and a part that is not tag=value', () => {
    expect(parseTagList('v=DMARC1; p=none; p=reject')).toEqual({ ok: false, part: 'p=reject' });
    expect(parseTagList('v=DMARC1; reject')).toMatchObject({ ok: false });
    expect(parseTagList('v=DMARC1; =none')).toMatchObject({ ok: false });
  });

  it('lower-cases names when asked (DMARC), and writes a list back', () => {
    const parsed = parseTagList('V=DMARC1; P=reject', { lowerCaseNames: true });
    expect(parsed.ok && formatTagList(parsed.tags)).toBe('v=DMARC1; p=reject');
  });
});
