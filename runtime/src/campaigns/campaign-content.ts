import { sql } from 'drizzle-orm';
import { contactChannels, contacts, type CampaignContent, type Db } from '@omniflow/db';
import { renderLibraryText } from '@omniflow/nodes/sdk';
import { libraryFiles, variantIn } from '../templates/library-files.ts';
import { renderEmailTemplate, renderTextTemplate } from '../templates/render-template.ts';
import type { LibraryTemplate, TemplateLanguage } from '../templates/types.ts';

/** What `{{ contact.… }}` reads in a campaign's text, for a chunk's people at once. */
export async function contactScopes(
  db: Db,
  contactIds: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const scopes = new Map<string, Record<string, unknown>>();
  if (contactIds.length === 0) return scopes;
  // The ids as one JSON parameter: a slice's hundreds of SQL parameters cost more to build than to run.
  const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb)::uuid)`;
  const [people, addresses] = await Promise.all([
    // Only what a scope holds: timestamps would cost a Date each, per person, for nothing.
    db
      .select({
        id: contacts.id,
        displayName: contacts.displayName,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        language: contacts.language,
        tags: contacts.tags,
        attributes: contacts.attributes,
      })
      .from(contacts)
      .where(sql`${contacts.id} in ${ids}`),
    db
      .select({
        contactId: contactChannels.contactId,
        channel: contactChannels.channel,
        address: contactChannels.address,
      })
      .from(contactChannels)
      .where(sql`${contactChannels.contactId} in ${ids}`)
      .orderBy(sql`${contactChannels.id}`),
  ]);
  const byContact = new Map<string, Record<string, string>>();
  for (const { contactId, channel, address } of addresses) {
    const own = byContact.get(contactId) ?? {};
    // The same names runtime/src/templates/contact-variables.ts gives a flow's templates.
    own[channel === 'sms' ? 'phone' : channel] ??= address;
    byContact.set(contactId, own);
  }
  for (const c of people)
    scopes.set(c.id, { ...byContact.get(c.id), ...c.attributes, ...ownFieldsScope(c), tags: c.tags });
  return scopes;
}

/** A person's fields that come from their contact row alone: a scope puts them over any attribute. */
export function ownFieldsScope(c: {
  id: string;
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
}): Record<string, unknown> {
  return {
    first_name: c.firstName,
    last_name: c.lastName,
    language: c.language ?? '',
    id: c.id,
    name: c.displayName || [c.firstName, c.lastName].filter(Boolean).join(' '),
  };
}

const ownFields = new Set(['first_name', 'last_name', 'language', 'id', 'name']);
// An output of one plain path, as runtime's plain-path renderer reads it (nodes/src/sdk/expressions/plain-paths.ts).
const pathOutput = /\{\{[ \t\r\n]*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)[ \t\r\n]*\}\}/g;

/**
 * True when a campaign's texts on `channel` read nothing of a person but the fields of their
 * contact row (`{{ contact.first_name }}` and the like, no tags, no `{% %}`, no library
 * template): then `ownFieldsScope` renders them exactly as the full scope would, and a chunk reads
 * no attributes and no addresses for it (two statements per slice, the most of its reading).
 */
export function readsOwnFieldsOnly(contents: readonly CampaignContent[], channel: string): boolean {
  if (channel !== 'sms' && channel !== 'email') return false;
  return contents.every((content) => {
    if (content.templateId) return false;
    const texts = channel === 'email' ? [content.text, content.subject] : [content.text];
    return texts.every((text) => {
      if (!text) return true;
      if (text.includes('{%')) return false;
      let rest = text;
      for (const match of text.matchAll(pathOutput)) {
        const [root, field, ...more] = match[1]!.split('.');
        if (root !== 'contact' || !field || !ownFields.has(field) || more.length > 0) return false;
        rest = rest.replace(match[0], '');
      }
      // Anything else Liquid would read (an unclosed or trimmed output, a filter) needs the full scope.
      return !rest.includes('{{') && !rest.includes('}}');
    });
  });
}

export interface RenderedContent {
  text: string;
  email?: { subject: string; html?: string };
  /** WhatsApp outside the person's 24 h window: the approved template, parameters filled in. */
  template?: { name: string; language: string; parameters: string[] };
}

const languageOf = (wanted: string | undefined): TemplateLanguage => (wanted?.startsWith('en') ? 'en' : 'es');

/**
 * A campaign's content for one person: the library template (in the person's language, else the
 * campaign's) or the campaign's own text, with Liquid filled from the person's fields.
 */
export async function renderContent(
  content: CampaignContent,
  channel: string,
  contact: Record<string, unknown>,
  library: readonly (LibraryTemplate & { id: string })[],
  options: { whatsappWindowOpen?: boolean } = {},
): Promise<RenderedContent> {
  const language = languageOf((contact.language as string) || content.language);
  const files = libraryFiles(library, language);
  const scope = { contact };
  const wa = content.whatsappTemplate;
  // Free-form text only inside the window (Meta refuses it with 131047 outside); the template
  // otherwise, and whenever the campaign has no text of its own.
  if (
    channel === 'whatsapp' &&
    wa &&
    !(options.whatsappWindowOpen && (content.text?.trim() || content.templateId))
  )
    return {
      text: '',
      template: {
        name: wa.name,
        language: wa.language,
        parameters: wa.parameters.map((p) => renderLibraryText(p, scope, files).trim()),
      },
    };
  if (content.templateId) {
    const template = library.find((t) => t.id === content.templateId);
    if (!template)
      throw new Error(`The campaign's template ${content.templateId} is no longer in the library`);
    const variant = variantIn(template, language);
    if (!variant) throw new Error(`The template "${template.name}" has no text in any language`);
    if (template.kind === 'email') {
      const mail = await renderEmailTemplate(variant, scope, files);
      // A/B subject lines: each variant's own subject over the template's one.
      const subject = content.subject?.trim()
        ? renderLibraryText(content.subject, scope, files).trim()
        : mail.subject;
      return channel === 'email'
        ? { text: mail.text, email: { subject, html: mail.html } }
        : { text: mail.text };
    }
    const text = renderTextTemplate(variant, scope, files);
    return channel === 'email'
      ? { text, email: { subject: renderLibraryText(content.subject ?? '', scope, files).trim() } }
      : { text };
  }
  const text = renderLibraryText(content.text ?? '', scope, files).trim();
  if (channel !== 'email') return { text };
  const subject = renderLibraryText(content.subject ?? '', scope, files).trim();
  return { text, email: { subject } };
}
