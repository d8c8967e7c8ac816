import { eq } from 'drizzle-orm';
import { templates, type Db } from '@omniflow/db';
import { NodeError, type NodeTemplates, type RenderedEmail, type TemplateScope } from '@omniflow/nodes/sdk';
import { runOwner } from '../messaging/workspace-of-run.ts';
import { contactVariables, runContactId } from './contact-variables.ts';
import { libraryFiles, variantIn } from './library-files.ts';
import { renderEmailTemplate, renderTextTemplate } from './render-template.ts';
import type { LibraryTemplate, TemplateKind, TemplateLanguage } from './types.ts';

/** A workspace's templates, rendered by name for the nodes of its runs. */
export function createTemplateLibrary(db: Db) {
  async function load(workspaceId: string): Promise<LibraryTemplate[]> {
    return db
      .select({ name: templates.name, kind: templates.kind, variants: templates.variants })
      .from(templates)
      .where(eq(templates.workspaceId, workspaceId));
  }

  async function prepare(
    runId: string,
    name: string,
    kind: TemplateKind,
    language: TemplateLanguage,
    scope: TemplateScope,
  ) {
    const { workspaceId } = await runOwner(db, runId);
    const library = await load(workspaceId);
    const template = library.find((t) => t.name === name);
    // Not retryable: the flow names a template that is not there until someone creates it.
    if (!template) {
      throw new NodeError(
        'TEMPLATE_NOT_FOUND',
        `The template library has no template named "${name}"`,
        false,
      );
    }
    if (template.kind !== kind) {
      throw new NodeError(
        'TEMPLATE_KIND_MISMATCH',
        `"${name}" is ${template.kind === 'email' ? 'an email' : 'a text'} template; this node needs ${kind === 'email' ? 'an email' : 'a text'} template`,
        false,
      );
    }
    const variant = variantIn(template, language);
    if (!variant)
      throw new NodeError('TEMPLATE_EMPTY', `The template "${name}" has no text in any language`, false);
    const contactId = await runContactId(db, workspaceId, runId);
    const contact = contactId ? await contactVariables(db, workspaceId, contactId) : undefined;
    return {
      variant,
      scope: { ...scope, contact: contact ?? {} },
      files: libraryFiles(library, language),
    };
  }

  /** The templates as one run's nodes see them; `contact` is the person the run is about. */
  function forRun(runId: string): NodeTemplates {
    return {
      async email(name, language, scope): Promise<RenderedEmail> {
        const { variant, scope: full, files } = await prepare(runId, name, 'email', language, scope);
        return renderEmailTemplate(variant, full, files);
      },
      async text(name, language, scope): Promise<string> {
        const { variant, scope: full, files } = await prepare(runId, name, 'text', language, scope);
        return renderTextTemplate(variant, full, files);
      },
    };
  }

  return { forRun, load };
}

export type TemplateLibrary = ReturnType<typeof createTemplateLibrary>;
