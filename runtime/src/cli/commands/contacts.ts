import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { apiClient } from '../api-client.ts';
import { arg, currentCliLanguage, t } from '../cli-i18n.ts';
import { progressBar } from '../progress-bar.ts';

interface ImportFlags {
  map?: string[];
  country?: string;
  url?: string;
  apiKey?: string;
  json?: boolean;
}

interface ContactImport {
  id: string;
  status: 'running' | 'done' | 'failed';
  totalRows: number | null;
  processedRows: number;
  created: number;
  updated: number;
  rejected: number;
  error: string | null;
}

// No default ([]) on the option: the help would print it as "(default: [])".
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `--map "Teléfono=phone"` flags as a mapping; the column title may itself hold `=`. */
export function mappingOf(flags: string[]): Record<string, string> | undefined {
  if (flags.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.lastIndexOf('=');
    if (at <= 0) throw new Error(t('contacts.badMap', { flag }));
    mapping[flag.slice(0, at)] = flag.slice(at + 1);
  }
  return mapping;
}

/** `omniflow contacts import`: uploads through the API and follows the counts with a progress bar. */
export function registerContactCommands(program: Command) {
  const contacts = program.command('contacts').description(t('contacts.description'));
  contacts
    .command(`import ${arg('file')}`)
    .description(t('contacts.import.description'))
    .option(`--map ${arg('columnField')}`, t('contacts.option.map'), collect)
    .option(`--country ${arg('code')}`, t('contacts.option.country'))
    // The rejection reasons come in the CLI's language (the global --lang, or the environment).
    .option('--url <url>', t('connection.url'))
    .option(`--api-key ${arg('key')}`, t('connection.apiKey'))
    .option('--json', t('contacts.option.json'))
    .action(async (file: string, flags: ImportFlags) => {
      const call = apiClient(flags);
      const bytes = await readFile(file).catch((error: Error) => {
        throw new Error(t('contacts.cannotRead', { file, reason: error.message }));
      });
      const upload = () => {
        const form = new FormData();
        form.set('file', new Blob([bytes]), basename(file));
        form.set('language', currentCliLanguage());
        return form;
      };
      let mapping = mappingOf(flags.map ?? []);
      if (mapping) {
        // Columns not named on the command line keep the API's guess.
        const preview = await call<{ proposedMapping: Record<string, string> }>(
          'POST',
          '/contact-imports/preview',
          upload(),
        );
        mapping = { ...preview.proposedMapping, ...mapping };
      }
      const form = upload();
      if (mapping) form.set('mapping', JSON.stringify(mapping));
      if (flags.country) form.set('country', flags.country);
      const { id } = await call<{ id: string }>('POST', '/contact-imports', form);
      let current = await call<ContactImport>('GET', `/contact-imports/${id}`);
      const bar = progressBar(t('contacts.progress'), current.totalRows ?? 0);
      while (current.status === 'running') {
        bar.update(current.processedRows);
        await new Promise((resolve) => setTimeout(resolve, 300));
        current = await call<ContactImport>('GET', `/contact-imports/${id}`);
      }
      bar.update(current.processedRows);
      bar.done();
      if (flags.json) console.log(JSON.stringify(current, null, 2));
      else
        console.log(
          t('contacts.done', {
            created: current.created,
            updated: current.updated,
            rejected: current.rejected,
            total: current.totalRows ?? 0,
          }),
        );
      if (current.status === 'failed') throw new Error(current.error ?? t('contacts.failed'));
      if (current.rejected > 0 && !flags.json)
        console.log(
          t('contacts.rejectedRows', { url: `GET /api/v1/contact-imports/${id}/rejections?format=csv` }),
        );
    });
}
