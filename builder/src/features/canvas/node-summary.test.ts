import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../api/types.ts';
import { maxSummaryLines, nodeSummary } from './node-summary.ts';
import { entryOf, testCatalog } from './test-catalog.ts';

// A filled-in config of every built-in node and what its card says, in Spanish. A new node type
// fails the first test until it is added here with what its card should show.
const cards: Record<string, { config: Record<string, unknown>; es: string[] }> = {
  'contact.update': {
    config: { channel: 'conversation', fields: { plan: '{{ vars.plan }}', city: 'Madrid' } },
    es: ['Guarda: plan, city'],
  },
  'conversation.handoff': {
    config: { queue: 'soporte', timeout: 'PT2H' },
    es: ['Cola: soporte', 'Como máximo: 2 horas'],
  },
  'email.inbound': {
    config: { address: 'ayuda@ejemplo.es', sender: '', subject: 'pedido', autoReplyPeriod: 'P1D' },
    es: ['Para: ayuda@ejemplo.es', 'Asunto con: pedido'],
  },
  'email.reply': {
    config: { content: 'inline', body: 'Gracias por escribirnos.' },
    es: ['Gracias por escribirnos.'],
  },
  'email.send': {
    config: { to: '{{ input.email }}', subject: 'Su cita', content: 'template', template: 'cita' },
    es: ['Para: {{ input.email }}', 'Su cita', 'Plantilla: cita'],
  },
  'flow.end': { config: { output: { result: 'ok' } }, es: ['Devuelve: result'] },
  'flow.start': { config: { trigger: 'api' }, es: ['Se inicia desde: la API'] },
  'flow.call': {
    config: { flowId: '01900000-0000-7000-8000-000000000001', flowName: 'Alta de cliente', mode: 'wait' },
    es: ['Ejecuta: Alta de cliente', 'espera a que termine'],
  },
  'ai.chat': {
    config: { mode: 'classify', intents: [{ id: 'billing', name: 'Cobros' }] },
    es: ['Clasificar el mensaje', 'Cobros'],
  },
  'logic.code': { config: { language: 'typescript', code: 'return 1' }, es: ['TypeScript'] },
  'http.request': {
    config: { method: 'POST', url: 'https://api.example.com/v1/orders?x=1' },
    es: ['POST api.example.com'],
  },
  'http.webhook': {
    config: { path: 'orders/new', method: 'POST', auth: 'hmac' },
    es: ['POST orders/new', 'Una petición firmada (HMAC-SHA256)'],
  },
  'http.respond': {
    config: { status: '201', body: '{"ok": true}' },
    es: ['Estado: 201', 'Cuerpo: {"ok": true}'],
  },
  'logic.ab-split': {
    config: {
      branches: [
        { id: 'a', label: 'A', share: 50 },
        { id: 'b', label: 'B', share: 50 },
      ],
    },
    es: ['A · 50\u00a0%', 'B · 50\u00a0%'],
  },
  'logic.business-hours': { config: { timezone: 'Europe/Madrid' }, es: ['Zona horaria: Europe/Madrid'] },
  'logic.set': {
    config: { assignments: [{ name: 'plan', value: 'gold' }] },
    es: ['plan = gold'],
  },
  'logic.split': {
    config: {
      branches: [
        {
          id: 'vip',
          label: 'VIP',
          conditions: [{ left: '{{ input.plan }}', operator: 'equals', right: 'gold' }],
        },
      ],
    },
    es: ['VIP: {{ input.plan }} es igual a gold'],
  },
  'logic.wait': { config: { duration: 'PT5M' }, es: ['Espera: 5 minutos'] },
  'logic.wait-for-event': {
    config: { event: 'pago', timeout: 'P1D' },
    es: ['Evento: pago', 'Como máximo: 1 día'],
  },
  'message.ask': {
    config: { question: '¿Qué día le viene bien?', choices: [{ id: 'lun', title: 'Lunes' }] },
    es: ['¿Qué día le viene bien?', 'Lunes'],
  },
  'message.inbound': {
    config: { channel: 'whatsapp', to: '+34600111222', keyword: 'CITA' },
    es: ['Palabra clave: CITA', 'A: +34600111222', 'WhatsApp'],
  },
  'message.send': {
    config: { channel: 'sms', text: 'Su cita es mañana', buttons: [] },
    es: ['Su cita es mañana'],
  },
  'message.template': { config: { name: 'recordatorio' }, es: ['Plantilla: recordatorio'] },
  'voice.enqueue': {
    config: { queue: 'soporte', maxWait: 'PT3M' },
    es: ['Cola: soporte', 'Como máximo: 3 minutos'],
  },
  'voice.gather': {
    config: { prompt: 'Marque su número de cliente', digits: 6 },
    es: ['Marque su número de cliente', 'Dígitos: 6'],
  },
  'voice.hangup': { config: {}, es: [] },
  'voice.inbound-call': {
    config: { numbers: ['1000', '+34910000000'] },
    es: ['Números: 1000, +34910000000'],
  },
  'voice.menu': {
    config: {
      prompt: 'Pulse 1 para ventas,\n2 para soporte',
      options: [
        { digit: '1', id: 'sales', label: 'Ventas' },
        { digit: '2', id: 'support', label: 'Soporte' },
      ],
      timeout: 'PT5S',
    },
    es: ['Pulse 1 para ventas, 2 para soporte', '1 · Ventas', '2 · Soporte'],
  },
  'voice.play': {
    config: { audio: 'https://cdn.example.com/hold.wav' },
    es: ['https://cdn.example.com/hold.wav'],
  },
  'voice.record': {
    config: { mode: 'voicemail', maxLength: 'PT2M' },
    es: ['Un mensaje (buzón de voz)', 'Como máximo: 2 minutos'],
  },
  'voice.say': { config: { text: 'Le pasamos con ventas' }, es: ['Le pasamos con ventas'] },
  'voice.transfer': {
    config: { target: 'sip:ventas@127.0.0.1:5070', mode: 'blind' },
    es: ['A: sip:ventas@127.0.0.1:5070', 'Ciega (entregarla)'],
  },
};

describe('nodeSummary', () => {
  it.each(testCatalog.map((entry) => [entry.type, entry] as const))(
    '%s: its card shows what its config says',
    (type, entry) => {
      const card = cards[type];
      expect(card, `add ${type} to the cards above with what its card shows`).toBeDefined();
      expect(nodeSummary(entry, card!.config, 'es')).toEqual(card!.es);
      // Same lines in English: the card's height does not depend on the language.
      expect(nodeSummary(entry, card!.config, 'en')).toHaveLength(
        nodeSummary(entry, card!.config, 'es').length,
      );
    },
  );

  it('says durations and choices in the reader’s language, never as ISO or enum values', () => {
    expect(nodeSummary(entryOf('logic.wait'), { duration: 'PT1H30M' }, 'en')).toEqual([
      'Waits: 1 hour and 30 minutes',
    ]);
    expect(nodeSummary(entryOf('voice.record'), { mode: 'voicemail' }, 'en')).toEqual([
      'A message (voicemail)',
    ]);
    expect(nodeSummary(entryOf('message.inbound'), { channel: 'whatsapp' }, 'es')).toEqual(['WhatsApp']);
  });

  it('leaves out what is empty or half-edited instead of showing it wrong', () => {
    expect(nodeSummary(entryOf('voice.say'), { text: '   ' }, 'es')).toEqual([]);
    expect(nodeSummary(entryOf('logic.wait'), { duration: 'PT' }, 'es')).toEqual([]);
    expect(nodeSummary(entryOf('logic.wait'), { duration: 5 }, 'es')).toEqual([]);
    expect(nodeSummary(entryOf('voice.menu'), { options: 'nope' }, 'es')).toEqual([]);
    expect(nodeSummary(entryOf('voice.menu'), { options: [null, 3, { digit: '1' }] }, 'es')).toEqual(['1']);
    expect(nodeSummary(entryOf('flow.end'), { output: ['x'] }, 'es')).toEqual([]);
    expect(nodeSummary(undefined, { text: 'x' }, 'es')).toEqual([]);
  });

  it('keeps a URL built by a template as written', () => {
    expect(nodeSummary(entryOf('http.request'), { method: 'GET', url: '{{ vars.api }}/x' }, 'es')).toEqual([
      'GET {{ vars.api }}/x',
    ]);
  });

  it('shows at most a few lines and says how many more there are', () => {
    const options = Array.from({ length: 9 }, (_, i) => ({
      digit: String(i + 1),
      id: `o${i}`,
      label: `Opción ${i + 1}`,
    }));
    const lines = nodeSummary(entryOf('voice.menu'), { prompt: 'Elija', options }, 'es');
    expect(lines).toHaveLength(maxSummaryLines);
    expect(lines.at(-1)).toBe('+7 más');
    expect(nodeSummary(entryOf('voice.menu'), { prompt: 'Pick', options }, 'en').at(-1)).toBe('+7 more');
  });

  it('cuts a very long text', () => {
    const [line] = nodeSummary(entryOf('voice.say'), { text: 'a'.repeat(500) }, 'es');
    expect(line!.length).toBeLessThanOrEqual(120);
    expect(line!.endsWith('…')).toBe(true);
  });

  it('draws a custom node by the summary it declares, and an unknown format as text', () => {
    const custom: CatalogEntry = {
      ...entryOf('voice.say'),
      type: 'acme.crm-lookup',
      summary: [
        { field: 'account', label: { en: 'Account', es: 'Cuenta' } },
        { field: 'level', as: 'stars' },
      ],
      configSchema: { type: 'object', properties: {} },
    };
    expect(nodeSummary(custom, { account: 'ACME-1', level: 'gold' }, 'es')).toEqual([
      'Cuenta: ACME-1',
      'gold',
    ]);
  });
});
