import { catalog, type MessageKey } from '../../i18n/catalog.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Why a run or step failed, in the reader's language when the builder knows its code. */
export function runErrorText(t: Translate, error: { code?: string | null; message: string }): string {
  const code = error.code ?? '';
  const status = /^HTTP_(\d{3})$/.exec(code)?.[1];
  if (status) return t('runError.HTTP_STATUS', { status });
  const key = `runError.${code}`;
  return key in catalog.en ? t(key as MessageKey) : error.message;
}
