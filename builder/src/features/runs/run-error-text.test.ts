import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/catalog.ts';
import { translate } from '../../i18n/use-i18n.ts';
import { runErrorText } from './run-error-text.ts';

const es = (key: MessageKey, values?: Record<string, string | number>) => translate('es', key, values);

describe('runErrorText', () => {
  it('says a known failure in the reader’s language, an HTTP status with its number', () => {
    expect(runErrorText(es, { code: 'CALLER_HUNG_UP', message: 'The caller hung up' })).toBe(
      'La persona colgó',
    );
    expect(runErrorText(es, { code: 'HTTP_503', message: 'POST http://x answered 503' })).toBe(
      'El servicio web respondió con un error (HTTP 503)',
    );
  });

  it('says why the runtime itself cancelled or never started a run, in Spanish', () => {
    expect(
      runErrorText(es, {
        code: 'WORKFLOW_MISSING',
        message: 'Cancelled here: the run’s workflow was no longer running in Temporal',
      }),
    ).toBe('Cancelada aquí: la ejecución ya no seguía en el motor que ejecuta los flujos');
    expect(
      runErrorText(es, { code: 'RUN_NOT_STARTED', message: 'The run’s workflow never started' }),
    ).toMatch(/^La ejecución no llegó a empezar/);
  });

  it('keeps the server’s message for a code it does not know, or none', () => {
    expect(runErrorText(es, { code: 'ACME_BROKE', message: 'Acme broke' })).toBe('Acme broke');
    expect(runErrorText(es, { code: null, message: 'Something' })).toBe('Something');
  });
});
