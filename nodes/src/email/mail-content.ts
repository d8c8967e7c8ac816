import { z } from 'zod';
import type { EmailAttachment } from '../sdk/channels.ts';
import { NodeError } from '../sdk/node-error.ts';
import { evaluateValue, renderText } from '../sdk/expressions/templates.ts';
import type { ActivityDeps, TemplateScope } from '../sdk/types.ts';
import { fileNameOf } from './conversation-mail.ts';

/**
 * The body fields email.send and email.reply share: written inline (text, optional HTML) or a
 * template of the library picked by name, in a language; attachments from earlier steps.
 */
export const mailContentFields = {
  content: z
    .enum(['inline', 'template'])
    .default('inline')
    .meta({
      ui: {
        widget: 'select',
        label: { en: 'Body', es: 'Cuerpo' },
        optionLabels: {
          inline: { en: 'Written here', es: 'Escrito aquí' },
          template: { en: 'A template of the library', es: 'Una plantilla de la biblioteca' },
        },
      },
    }),
  body: z
    .string()
    .default('')
    .meta({ ui: { widget: 'template', label: { en: 'Text', es: 'Texto' } } }),
  html: z
    .string()
    .default('')
    .meta({
      ui: {
        widget: 'code',
        language: 'html',
        template: true,
        label: { en: 'HTML (optional)', es: 'HTML (opcional)' },
      },
    }),
  // `library-template` is the inspector's picker of the template library (Templates in the top
  // bar); `kind` says which templates it lists.
  template: z
    .string()
    .default('')
    .meta({
      ui: {
        widget: 'library-template',
        kind: 'email',
        label: { en: 'Template', es: 'Plantilla' },
      },
    }),
  language: z
    .enum(['es', 'en'])
    .default('es')
    .meta({
      ui: {
        widget: 'select',
        label: { en: 'Language', es: 'Idioma' },
        optionLabels: { es: { en: 'Spanish', es: 'Español' }, en: { en: 'English', es: 'Inglés' } },
      },
    }),
  attachments: z
    .string()
    .default('')
    .meta({
      ui: {
        widget: 'template',
        label: {
          en: 'Attachments from an earlier step (e.g. {{ input.email.attachments }})',
          es: 'Adjuntos de un paso anterior (p. ej. {{ input.email.attachments }})',
        },
      },
    }),
};

interface ContentConfig {
  content: 'inline' | 'template';
  body: string;
  template: string;
}

/** The problems of a body config, as zod issues on the field to fix. */
export function checkMailContent(config: ContentConfig, ctx: z.RefinementCtx) {
  if (config.content === 'inline' && !config.body.trim())
    ctx.addIssue({
      code: 'custom',
      path: ['body'],
      message: 'Write the mail’s text, or pick a template of the library',
    });
  if (config.content === 'template' && !config.template.trim())
    ctx.addIssue({ code: 'custom', path: ['template'], message: 'Pick the template to send' });
}

export interface MailContent {
  /** The template's subject; inline mail has its own subject field. */
  subject?: string;
  text: string;
  html?: string;
}

/** The text and HTML parts, rendered for this run (Liquid inline, or the library's template). */
export async function renderMailContent(
  config: ContentConfig & { html: string; language: 'es' | 'en' },
  scope: TemplateScope,
  deps: ActivityDeps,
): Promise<MailContent> {
  if (config.content === 'template') {
    if (!deps.templates)
      throw new NodeError(
        'TEMPLATES_UNAVAILABLE',
        'This worker has no template library to render the mail from; write the body inline',
        false,
      );
    const rendered = await deps.templates.email(config.template.trim(), config.language, scope);
    return { subject: rendered.subject, text: rendered.text, html: rendered.html };
  }
  const html = config.html.trim() ? renderText(config.html, scope) : '';
  return { text: renderText(config.body, scope), ...(html ? { html } : {}) };
}

const storedAttachment = z.object({
  id: z.string().min(1),
  filename: z.string().default('attachment'),
  contentType: z.string().optional(),
});
const linkedAttachment = z.object({
  url: z.url(),
  filename: z.string().optional(),
  contentType: z.string().optional(),
});
const oneAttachment = z.union([storedAttachment, linkedAttachment, z.url()]);

/**
 * The files an earlier step left to attach: a received mail's attachments (`{ id, filename,
 * contentType }`, stored), `{ url }` objects or URLs, one or a list.
 */
export function attachmentsOf(template: string, scope: TemplateScope): EmailAttachment[] {
  if (!template.trim()) return [];
  const value = evaluateValue(template, scope);
  if (value === undefined || value === null || value === '') return [];
  const list = z.array(oneAttachment).safeParse(Array.isArray(value) ? value : [value]);
  if (!list.success)
    throw new NodeError(
      'ATTACHMENTS_INVALID',
      `"${template}" is not a list of attachments: point it at a received mail's attachments (such as {{ input.email.attachments }}) or at file URLs`,
      false,
    );
  return list.data.map((item): EmailAttachment => {
    if (typeof item === 'string') return { filename: fileNameOf(item), url: item };
    if ('id' in item)
      return {
        filename: item.filename,
        attachmentId: item.id,
        ...(item.contentType ? { contentType: item.contentType } : {}),
      };
    return {
      filename: item.filename ?? fileNameOf(item.url),
      url: item.url,
      ...(item.contentType ? { contentType: item.contentType } : {}),
    };
  });
}

/** Addresses written as a comma- or semicolon-separated list, lower-cased. */
export function addressList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '');
}
