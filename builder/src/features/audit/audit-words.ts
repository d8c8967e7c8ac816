import type { MessageKey } from '../../i18n/catalog.ts';
import { auditMessages } from './messages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const known = (key: string): key is MessageKey & keyof typeof auditMessages.en => key in auditMessages.en;

/** An action in words ("Published a flow"); one the page does not know yet says so in words too. */
export function actionWords(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return known(key) ? t(key) : t('audit.unknownAction');
}

/** A kind of resource in words ("Flow"). */
export function resourceWords(t: Translate, type: string): string {
  const key = `audit.resource.${type}`;
  return known(key) ? t(key) : '';
}
