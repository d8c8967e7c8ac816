import { convert } from 'html-to-text';
import mjml2html from 'mjml';
import { renderLibraryText, type RenderedEmail } from '@omniflow/nodes/sdk';
import { mjmlDocument } from './mjml-document.ts';
import type { TemplateVariant } from '@omniflow/db';

/**
 * An email template's variant rendered for one person: Liquid first (values HTML-escaped, library
 * templates includable), then MJML to HTML, then the plain-text part from that HTML. MJML was
 * validated strictly when the template was saved, so here it only renders.
 */
export async function renderEmailTemplate(
  variant: TemplateVariant,
  scope: object,
  files: ReadonlyMap<string, string>,
): Promise<RenderedEmail> {
  const subject = renderLibraryText(variant.subject ?? '', scope, files)
    .replace(/\s+/g, ' ')
    .trim();
  const mjml = renderLibraryText(variant.body, scope, files, { escapeHtml: true });
  // mj-include would read the server's disk; fonts would make every mail fetch Google's CSS.
  const { html } = await mjml2html(mjmlDocument(mjml), {
    validationLevel: 'skip',
    ignoreIncludes: true,
    fonts: {},
  });
  return { subject, html, text: textOfHtml(html) };
}

/** The plain-text alternative of an email (RFC 2046 multipart/alternative's first part). */
export function textOfHtml(html: string): string {
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  }).trim();
}

/** A short text template's variant rendered for one person (SMS, WhatsApp, web chat). */
export function renderTextTemplate(
  variant: TemplateVariant,
  scope: object,
  files: ReadonlyMap<string, string>,
): string {
  return renderLibraryText(variant.body, scope, files).trim();
}
