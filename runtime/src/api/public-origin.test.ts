import { describe, expect, it } from 'vitest';
import { publicOrigin, secureCookiesOf } from './public-origin.ts';

describe('the public origin and Secure cookies', () => {
  it('reads the origin of OMNIFLOW_PUBLIC_URL, and refuses one that is not a URL', () => {
    expect(publicOrigin({}, { OMNIFLOW_PUBLIC_URL: 'https://omniflow.example.com/app/' })).toBe(
      'https://omniflow.example.com',
    );
    expect(publicOrigin({}, {})).toBeUndefined();
    expect(() => publicOrigin({}, { OMNIFLOW_PUBLIC_URL: 'omniflow.example.com' })).toThrow(
      /OMNIFLOW_PUBLIC_URL must be an origin/,
    );
  });

  it('makes cookies Secure when the public origin is https, unless OMNIFLOW_SECURE_COOKIES says', () => {
    expect(secureCookiesOf({}, { OMNIFLOW_PUBLIC_URL: 'https://omniflow.example.com' })).toBe(true);
    expect(secureCookiesOf({}, { OMNIFLOW_PUBLIC_URL: 'http://omniflow.example.com' })).toBe(false);
    expect(secureCookiesOf({}, {})).toBe(false);
    expect(secureCookiesOf({}, { OMNIFLOW_SECURE_COOKIES: '1' })).toBe(true);
    expect(
      secureCookiesOf({}, { OMNIFLOW_PUBLIC_URL: 'https://tunnel.example', OMNIFLOW_SECURE_COOKIES: '0' }),
    ).toBe(false);
    expect(secureCookiesOf({ publicUrl: 'https://omniflow.example.com' }, {})).toBe(true);
  });
});
