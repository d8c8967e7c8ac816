import { cliLanguage, type CliLanguage } from './cli-language.ts';
import { cliMessages, type CliMessageKey } from './cli-messages.ts';

// One language per CLI process: main.ts sets it from --lang or the environment before it builds
// the commands, and everything the CLI prints goes through t().
let current: CliLanguage = cliLanguage();

export function setCliLanguage(language: CliLanguage): void {
  current = language;
}

export function currentCliLanguage(): CliLanguage {
  return current;
}

/**
 * Fills `{name}` placeholders from `values`; in Spanish a `{name}Es` value (a node's Spanish title
 * in a problem's params) wins over `{name}`, as in the builder's translate().
 */
export function fill(template: string, values: Record<string, string | number> = {}, language = current) {
  const suffix = language === 'es' ? 'Es' : '';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(values[`${name}${suffix}`] ?? values[name] ?? whole),
  );
}

/** `<name>` as the help shows what to type (`--status <lista>`, `show <idEjecución>`). */
export function arg(name: string): string {
  return `<${t(`arg.${name}` as CliMessageKey)}>`;
}

/** A CLI message in the current language. */
export function t(key: CliMessageKey, values?: Record<string, string | number>): string {
  return fill(cliMessages[current][key], values);
}
