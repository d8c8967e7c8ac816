import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderTwiml } from './twiml-document.ts';

const parse = (xml: string) =>
  new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(
    xml,
  ) as Array<Record<string, unknown>>;

describe('renderTwiml', () => {
  it('keeps what a flow says as text, even when it looks like TwiML', () => {
    const xml = renderTwiml([
      { verb: 'Say', text: '</Say><Dial>+34600000000</Dial><Say>', language: 'es-ES' },
      { verb: 'Redirect', url: 'https://omniflow.example/voice/calls/CA1/continue/1?a=1&b=2' },
    ]);
    const response = parse(xml).find((node) => 'Response' in node)!.Response as Array<
      Record<string, unknown>
    >;
    expect(response.map((verb) => Object.keys(verb).find((k) => k !== ':@'))).toEqual(['Say', 'Redirect']);
    expect(response[0]).toMatchObject({
      Say: [{ '#text': '</Say><Dial>+34600000000</Dial><Say>' }],
      ':@': { language: 'es-ES' },
    });
    expect(response[1]).toMatchObject({
      Redirect: [{ '#text': 'https://omniflow.example/voice/calls/CA1/continue/1?a=1&b=2' }],
    });
  });

  it('nests the prompt in <Gather> and names a SIP target with <Sip>', () => {
    const xml = renderTwiml([
      {
        verb: 'Gather',
        action: 'https://x/g',
        numDigits: 1,
        finishOnKey: '',
        timeout: 5,
        nested: [{ verb: 'Say', text: 'Pulse 1', language: 'es-ES' }],
      },
      {
        verb: 'Dial',
        action: 'https://x/d',
        timeout: 30,
        target: 'sip:agent@pbx.example',
        answeredUrl: 'https://x/a',
      },
    ]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Gather input="dtmf" action="https://x/g" method="POST" numDigits="1" finishOnKey="" timeout="5"><Say language="es-ES">Pulse 1</Say></Gather>' +
        '<Dial action="https://x/d" method="POST" timeout="30"><Sip url="https://x/a" method="POST">sip:agent@pbx.example</Sip></Dial>' +
        '</Response>',
    );
  });
});
