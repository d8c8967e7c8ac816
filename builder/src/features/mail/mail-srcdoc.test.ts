import { describe, expect, it } from 'vitest';
import { mailSrcdoc } from './mail-srcdoc.ts';

describe('mailSrcdoc', () => {
  it('puts the no-script policy and new-tab links first in a whole document’s head', () => {
    const doc = mailSrcdoc(
      '<!doctype html><html lang="es"><head><title>x</title></head><body>Hola</body></html>',
    );
    expect(doc.startsWith('<!doctype html><html lang="es"><head><meta charset="utf-8">')).toBe(true);
    expect(doc.indexOf("script-src 'none'")).toBeLessThan(doc.indexOf('<title>'));
    expect(doc).toContain('<base target="_blank">');
  });

  it('wraps a fragment in a document with the guard', () => {
    const doc = mailSrcdoc('<p>Hola <a href="https://x.example">x</a></p>');
    expect(doc).toMatch(/^<!doctype html><html><head>.*<base target="_blank"><\/head><body><p>Hola/);
  });

  it('adds a head to a document that has none', () => {
    expect(mailSrcdoc('<html><body>Hi</body></html>')).toMatch(/^<html><head>.*<\/head><body>Hi/);
  });
});
