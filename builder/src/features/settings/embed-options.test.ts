import { describe, expect, it } from 'vitest';
import { readEmbedOptions, withEmbedOptions } from './embed-options.ts';

const bare = '<script src="http://h/webchat.js" data-key="w1" async></script>';

describe('embed options', () => {
  it('adds attributes the tag lacks before async, and reads them back', () => {
    const options = { color: '#abc', title: 'Help & <Sales>', greeting: '', lang: 'en' } as const;
    const code = withEmbedOptions(bare, options);
    expect(code).toBe(
      '<script src="http://h/webchat.js" data-key="w1" data-color="#abc" data-title="Help &amp; &lt;Sales&gt;" data-greeting="" data-lang="en" async></script>',
    );
    expect(readEmbedOptions(code)).toEqual(options);
  });

  it('falls back to the widget’s defaults for a tag with none', () => {
    expect(readEmbedOptions(bare)).toEqual({ color: '#0b5cad', title: 'Chat', greeting: '', lang: '' });
  });
});
