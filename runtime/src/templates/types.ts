import type { TemplateVariant, templateKinds, templateLanguages } from '@omniflow/db';

export type TemplateKind = (typeof templateKinds)[number];
export type TemplateLanguage = (typeof templateLanguages)[number];
export type TemplateVariants = Partial<Record<TemplateLanguage, TemplateVariant>>;

/** A template as the library keeps it. */
export interface LibraryTemplate {
  name: string;
  kind: TemplateKind;
  variants: TemplateVariants;
}

/** Why a template cannot be saved, and where: shown beside the line in the editor. */
export interface TemplateProblem {
  language: TemplateLanguage;
  field: 'subject' | 'body';
  /** LIQUID_INVALID: it does not parse; MJML_INVALID: MJML refuses it; INCLUDE_UNKNOWN: it includes a template the library does not have. */
  code: 'LIQUID_INVALID' | 'MJML_INVALID' | 'INCLUDE_UNKNOWN';
  message: string;
  /** 1-based line of the field's text. */
  line?: number;
  column?: number;
}
