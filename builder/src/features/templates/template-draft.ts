import type { components } from '../../api/api-schema.ts';

export type Template = components['schemas']['Template'];
export type TemplateInput = components['schemas']['TemplateInput'];
export type TemplateProblem = components['schemas']['TemplateProblem'];
export type TemplateUser = components['schemas']['TemplateUser'];
export type TemplateKind = Template['kind'];
export type TemplateLanguage = 'es' | 'en';
export type TemplateVariant = components['schemas']['TemplateVariant'];

/** What the editor holds: a saved template being changed, or a new one (no id yet). */
export interface TemplateDraft {
  id?: string;
  name: string;
  kind: TemplateKind;
  description: string;
  variants: Partial<Record<TemplateLanguage, TemplateVariant>>;
}

const starterEmail = `<mjml>
  <mj-body background-color="#f1f5f9">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="16px">{% include 'greeting' %}</mj-text>
        <mj-button href="https://example.com">OK</mj-button>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

/** A new template of a kind, written in the designer's language first. */
export function newDraft(kind: TemplateKind, language: TemplateLanguage, name: string): TemplateDraft {
  const variant: TemplateVariant = kind === 'email' ? { subject: '', body: starterEmail } : { body: '' };
  return { name, kind, description: '', variants: { [language]: variant } };
}

export function draftOf(template: Template): TemplateDraft {
  return {
    id: template.id,
    name: template.name,
    kind: template.kind,
    description: template.description,
    variants: { ...template.variants },
  };
}

/** The body the API takes: only the fields of the template's kind. */
export function inputOf(draft: TemplateDraft): TemplateInput {
  const variants: TemplateInput['variants'] = {};
  for (const language of ['es', 'en'] as const) {
    const variant = draft.variants[language];
    if (!variant) continue;
    variants[language] =
      draft.kind === 'email'
        ? { subject: variant.subject ?? '', body: variant.body }
        : { body: variant.body };
  }
  return { name: draft.name.trim(), kind: draft.kind, description: draft.description, variants };
}

/** The problems the server found in one field of one language. */
export function problemsAt(
  problems: readonly TemplateProblem[],
  language: TemplateLanguage,
  field: TemplateProblem['field'],
): TemplateProblem[] {
  return problems.filter((p) => p.language === language && p.field === field);
}

/** Problems from a 422's details, if it carried them. */
export function problemsOf(details: unknown): TemplateProblem[] {
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const { problems } = details;
  return Array.isArray(problems) ? problems.filter(isProblem) : [];
}

/** Flows from a 409 TEMPLATE_IN_USE's details, if it carried them. */
export function usersOf(details: unknown): TemplateUser[] {
  if (typeof details !== 'object' || details === null || !('flows' in details)) return [];
  const { flows } = details;
  return Array.isArray(flows)
    ? flows.filter(
        (f): f is TemplateUser =>
          typeof f === 'object' && f !== null && 'flowName' in f && typeof f.flowName === 'string',
      )
    : [];
}

function isProblem(value: unknown): value is TemplateProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof value.message === 'string' &&
    'language' in value &&
    (value.language === 'es' || value.language === 'en') &&
    'field' in value &&
    (value.field === 'subject' || value.field === 'body')
  );
}
