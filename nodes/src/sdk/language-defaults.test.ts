import { describe, expect, it } from 'vitest';
import { messageAsk } from '../messaging/ask.node.ts';
import { messageSend } from '../messaging/send.node.ts';
import { messageTemplate } from '../messaging/template.node.ts';
import { voiceGather } from '../voice/gather.node.ts';
import { voiceMenu } from '../voice/menu.node.ts';
import type { AnyNodeDefinition } from './types.ts';
import { withLanguageDefaults } from './language-defaults.ts';

const erased = (definition: unknown) => definition as AnyNodeDefinition;

describe('withLanguageDefaults', () => {
  it('fills an ask’s error text in the flow’s language, and leaves a written one alone', () => {
    const ask = erased(messageAsk);
    expect(withLanguageDefaults(ask, { question: 'N?' }, 'es').retryText).toBe(
      'Perdone, no le he entendido. {{ nodes.self.question }}',
    );
    expect(withLanguageDefaults(ask, { question: 'N?', retryText: 'Otra vez' }, 'es').retryText).toBe(
      'Otra vez',
    );
  });

  it('changes nothing without a language', () => {
    const config = { question: 'N?' };
    expect(withLanguageDefaults(erased(messageAsk), config, undefined)).toBe(config);
  });

  it('gives a voice node the flow’s language unless it has its own, and its texts follow that', () => {
    const menu = erased(voiceMenu);
    expect(withLanguageDefaults(menu, { prompt: 'Hi' }, 'en')).toMatchObject({
      language: 'en',
      invalidPrompt: 'That is not one of the options.',
    });
    expect(withLanguageDefaults(menu, { prompt: 'Hola', language: 'es' }, 'en')).toMatchObject({
      language: 'es',
      invalidPrompt: 'Opción no válida.',
    });
    expect(withLanguageDefaults(erased(voiceGather), { prompt: 'PIN' }, 'en').language).toBe('en');
  });

  it('picks the saved text in the flow’s language, but leaves a provider’s language code to the designer', () => {
    expect(withLanguageDefaults(erased(messageSend), { text: 'x' }, 'en').language).toBe('en');
    // WhatsApp's template language (es_MX, en_US) is the approved template's, not the flow's.
    expect(withLanguageDefaults(erased(messageTemplate), { name: 'hi' }, 'en')).not.toHaveProperty(
      'language',
    );
  });
});
