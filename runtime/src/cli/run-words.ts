import { t } from './cli-i18n.ts';
import { cliMessages, type CliMessageKey } from './cli-messages.ts';

function word(prefix: string, id: string): string {
  const key = `${prefix}.${id}`;
  return key in cliMessages.en ? t(key as CliMessageKey) : id;
}

/** A run status in the reader's words; a status this CLI does not know is shown as the API says it. */
export const statusText = (status: string) => word('runs.status', status);

/** A built-in port in the reader's words (as the builder's canvas names it); a branch's own id as written. */
export const portText = (port: string) => word('port', port);
