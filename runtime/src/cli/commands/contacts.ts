import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { apiClient } from '../api-client.ts';
import { cliLanguage } from '../cli-language.ts';
import { progressBar } from '../progress-bar.ts';

interface ImportFlags {
  map: string[];
  country?: string;
  lang?: string;
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

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--map "Teléfono=phone"` flags as a mapping; the column title may itself hold `=`. */
export function mappingOf(flags: string[]): Record<string, string> | undefined {
  if (flags.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.lastIndexOf('=');
    if (at <= 0) throw new Error(`--map ${flag}: write it as "column title=field", e.g. --map "Móvil=phone"`);
    mapping[flag.slice(0, at)] = flag.slice(at + 1);
  }
  return mapping;
}

/** `omniflow contacts import`: uploads through the API and follows the counts with a progress bar. */
export function registerContactCommands(program: Command) {
  const contacts = program.command('contacts').description('Contacts: import lists');
  contacts
    .command('import <file>')
    .description('Import a CSV or .xlsx file of contacts, with a progress bar and a rejection report')
    .option(
      '--map <column=field>',
      'map a column to first_name, last_name, display_name, phone, whatsapp, email, language, timezone, tags, consent, field:<key> or ignore (repeat; unmapped columns are guessed from their titles)',
      collect,
      [],
    )
    .option('--country <code>', 'country of phone numbers without +code, e.g. PE (default: the workspace’s)')
    .option(
      '--lang <es|en>',
      'language of the rejection reasons (default: OMNIFLOW_LANG or LANG)',
      cliLanguage(),
    )
    .option('--url <url>', 'Omniflow base URL (default OMNIFLOW_URL or http://localhost:3000)')
    .option('--api-key <key>', 'API key (default OMNIFLOW_API_KEY)')
    .option('--json', 'print the finished import as JSON')
    .action(async (file: string, flags: ImportFlags) => {
      const call = apiClient(flags);
      const bytes = await readFile(file).catch((error: Error) => {
        throw new Error(`Cannot read ${file}: ${error.message}`);
      });
      const upload = () => {
        const form = new FormData();
        form.set('file', new Blob([bytes]), basename(file));
        if (flags.lang) form.set('language', flags.lang);
        return form;
      };
      let mapping = mappingOf(flags.map);
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
      const bar = progressBar('Importing', current.totalRows ?? 0);
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
          `${current.created} created, ${current.updated} updated, ${current.rejected} rejected of ${current.totalRows ?? 0} rows`,
        );
      if (current.status === 'failed') throw new Error(current.error ?? 'The import failed');
      if (current.rejected > 0 && !flags.json)
        console.log(`Rejected rows: GET /api/v1/contact-imports/${id}/rejections?format=csv`);
    });
}
