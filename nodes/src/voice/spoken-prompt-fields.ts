import { z } from 'zod';
import { uiLabel } from '../sdk/ui-label.ts';
import { languageSchemaOptions } from './live-call.ts';
import { recordedPromptField } from './recorded-prompt.ts';

/** What a key menu and a digit collection say before they listen: a text read aloud, or a recording. */
export const spokenPromptFields = {
  // Needed only without a recording: textOrRecordedPrompt (and the inspector, by requiredUnless).
  prompt: z
    .string()
    .default('')
    .meta({
      ui: {
        widget: 'template',
        label: { en: 'Prompt', es: 'Locución' },
        requiredUnless: 'recordedPrompt',
      },
    }),
  language: z.enum(['es', 'en']).default('es').meta({ ui: languageSchemaOptions }),
  voice: z.string().optional().meta(uiLabel('Voice (empty: default)', 'Voz (vacío: la predeterminada)')),
  recordedPrompt: recordedPromptField,
};
