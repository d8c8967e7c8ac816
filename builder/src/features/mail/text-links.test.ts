import { describe, expect, it } from 'vitest';
import { textLinks } from './text-links.ts';

describe('textLinks', () => {
  it('finds the links in a mail’s text, leaving trailing punctuation as text', () => {
    expect(textLinks('Mira https://a.example/t?x=1. Y (https://b.example/u).')).toEqual([
      { kind: 'text', text: 'Mira ' },
      { kind: 'link', url: 'https://a.example/t?x=1' },
      { kind: 'text', text: '. Y (' },
      { kind: 'link', url: 'https://b.example/u' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('leaves text without links whole, and javascript: is never a link', () => {
    expect(textLinks('javascript:alert(1) hola')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) hola' },
    ]);
    expect(textLinks('')).toEqual([]);
  });
});
