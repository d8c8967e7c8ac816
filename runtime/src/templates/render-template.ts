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
  return { subject, ...(await mailOfMjml(mjml)) };
}

/**
 * Bodies rendered lately, by their MJML after Liquid. A campaign renders its template once per
 * person, and most bodies come out the same for everyone (the greeting in the subject, the
 * unsubscribe link added after rendering): MJML and the text part (tens of milliseconds a mail)
 * are then worked out once, not 50,000 times. Kept few, so a personalised body costs a miss.
 */
const renderedBodies = new Map<string, { html: string; text: string }>();
const renderedBodiesKept = 16;

async function mailOfMjml(mjml: string): Promise<{ html: string; text: string }> {
  const known = renderedBodies.get(mjml);
  if (known) return known;
  // mj-include would read the server's disk; fonts would make every mail fetch Google's CSS.
  const { html } = await mjml2html(mjmlDocument(mjml), {
    validationLevel: 'skip',
    ignoreIncludes: true,
    fonts: {},
  });
  const mail = { html, text: textOfHtml(html) };
  if (renderedBodies.size >= renderedBodiesKept) renderedBodies.delete(renderedBodies.keys().next().value!);
  renderedBodies.set(mjml, mail);
  return mail;
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
