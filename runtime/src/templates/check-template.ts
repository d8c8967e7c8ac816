import mjml2html from 'mjml';
import { renderLibraryText, templateSyntaxProblem, TemplateError } from '@omniflow/nodes/sdk';
import { mjmlDocument } from './mjml-document.ts';
import { sampleScope } from './sample-scope.ts';
import type { LibraryTemplate, TemplateLanguage, TemplateProblem } from './types.ts';

const mjmlOptions = { validationLevel: 'strict', ignoreIncludes: true, fonts: {} } as const;

/**
 * Everything wrong with a template before it is saved, each with its language, field and line:
 * Liquid that does not parse, MJML that MJML refuses (strict validation of the source as written,
 * so lines match the editor), and includes of templates the library does not have. A template
 * with no problems renders at send time unless the data itself is wrong.
 */
export async function checkTemplate(
  template: LibraryTemplate,
  files: (language: TemplateLanguage) => ReadonlyMap<string, string>,
): Promise<TemplateProblem[]> {
  const problems: TemplateProblem[] = [];
  for (const language of ['es', 'en'] as const) {
    const variant = template.variants[language];
    if (!variant) continue;
    const fields = [
      ...(template.kind === 'email' ? [{ field: 'subject' as const, text: variant.subject ?? '' }] : []),
      { field: 'body' as const, text: variant.body },
    ];
    let parses = true;
    for (const { field, text } of fields) {
      const syntax = templateSyntaxProblem(text);
      if (!syntax) continue;
      parses = false;
      problems.push({ language, field, code: 'LIQUID_INVALID', ...syntax });
    }
    if (!parses) continue;
    if (template.kind === 'email') problems.push(...(await mjmlProblems(variant.body, language)));
    const missing = unknownInclude(variant.body, files(language));
    if (missing) problems.push({ language, field: 'body', code: 'INCLUDE_UNKNOWN', ...missing });
  }
  return problems;
}

async function mjmlProblems(body: string, language: TemplateLanguage): Promise<TemplateProblem[]> {
  try {
    const { errors } = await mjml2html(mjmlDocument(body), mjmlOptions);
    return errors.map((e) => mjmlProblem(language, e.message, e.line));
  } catch (error) {
    // Strict validation throws with the same list; anything else (not MJML at all) has no line.
    const errors: unknown = error instanceof Error ? Reflect.get(error, 'errors') : undefined;
    if (Array.isArray(errors) && errors.length > 0) {
      return errors.map((e: unknown) =>
        mjmlProblem(
          language,
          String(Reflect.get(Object(e), 'message')),
          Number(Reflect.get(Object(e), 'line')) || undefined,
        ),
      );
    }
    return [mjmlProblem(language, error instanceof Error ? error.message : String(error), 1)];
  }
}

const mjmlProblem = (
  language: TemplateLanguage,
  message: string,
  line: number | undefined,
): TemplateProblem => ({
  language,
  field: 'body',
  code: 'MJML_INVALID',
  message,
  ...(line ? { line } : {}),
});

/**
 * A trial render with the sample contact finds an include of a template the library lacks (only
 * along the branches the sample takes; the rest are caught at send time). Other render failures
 * depend on the data, so they are not the template's fault.
 */
function unknownInclude(body: string, files: ReadonlyMap<string, string>) {
  try {
    renderLibraryText(body, sampleScope('es'), files);
    return undefined;
  } catch (error) {
    if (!(error instanceof TemplateError) || error.code !== 'TEMPLATE_FILE_ACCESS') return undefined;
    const name = /cannot read files: "([^"]*)"/.exec(error.message)?.[1] ?? '';
    const line = body.split('\n').findIndex((text) => name !== '' && text.includes(name)) + 1;
    return {
      message: `"${name}" is not a template of this library: include only templates it has, by name`,
      ...(line > 0 ? { line } : {}),
    };
  }
}
