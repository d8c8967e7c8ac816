import { describe, expect, it } from 'vitest';
import { testScope } from '../sdk/testing.ts';
import type { NodeContacts } from '../sdk/types.ts';
import { contactUpdate } from './update.node.ts';

describe('contact.update', () => {
  const run = (config: unknown, contacts?: NodeContacts) =>
    contactUpdate.activity!.run(
      contactUpdate.config.parse(config),
      testScope({ input: { from: '+34600' }, nodes: { qty: { output: { answer: 12 } } } }),
      {
        idempotencyKey: 'k',
        signal: new AbortController().signal,
        env: {},
        ...(contacts ? { contacts } : {}),
      },
    );

  it('saves typed values on the person behind the address', async () => {
    const calls: unknown[] = [];
    const contacts: NodeContacts = {
      async update(channel, address, attributes) {
        calls.push({ channel, address, attributes });
        return { contactId: 'c1', attributes };
      },
    };
    const result = await run(
      { fields: { units: '{{ nodes.qty.output.answer }}', note: 'pidió {{ nodes.qty.output.answer }}' } },
      contacts,
    );
    expect(calls).toEqual([
      { channel: 'whatsapp', address: '+34600', attributes: { units: 12, note: 'pidió 12' } },
    ]);
    expect(result).toMatchObject({ port: 'next', output: { contactId: 'c1' } });
  });

  it('needs fields with proper names and a contact store', async () => {
    expect(contactUpdate.config.safeParse({ fields: {} }).success).toBe(false);
    expect(contactUpdate.config.safeParse({ fields: { 'bad name': 'x' } }).success).toBe(false);
    await expect(run({ fields: { a: '1' } })).rejects.toMatchObject({ code: 'CONTACTS_UNAVAILABLE' });
  });
});
