import { Command, Help, type Argument, type Option } from 'commander';
import { t } from './cli-i18n.ts';
import type { CliMessageKey } from './cli-messages.ts';

// commander words its help and its parse errors in English. These subclasses put them in the
// CLI's language through commander's own hooks: the Help's titles and option details, the usage
// line, and `error()`, which every parse failure goes through with a code that names it.

const titles: Record<string, CliMessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
};

/** The "(default: …, choices: …)" commander appends to a description, with its words translated. */
function translateDetails(full: string, description: string): string {
  const details = full.slice(description.length);
  if (!details) return full;
  return (
    description +
    details
      .replace(/\bchoices: /, `${t('help.choices')} `)
      .replace(/\bdefault: /, `${t('help.default')} `)
      .replace(/\bpreset: /, `${t('help.preset')} `)
      .replace(/\benv: /, `${t('help.env')} `)
  );
}

class LocalisedHelp extends Help {
  override styleTitle(title: string): string {
    const key = titles[title];
    return super.styleTitle(key ? t(key) : title);
  }

  override subcommandTerm(command: Command): string {
    return super.subcommandTerm(command).replace('[options]', t('help.usageOptions'));
  }

  override optionDescription(option: Option): string {
    return translateDetails(super.optionDescription(option), option.description);
  }

  override argumentDescription(argument: Argument): string {
    return translateDetails(super.argumentDescription(argument), argument.description);
  }
}

/** commander's messages name things in quotes ('--bogus'); these pick the names out by code. */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

function suggestionOf(message: string): string | undefined {
  return /\(Did you mean (?:one of )?([^?]+)\?\)/.exec(message)?.[1];
}

/** The sentence a person reads for commander's English `message`, or undefined for one we do not know. */
export function parseErrorText(code: string, message: string): string | undefined {
  const names = quoted(message);
  const suggestion = suggestionOf(message);
  const didYouMean = suggestion ? ` ${t('error.didYouMean', { name: suggestion })}` : '';
  switch (code) {
    case 'commander.unknownCommand':
      return t('error.unknownCommand', { name: names[0] ?? '' }) + didYouMean;
    case 'commander.unknownOption':
      return t('error.unknownOption', { name: names[0] ?? '' }) + didYouMean;
    case 'commander.missingArgument':
      return t('error.missingArgument', { name: names[0] ?? '' });
    case 'commander.optionMissingArgument':
      return t('error.optionMissingArgument', { name: names[0] ?? '' });
    case 'commander.missingMandatoryOptionValue':
      return t('error.missingMandatoryOption', { name: names[0] ?? '' });
    case 'commander.conflictingOption':
      return t('error.conflictingOption', { name: names[0] ?? '', other: names[1] ?? '' });
    case 'commander.excessArguments': {
      const [, expected, received] = /Expected (\d+) arguments? but got (\d+)/.exec(message) ?? [];
      return expected ? t('error.excessArguments', { expected, received: received! }) : undefined;
    }
    case 'commander.invalidArgument': {
      // "error: option '--lang <language>' argument 'fr' is invalid. Allowed choices are es, en."
      // or "error: command-argument value 'x' is invalid for argument 'action'. Allowed choices…"
      const choices = /Allowed choices are (.*)\.$/.exec(message)?.[1];
      if (!choices || names.length < 2) return undefined;
      const [name, value] = message.startsWith('error: command-argument') ? [names[1]!, names[0]!] : names;
      return t('error.invalidChoice', { name: name!, value: value!, choices });
    }
    default:
      return undefined;
  }
}

/** A commander Command whose help, usage line and parse errors speak the CLI's language. */
export class LocalisedCommand extends Command {
  override createCommand(name?: string): LocalisedCommand {
    return new LocalisedCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new LocalisedHelp(), this.configureHelp());
  }

  override usage(): string;
  override usage(str: string): this;
  override usage(str?: string): string | this {
    if (str !== undefined) return super.usage(str);
    return super
      .usage()
      .replace('[options]', t('help.usageOptions'))
      .replace('[command]', t('help.usageCommand'));
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const text = errorOptions?.code ? parseErrorText(errorOptions.code, message) : undefined;
    if (text === undefined) return super.error(message, errorOptions);
    const path = [this.name()];
    for (let parent = this.parent; parent; parent = parent.parent) path.unshift(parent.name());
    return super.error(
      `${path[0]}: ${text} ${t('error.seeHelp', { command: path.join(' ') })}`,
      errorOptions,
    );
  }
}
