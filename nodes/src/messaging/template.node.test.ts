import { describe, expect, it } from 'vitest';
import { testScope } from '../sdk/testing.ts';
import type { NodeMessaging } from '../sdk/types.ts';
import { messageTemplate } from './template.node.ts';

describe('message.template', () => {
  it('sends the named template with its rendered parameters on WhatsApp', async () => {
    const sent: unknown[] = [];
    const messaging: NodeMessaging = {
      async send(channel, message) {
        sent.push({ channel, message });
        return { messageId: 'm', providerMessageId: 'wamid.1', segments: 1 };
      },
    };
    const config = messageTemplate.config.parse({
      name: 'cita_recordatorio',
      parameters: [{ value: '{{ input.name }}' }, { value: 'mañana' }],
    });
    const result = await messageTemplate.activity!.run(
      config,
      testScope({ input: { from: '+34600', name: 'Ana' } }),
      {
        idempotencyKey: 'k',
        signal: new AbortController().signal,
        env: {},
        messaging,
      },
    );
    expect(result.port).toBe('sent');
    expect(sent).toEqual([
      {
        channel: 'whatsapp',
        message: {
          to: '+34600',
          template: { name: 'cita_recordatorio', language: 'es', parameters: ['Ana', 'mañana'] },
        },
      },
    ]);
  });

  it('refuses names and languages WhatsApp would not take', () => {
    expect(
      messageTemplate.config.safeParse({ name: 'Cita Recordatorio' }).error?.issues[0]?.message,
    ).toContain('lower case');
    expect(messageTemplate.config.safeParse({ name: 'x', language: 'spanish' }).success).toBe(false);
  });
});
