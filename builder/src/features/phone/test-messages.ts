import type { Message } from '../../api/types.ts';

/** A message as GET /messages answers it, for tests; override what the test is about. */
export function testMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    channel: 'whatsapp',
    direction: 'outbound',
    contactAddress: '+34600000000',
    ourAddress: 'sandbox',
    runId: 'r1',
    nodeId: 'ask',
    providerMessageId: 'sandbox.out.1',
    body: { text: 'Hola' },
    segments: 1,
    status: 'sent',
    statusHistory: [{ status: 'sent', at: '2026-03-02T10:00:00.000Z' }],
    errorCode: null,
    createdAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}
