import type { LibraryTemplate, TemplateLanguage } from './types.ts';

/**
 * What `{% include 'name' %}` reads: each library template's body in `language`, or in the other
 * language when it has only that one, so an include never fails for a missing translation.
 */
export function libraryFiles(
  templates: readonly LibraryTemplate[],
  language: TemplateLanguage,
): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  for (const template of templates) {
    const variant = variantIn(template, language);
    if (variant) files.set(template.name, variant.body);
  }
  return files;
}

/** The template's variant in `language`, else its other one. */
export function variantIn(template: Pick<LibraryTemplate, 'variants'>, language: TemplateLanguage) {
  const other: TemplateLanguage = language === 'es' ? 'en' : 'es';
  return template.variants[language] ?? template.variants[other];
}
