import { afterEach, describe, expect, it } from 'vitest';
import { translate, useLocale } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { localizedParams, problemText } from './problem-text.ts';

afterEach(() => useLocale.setState({ locale: 'en' }));

describe('problem sentences', () => {
  const issue = {
    code: 'TRIGGER_LEADS_NOWHERE',
    severity: 'warning' as const,
    nodeId: 'call',
    message: 'Nothing comes after the start node "call"',
    params: { node: 'Incoming call', nodeEs: 'Llamada entrante' },
  };

  it('fills a param sent in both languages in the reader’s', () => {
    expect(localizedParams({ node: 'Hang up', nodeEs: 'Colgar', max: 3 }, 'es')).toMatchObject({
      node: 'Colgar',
      max: 3,
    });
    expect(localizedParams({ node: 'Hang up', nodeEs: 'Colgar' }, 'en').node).toBe('Hang up');
    useLocale.setState({ locale: 'es' });
    const t = (key: MessageKey, values?: Record<string, string | number>) => translate('es', key, values);
    expect(problemText(issue, t)).toBe(
      '«Llamada entrante» inicia el flujo pero no tiene nada después: conecta el primer paso.',
    );
  });

  it('falls back to the English message for a code with no sentence', () => {
    const t = (key: MessageKey, values?: Record<string, string | number>) => translate('en', key, values);
    expect(problemText({ ...issue, code: 'SOMETHING_NEW' }, t)).toBe(issue.message);
  });
});
