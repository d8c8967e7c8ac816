import catalogJson from '@omniflow/nodes/catalog.json';
import { describe, expect, it } from 'vitest';
import {
  arrayItems,
  enumValues,
  humanize,
  labelOf,
  properties,
  resolve,
  rootSchema,
  uiHints,
  widgetOf,
} from './json-schema.ts';

const schemaOf = (type: string) => rootSchema(catalogJson.find((e) => e.type === type)?.configSchema);
const property = (type: string, name: string) => {
  const found = properties(schemaOf(type)).find((p) => p.name === name);
  if (!found) throw new Error(`${type} has no ${name}`);
  return found;
};

describe('json-schema helpers', () => {
  it('picks a widget for every property of the real catalog', () => {
    const widgets = Object.fromEntries(
      catalogJson.flatMap((entry) =>
        properties(rootSchema(entry.configSchema)).map((p) => [`${entry.type}.${p.name}`, widgetOf(p.node)]),
      ),
    );
    expect(widgets).toEqual({
      'ai.chat.fields': 'rows',
      'ai.chat.instructions': 'template',
      'ai.chat.intents': 'rows',
      'ai.chat.knowledge': 'code',
      'ai.chat.message': 'template',
      'ai.chat.mode': 'select',
      'ai.chat.model': 'text',
      'ai.chat.stream': 'toggle',
      'ai.chat.timeout': 'duration',
      'contact.update.address': 'template',
      'contact.update.channel': 'select',
      'contact.update.fields': 'key-value',
      'conversation.handoff.address': 'template',
      'conversation.handoff.channel': 'select',
      'conversation.handoff.notifyUrl': 'template',
      'conversation.handoff.queue': 'text',
      'conversation.handoff.timeout': 'duration',
      'email.inbound.address': 'text',
      'email.inbound.autoReplyPeriod': 'duration',
      'email.inbound.sender': 'text',
      'email.inbound.subject': 'text',
      'email.reply.attachments': 'template',
      'email.reply.body': 'template',
      'email.reply.content': 'select',
      'email.reply.html': 'code',
      'email.reply.language': 'select',
      'email.reply.template': 'library-template',
      'email.send.attachments': 'template',
      'email.send.body': 'template',
      'email.send.cc': 'template',
      'email.send.content': 'select',
      'email.send.html': 'code',
      'email.send.language': 'select',
      'email.send.marketing': 'toggle',
      'email.send.replyTo': 'template',
      'email.send.subject': 'template',
      'email.send.template': 'library-template',
      'email.send.to': 'template',
      'flow.call.flowId': 'subflow',
      'flow.call.flowName': 'text',
      'flow.call.inputs': 'key-value',
      'flow.call.mode': 'select',
      'flow.call.version': 'number',
      'flow.end.output': 'key-value',
      'flow.start.inputs': 'rows',
      'flow.start.trigger': 'select',
      'http.request.body': 'code',
      'http.request.headers': 'key-value',
      'http.request.method': 'select',
      'http.request.timeout': 'duration',
      'http.request.url': 'template',
      'http.respond.body': 'code',
      'http.respond.bodyType': 'select',
      'http.respond.headers': 'key-value',
      'http.respond.status': 'template',
      'http.webhook.auth': 'select',
      'http.webhook.method': 'select',
      'http.webhook.path': 'text',
      'http.webhook.respondWithin': 'duration',
      'http.webhook.signatureHeader': 'text',
      'logic.ab-split.branches': 'rows',
      'logic.ab-split.by': 'template',
      'logic.business-hours.fri': 'rows',
      'logic.business-hours.holidays': 'rows',
      'logic.business-hours.mon': 'rows',
      'logic.business-hours.sat': 'rows',
      'logic.business-hours.sun': 'rows',
      'logic.business-hours.thu': 'rows',
      'logic.business-hours.timezone': 'text',
      'logic.business-hours.tue': 'rows',
      'logic.business-hours.wed': 'rows',
      'logic.code.code': 'script',
      'logic.code.language': 'select',
      'logic.code.memoryLimitMb': 'number',
      'logic.code.timeLimitMs': 'number',
      'logic.set.assignments': 'rows',
      'logic.split.branches': 'rows',
      'logic.wait-for-event.event': 'text',
      'logic.wait-for-event.timeout': 'duration',
      'logic.wait.duration': 'duration',
      'logic.wait.until': 'template',
      'message.ask.channel': 'select',
      'message.ask.choices': 'rows',
      'message.ask.expect': 'select',
      'message.ask.listButton': 'text',
      'message.ask.maxRetries': 'number',
      'message.ask.question': 'template',
      'message.ask.retryText': 'template',
      'message.ask.saveAs': 'text',
      'message.ask.timeout': 'duration',
      'message.ask.to': 'template',
      'message.inbound.channel': 'select',
      'message.inbound.keyword': 'text',
      'message.inbound.to': 'text',
      'message.send.buttons': 'rows',
      'message.send.channel': 'select',
      'message.send.language': 'select',
      'message.send.listButton': 'text',
      'message.send.mediaKind': 'select',
      'message.send.mediaUrl': 'template',
      'message.send.template': 'library-template',
      'message.send.text': 'template',
      'message.send.to': 'template',
      'message.template.language': 'text',
      'message.template.name': 'text',
      'message.template.parameters': 'rows',
      'message.template.to': 'template',
      'voice.enqueue.agents': 'rows',
      'voice.enqueue.announceEvery': 'duration',
      'voice.enqueue.language': 'select',
      'voice.enqueue.maxWait': 'duration',
      'voice.enqueue.music': 'template',
      'voice.enqueue.queue': 'text',
      'voice.enqueue.ringTimeout': 'duration',
      'voice.gather.digits': 'number',
      'voice.gather.finishOnKey': 'select',
      'voice.gather.invalidPrompt': 'template',
      'voice.gather.invalidRecordedPrompt': 'voice-prompt',
      'voice.gather.language': 'select',
      'voice.gather.maxRetries': 'number',
      'voice.gather.noInputPrompt': 'template',
      'voice.gather.noInputRecordedPrompt': 'voice-prompt',
      'voice.gather.pattern': 'text',
      'voice.gather.prompt': 'template',
      'voice.gather.recordedPrompt': 'voice-prompt',
      'voice.gather.saveAs': 'text',
      'voice.gather.timeout': 'duration',
      'voice.gather.voice': 'text',
      'voice.inbound-call.numbers': 'rows',
      'voice.menu.invalidPrompt': 'template',
      'voice.menu.invalidRecordedPrompt': 'voice-prompt',
      'voice.menu.language': 'select',
      'voice.menu.maxRetries': 'number',
      'voice.menu.noInputPrompt': 'template',
      'voice.menu.noInputRecordedPrompt': 'voice-prompt',
      'voice.menu.options': 'rows',
      'voice.menu.prompt': 'template',
      'voice.menu.recordedPrompt': 'voice-prompt',
      'voice.menu.saveAs': 'text',
      'voice.menu.timeout': 'duration',
      'voice.menu.voice': 'text',
      'voice.play.audio': 'voice-prompt',
      'voice.record.beep': 'toggle',
      'voice.record.finishOnKey': 'select',
      'voice.record.maxLength': 'duration',
      'voice.record.mode': 'select',
      'voice.say.language': 'select',
      'voice.say.recordedPrompt': 'voice-prompt',
      'voice.say.text': 'template',
      'voice.say.voice': 'text',
      'voice.transfer.announcement': 'template',
      'voice.transfer.language': 'select',
      'voice.transfer.mode': 'select',
      'voice.transfer.ringTimeout': 'duration',
      'voice.transfer.target': 'template',
    });
  });

  it('reads a z.json() value ($ref to an anyOf of every JSON type) as a JSON field with its ui hints', () => {
    const value = properties(arrayItems(property('logic.set', 'assignments').node)).find(
      (p) => p.name === 'value',
    );
    expect(value && widgetOf(value.node)).toBe('json');
    expect(value && uiHints(value.node).label).toEqual({ en: 'Value', es: 'Valor' });
    expect(value?.required).toBe(true);
  });

  it('unwraps a nullable type and keeps the outer ui hints', () => {
    const node = rootSchema({
      anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }],
      ui: { label: { en: 'Mode', es: 'Modo' } },
    });
    expect(widgetOf(node)).toBe('select');
    expect(enumValues(node)).toEqual(['a', 'b']);
    expect(labelOf('mode', node, 'es')).toBe('Modo');
  });

  it('treats a schema without a type, or with several types, as any JSON', () => {
    expect(widgetOf(rootSchema({}))).toBe('json');
    expect(widgetOf(rootSchema({ type: ['string', 'number'] }))).toBe('json');
    expect(widgetOf(rootSchema({ type: 'object' }))).toBe('json');
    expect(widgetOf(rootSchema({ type: 'object', additionalProperties: { type: 'number' } }))).toBe(
      'key-value',
    );
    expect(widgetOf(rootSchema({ type: 'array', items: { type: 'string' } }))).toBe('rows');
    expect(widgetOf(rootSchema({ type: 'integer' }))).toBe('number');
    expect(widgetOf(rootSchema({ type: 'boolean' }))).toBe('toggle');
    expect(widgetOf(rootSchema({ const: 'x' }))).toBe('select');
  });

  it('ignores a widget hint that does not fit the schema', () => {
    expect(widgetOf(rootSchema({ type: 'number', ui: { widget: 'duration' } }))).toBe('number');
    expect(widgetOf(rootSchema({ type: 'string', ui: { widget: 'rows' } }))).toBe('text');
    expect(widgetOf(rootSchema({ type: 'string', ui: { widget: 'made-up' } }))).toBe('text');
  });

  it('survives schemas that are not what it expects', () => {
    expect(properties(rootSchema(null))).toEqual([]);
    expect(properties(rootSchema({ properties: 'nope' }))).toEqual([]);
    expect(resolve(rootSchema({ $ref: '#/$defs/missing', ui: { widget: 'template' } })).schema).toEqual({
      ui: { widget: 'template' },
    });
    expect(uiHints(rootSchema({ ui: { label: 'not localized', widget: 3 } }))).toEqual({
      template: false,
      widget: undefined,
      language: undefined,
      label: undefined,
      optionLabels: undefined,
    });
    const loop = rootSchema({ $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' });
    expect(widgetOf(loop)).toBe('json');
  });

  it('humanises property names for labels', () => {
    expect(humanize('startedAt')).toBe('Started at');
    expect(humanize('max_retries')).toBe('Max retries');
    expect(humanize('content-type')).toBe('Content type');
    expect(labelOf('firstName', rootSchema({ type: 'string' }), 'es')).toBe('First name');
  });
});
