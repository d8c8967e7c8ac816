import type { Db } from '@omniflow/db';
import { createTemplateLibrary } from '../templates/template-library.ts';
import { variantIn, libraryFiles } from '../templates/library-files.ts';
import { renderEmailTemplate, renderTextTemplate } from '../templates/render-template.ts';
import type { TemplateLanguage } from '../templates/types.ts';
import { TransactionalError } from './transactional-error.ts';

/**
 * A library template rendered with an application's variables, before the 202: a missing
 * template or a Liquid error is the caller's to fix now, not a failed send later. The variables
 * are `{{ vars.x }}` (as in flows) and also `{{ x }}`.
 */
export async function renderApplicationTemplate(
  db: Db,
  workspaceId: string,
  request: {
    channel: 'sms' | 'whatsapp' | 'email';
    template: string;
    language?: TemplateLanguage;
    variables?: Record<string, unknown>;
  },
): Promise<{ text: string; subject?: string; html?: string }> {
  const library = await createTemplateLibrary(db).load(workspaceId);
  const template = library.find((t) => t.name === request.template);
  if (!template)
    throw new TransactionalError(
      'TEMPLATE_NOT_FOUND',
      `The template library has no template named "${request.template}"`,
    );
  const kind = request.channel === 'email' ? 'email' : 'text';
  if (template.kind !== kind)
    throw new TransactionalError(
      'TEMPLATE_KIND_MISMATCH',
      `"${request.template}" is ${template.kind === 'email' ? 'an email' : 'a text'} template; ${request.channel} needs ${kind === 'email' ? 'an email' : 'a text'} template`,
    );
  const language = request.language ?? 'es';
  const variant = variantIn(template, language);
  if (!variant)
    throw new TransactionalError(
      'TEMPLATE_EMPTY',
      `The template "${request.template}" has no text in any language`,
    );
  const vars = request.variables ?? {};
  const scope = { ...vars, vars, input: vars, contact: {} };
  const files = libraryFiles(library, language);
  try {
    if (kind === 'email') return await renderEmailTemplate(variant, scope, files);
    return { text: renderTextTemplate(variant, scope, files) };
  } catch (error) {
    throw new TransactionalError(
      'TEMPLATE_RENDER_FAILED',
      `The template "${request.template}" did not render: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
