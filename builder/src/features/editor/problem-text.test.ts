import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../api/types.ts';
import { translate } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { fieldIssueText } from '../inspector/field-issue-text.ts';
import { problemText } from './problem-text.ts';
import { flowInvalidText } from './flow-invalid-text.ts';
import { ApiError } from '../../api/client.ts';

const t = (locale: 'en' | 'es') => (key: MessageKey, values?: Record<string, string | number>) =>
  translate(locale, key, values);

const missingOptionId: ValidationIssue = {
  code: 'NODE_CONFIG_INVALID',
  severity: 'error',
  nodeId: 'menu1',
  path: ['options', 0, 'id'],
  message: 'Menu "menu1": options.0.id: Invalid input: expected string, received undefined',
  params: {
    node: 'Main menu',
    nodeEs: 'Menú principal',
    reason: 'required',
    field: 'Options #1 › Port id',
    fieldEs: 'Opciones n.º 1 › Id del puerto',
  },
};

describe('problemText', () => {
  it('says a config error by the node’s and the field’s names, in the reader’s language', () => {
    expect(problemText(missingOptionId, t('es'))).toBe(
      '«Menú principal»: rellena «Opciones n.º 1 › Id del puerto»',
    );
    expect(problemText(missingOptionId, t('en'))).toBe('“Main menu”: fill in “Options #1 › Port id”');
  });

  it('says where the code cannot be read, in the reader’s language, without the parser’s English', () => {
    const syntax: ValidationIssue = {
      code: 'CODE_SYNTAX_ERROR',
      severity: 'error',
      nodeId: 'compute',
      path: ['code'],
      message: '"compute": line 2, column 1 of the code does not parse: Expression expected.',
      params: { node: 'Compute', nodeEs: 'Calcular', line: 2, column: 1 },
    };
    expect(problemText(syntax, t('es'))).toBe(
      '“Calcular”: el código no se puede leer en la línea 2, columna 1: busca ahí un paréntesis, una comilla o una coma que falte o sobre',
    );
    expect(problemText(syntax, t('en'))).toBe(
      '“Compute”: the code cannot be read at line 2, column 1: look there for a bracket, quote or comma missing or too many',
    );
    expect(problemText(syntax, t('es'))).not.toContain('Expression expected');
  });

  it('says a claim of another organisation without naming any flow of it', () => {
    const elsewhere: ValidationIssue = {
      code: 'TRIGGER_CLAIMED',
      severity: 'error',
      nodeId: 'call',
      message: 'Another organisation on this installation already answers the number 100',
      params: { reason: 'elsewhere', claim: 'the number 100', claimEs: 'el número 100' },
    };
    expect(problemText(elsewhere, t('es'))).toBe(
      'Otra organización de esta instalación ya atiende el número 100. Usa otro número o dirección, o pregunta a quien administra la instalación.',
    );
    expect(problemText(elsewhere, t('en'))).toContain(
      'Another organisation on this installation already answers the number 100.',
    );
  });

  it('shows a built-in port in the reader’s language and the limit of a long text', () => {
    const unwired: ValidationIssue = {
      code: 'REQUIRED_PORT_UNWIRED',
      severity: 'error',
      nodeId: 'm',
      message: 'Connect the "timeout" port of "m"',
      params: { node: 'Menu', nodeEs: 'Menú', port: 'timeout' },
    };
    expect(problemText(unwired, t('es'))).toBe(
      'Conecta la salida «tiempo agotado» de «Menú»: di qué pasa entonces',
    );
    const long = {
      ...missingOptionId,
      params: { ...missingOptionId.params, reason: 'too_long', limit: 100 },
    };
    expect(problemText(long, t('es'))).toContain('como máximo 100 caracteres');
  });

  it('keeps the server’s message for an issue without the params its sentence needs', () => {
    const old: ValidationIssue = { ...missingOptionId, params: undefined };
    expect(problemText(old, t('es'))).toBe(old.message);
    const unknownReason = { ...missingOptionId, params: { ...missingOptionId.params, reason: 'new_reason' } };
    expect(problemText(unknownReason, t('es'))).toBe(
      '«Menú principal»: revisa «Opciones n.º 1 › Id del puerto»',
    );
  });
});

describe('fieldIssueText', () => {
  it('says only what is wrong under the field, which already shows its label', () => {
    expect(fieldIssueText(missingOptionId, t('es'))).toBe('Rellena este campo');
    const option = {
      ...missingOptionId,
      params: {
        ...missingOptionId.params,
        reason: 'not_option',
        options: 'Spanish, English',
        optionsEs: 'Español, Inglés',
      },
    };
    expect(fieldIssueText(option, t('es'))).toBe('Elige una de estas opciones: Español, Inglés');
    expect(fieldIssueText(option, t('en'))).toBe('Pick one of: Spanish, English');
  });

  it('strips the node and path from a message without params', () => {
    const old: ValidationIssue = {
      code: 'NODE_CONFIG_INVALID',
      severity: 'error',
      path: ['url'],
      message: 'HTTP request "call": url: Enter the URL to call',
    };
    expect(fieldIssueText(old, t('es'))).toBe('Enter the URL to call');
  });
});

describe('flowInvalidText', () => {
  it('says a refused test run by its problems in the reader’s language, or by its message', () => {
    const refused = new ApiError(422, 'FLOW_INVALID', 'The flow has 1 error(s); fix them to test it', {
      errors: [missingOptionId],
    });
    expect(flowInvalidText(refused, t('es'))).toBe(
      '«Menú principal»: rellena «Opciones n.º 1 › Id del puerto»',
    );
    const bare = new ApiError(422, 'FLOW_INVALID', 'The flow has 1 error(s)');
    expect(flowInvalidText(bare, t('es'))).toBe('The flow has 1 error(s)');
  });
});

describe('problem sentences of the problems panel', () => {
  it('fills a param sent in both languages in the reader’s', () => {
    const issue: ValidationIssue = {
      code: 'TRIGGER_LEADS_NOWHERE',
      severity: 'warning',
      nodeId: 'call',
      message: 'Nothing comes after the start node "call"',
      params: { node: 'Incoming call', nodeEs: 'Llamada entrante' },
    };
    expect(problemText(issue, t('es'))).toBe(
      '«Llamada entrante» inicia el flujo pero no tiene nada después: conecta el primer paso.',
    );
  });
});
