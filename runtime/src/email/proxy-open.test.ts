import { describe, expect, it } from 'vitest';
import { isProxyOpen } from './proxy-open.ts';

describe('isProxyOpen', () => {
  it('marks Apple Mail Privacy Protection and the Gmail and Yahoo image proxies', () => {
    expect(isProxyOpen('Mozilla/5.0', '203.0.113.9')).toBe(true);
    expect(isProxyOpen('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15', '17.58.0.10')).toBe(true);
    expect(isProxyOpen('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15', '::ffff:17.58.0.10')).toBe(true);
    expect(
      isProxyOpen(
        'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
        undefined,
      ),
    ).toBe(true);
    expect(
      isProxyOpen('YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html', undefined),
    ).toBe(true);
  });

  it('counts a mail program fetching the image itself as a person', () => {
    expect(
      isProxyOpen('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko)', '198.51.100.7'),
    ).toBe(false);
    expect(isProxyOpen('Thunderbird/128.0', '2001:db8::1')).toBe(false);
    expect(isProxyOpen(undefined, undefined)).toBe(false);
  });
});
