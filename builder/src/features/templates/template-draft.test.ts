import { describe, expect, it } from 'vitest';
import { inputOf, newDraft, problemsAt, problemsOf, usersOf } from './template-draft.ts';

describe('template drafts', () => {
  it('starts an email with a subject and an MJML body, a text with an empty body', () => {
    const email = newDraft('email', 'es', 'nuevo');
    expect(email.variants.es?.subject).toBe('');
    expect(email.variants.es?.body).toContain('<mjml>');
    expect(newDraft('text', 'en', 'x').variants).toEqual({ en: { body: '' } });
  });

  it('sends only the fields of the kind, with the name trimmed', () => {
    const draft = { ...newDraft('text', 'es', ' hola '), variants: { es: { subject: 'no', body: 'Hola' } } };
    expect(inputOf(draft)).toEqual({
      name: 'hola',
      kind: 'text',
      description: '',
      variants: { es: { body: 'Hola' } },
    });
  });

  it('reads problems and flows out of error details, ignoring anything else', () => {
    const problems = problemsOf({
      problems: [
        { language: 'es', field: 'body', code: 'MJML_INVALID', message: 'bad', line: 3 },
        { nonsense: true },
      ],
    });
    expect(problems).toHaveLength(1);
    expect(problemsAt(problems, 'es', 'body')).toHaveLength(1);
    expect(problemsAt(problems, 'en', 'body')).toHaveLength(0);
    expect(problemsOf('nope')).toEqual([]);
    expect(
      usersOf({ flows: [{ flowId: 'f', flowName: 'Avisos', version: 2, nodeIds: ['n'] }, 3] }),
    ).toHaveLength(1);
  });
});

describe('example run variables', () => {
  it('takes a JSON object and nothing else', async () => {
    const { parseVars } = await import('./use-template-preview.ts');
    expect(parseVars('{"order": 17}')).toEqual({ order: 17 });
    expect(parseVars('')).toBeUndefined();
    expect(parseVars('[1]')).toBeUndefined();
    expect(parseVars('{oops')).toBeUndefined();
  });
});
