import { describe, expect, it } from 'vitest';
import { problemMessages } from '@omniflow/builder/problem-messages';
import { cliMessages } from '../src/cli/cli-messages.ts';
import { setCliLanguage } from '../src/cli/cli-i18n.ts';
import { parseErrorText } from '../src/cli/localised-command.ts';
import { problemSentence } from '../src/cli/problem-lines.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What is wrong with a two-language catalog: a key one language lacks, an empty text, other placeholders. */
function catalogGaps(catalog: { en: Record<string, string>; es: Record<string, string> }): string[] {
  const gaps: string[] = [];
  for (const key of new Set([...Object.keys(catalog.en), ...Object.keys(catalog.es)])) {
    const english = catalog.en[key];
    const spanish = catalog.es[key];
    if (!english?.trim()) gaps.push(`${key}: no English`);
    if (!spanish?.trim()) gaps.push(`${key}: no Spanish`);
    if (english && spanish && placeholders(english).join() !== placeholders(spanish).join())
      gaps.push(`${key}: placeholders differ`);
  }
  return gaps;
}

describe('the CLI catalog', () => {
  it('has every key in English and in Spanish, with the same placeholders and no empty text', () => {
    expect(catalogGaps(cliMessages)).toEqual([]);
  });

  it('the check fails on a key that lacks its Spanish or English, or changes a placeholder', () => {
    const es: Record<string, string> = { ...cliMessages.es };
    const en: Record<string, string> = { ...cliMessages.en };
    delete es['runs.table.empty'];
    delete en['contacts.failed'];
    es['runs.cancel.done'] = 'La ejecución {id} está {estado}';
    expect(catalogGaps({ en, es }).sort()).toEqual([
      'contacts.failed: no English',
      'runs.cancel.done: placeholders differ',
      'runs.table.empty: no Spanish',
    ]);
  });

  it('words commander’s parse errors in the chosen language, and leaves unknown ones alone', () => {
    setCliLanguage('es');
    expect(
      parseErrorText('commander.unknownCommand', "error: unknown command 'lst'\n(Did you mean list?)"),
    ).toBe('no existe el comando «lst». ¿Querías decir «list»?');
    expect(
      parseErrorText(
        'commander.invalidArgument',
        "error: option '--lang <idioma>' argument 'fr' is invalid. Allowed choices are es, en.",
      ),
    ).toBe('«fr» no es un valor válido para --lang <idioma>: usa uno de estos: es, en.');
    expect(parseErrorText('commander.somethingNew', 'error: something new')).toBeUndefined();
    setCliLanguage('en');
    expect(parseErrorText('commander.unknownOption', "error: unknown option '--bogus'")).toBe(
      'there is no option “--bogus”.',
    );
  });

  it('says a flow’s problems with the builder’s sentences, ports in the reader’s words', () => {
    const issue = {
      code: 'REQUIRED_PORT_UNWIRED' as const,
      message: 'Port "timeout" of node "menu1" must be connected',
      params: { node: 'Main menu', nodeEs: 'Menú principal', port: 'timeout' },
    };
    setCliLanguage('es');
    expect(problemSentence(issue)).toBe(
      problemMessages.es['problem.REQUIRED_PORT_UNWIRED']
        .replace('{port}', 'tiempo agotado')
        .replace('{node}', 'Menú principal'),
    );
    // An issue without the params its sentence names (an older server) keeps the server's words.
    expect(problemSentence({ ...issue, params: {} })).toBe(issue.message);
    setCliLanguage('en');
    expect(problemSentence(issue)).toBe('Connect the exit “timeout” of “Main menu”: say what happens then');
  });
});
