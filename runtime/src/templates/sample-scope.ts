import type { TemplateScope } from '@omniflow/nodes/sdk';
import type { TemplateLanguage } from './types.ts';

/** The person a template is previewed for when no contact is chosen. */
export const sampleContact = {
  es: {
    first_name: 'Ana',
    last_name: 'García',
    name: 'Ana García',
    email: 'ana.garcia@example.com',
    phone: '+34600000000',
  },
  en: {
    first_name: 'Alex',
    last_name: 'Smith',
    name: 'Alex Smith',
    email: 'alex.smith@example.com',
    phone: '+14155550100',
  },
} as const;

/** What a library template sees: a run's scope plus `contact`, the person it goes to. */
export interface LibraryScope extends TemplateScope {
  contact: Record<string, unknown>;
}

/** A run's scope for previews: the sample contact (or the chosen one) and example run values. */
export function sampleScope(language: TemplateLanguage, contact?: Record<string, unknown>): LibraryScope {
  return {
    input: {},
    vars: {},
    nodes: {},
    run: { id: 'preview', flowId: 'preview', version: 1, startedAt: new Date(0).toISOString() },
    contact: contact ?? { ...sampleContact[language] },
  };
}
