// What the preview frame adds to a mail's HTML: no script may run (the frame's sandbox already
// forbids it; the policy says so again), and every link opens in a new tab, never in the frame.
const guard =
  '<meta charset="utf-8">' +
  `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'">` +
  '<base target="_blank">';

/**
 * The `srcdoc` of a sandboxed frame showing a mail's HTML as sent. The guard goes first in the
 * head, before the mail's own markup, so the mail cannot come before it.
 */
export function mailSrcdoc(html: string): string {
  const head = /<head\b[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + guard + html.slice(head.index + head[0].length);
  if (/<html\b/i.test(html)) return html.replace(/<html\b[^>]*>/i, (tag) => `${tag}<head>${guard}</head>`);
  return `<!doctype html><html><head>${guard}</head><body>${html}</body></html>`;
}
