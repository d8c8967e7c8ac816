/**
 * An MJML body as a whole document: a fragment (sections a layout includes, such as a footer) is
 * wrapped in `<mjml><mj-body>` on its own first line, so MJML's line numbers stay the template's.
 */
export function mjmlDocument(body: string): string {
  return /<mjml[\s>]/i.test(body) ? body : `<mjml><mj-body>${body}</mj-body></mjml>`;
}
