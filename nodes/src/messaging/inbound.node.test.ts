import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import { inboundMatches, messageInbound } from './inbound.node.ts';

const config = (c: object) => messageInbound.config.parse(c);

describe('message.inbound', () => {
  it('matches by channel, our number and first word', () => {
    const message = { channel: 'sms', to: '+34 911 000 000', text: 'BAJA ya' };
    expect(inboundMatches(config({}), message)).toBe(true);
    expect(inboundMatches(config({ channel: 'whatsapp' }), message)).toBe(false);
    expect(inboundMatches(config({ to: '+34911000000' }), message)).toBe(true);
    expect(inboundMatches(config({ to: '+34911000001' }), message)).toBe(false);
    expect(inboundMatches(config({ keyword: 'baja' }), message)).toBe(true);
    expect(inboundMatches(config({ keyword: 'alta' }), message)).toBe(false);
    expect(inboundMatches(config({ keyword: 'pedido' }), { ...message, text: 'Pédido' })).toBe(true);
    // Punctuation around the first word is not part of it; the word itself still has to match.
    for (const text of ['Cita, por favor', '¿Cita?', '¡CITA!'])
      expect(inboundMatches(config({ keyword: 'cita' }), { ...message, text })).toBe(true);
    expect(inboundMatches(config({ keyword: 'cita' }), { ...message, text: 'Citas, por favor' })).toBe(false);
    expect(inboundMatches(config({ keyword: 'cita' }), { ...message, text: 'Quiero una cita' })).toBe(false);
  });
  it('starts the run with the message as its input', () => {
    expect(compileNode(messageInbound, {}, { next: 'ask' })).toEqual({
      entry: [{ type: 'saveInput', params: { nodeId: 'node' } }],
      always: { target: 'ask', actions: [{ type: 'leaveNode', params: { nodeId: 'node', port: 'next' } }] },
    });
  });
});
