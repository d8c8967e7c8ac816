import { XMLBuilder } from 'fast-xml-parser';

// The TwiML verbs this driver answers with (Twilio's "TwiML Voice" reference). Attribute values
// are strings as they go on the wire; the builder escapes every text and attribute, so what a
// flow says (`a < b & "c"`) can never change the document's structure.

export type TwimlVerb =
  | { verb: 'Say'; text: string; language: string; voice?: string }
  | { verb: 'Play'; url: string; loop?: number }
  | { verb: 'Pause'; length: number }
  | {
      verb: 'Gather';
      action: string;
      numDigits: number;
      finishOnKey: string;
      timeout: number;
      /** Say/Play/Pause played while waiting: the first key interrupts them (barge-in). */
      nested: TwimlVerb[];
    }
  | {
      verb: 'Record';
      action: string;
      maxLength: number;
      playBeep: boolean;
      finishOnKey?: string;
    }
  | { verb: 'Dial'; action: string; timeout: number; target: string; answeredUrl: string }
  | { verb: 'Redirect'; url: string }
  | { verb: 'Hangup' }
  | { verb: 'Reject'; reason: 'rejected' | 'busy' };

type Node = Record<string, unknown>;

const element = (name: string, attributes: Record<string, string>, children: Node[] = []): Node => ({
  [name]: children,
  ...(Object.keys(attributes).length ? { ':@': prefixed(attributes) } : {}),
});

const prefixed = (attributes: Record<string, string>) =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`@_${name}`, value]));

const text = (value: string): Node => ({ '#text': value });

function toNode(verb: TwimlVerb): Node {
  switch (verb.verb) {
    case 'Say':
      return element('Say', { language: verb.language, ...(verb.voice ? { voice: verb.voice } : {}) }, [
        text(verb.text),
      ]);
    case 'Play':
      return element('Play', verb.loop === undefined ? {} : { loop: String(verb.loop) }, [text(verb.url)]);
    case 'Pause':
      return element('Pause', { length: String(verb.length) });
    case 'Gather':
      return element(
        'Gather',
        {
          input: 'dtmf',
          action: verb.action,
          method: 'POST',
          numDigits: String(verb.numDigits),
          finishOnKey: verb.finishOnKey,
          timeout: String(verb.timeout),
        },
        verb.nested.map(toNode),
      );
    case 'Record':
      return element('Record', {
        action: verb.action,
        method: 'POST',
        maxLength: String(verb.maxLength),
        playBeep: String(verb.playBeep),
        ...(verb.finishOnKey ? { finishOnKey: verb.finishOnKey } : {}),
      });
    case 'Dial': {
      // A SIP URI goes in <Sip>, anything else is a phone number; the noun's url runs when the
      // called party answers, which is how we learn "answered" without waiting for the call to end.
      const noun = /^sips?:/i.test(verb.target) ? 'Sip' : 'Number';
      return element('Dial', { action: verb.action, method: 'POST', timeout: String(verb.timeout) }, [
        element(noun, { url: verb.answeredUrl, method: 'POST' }, [text(verb.target)]),
      ]);
    }
    case 'Redirect':
      return element('Redirect', { method: 'POST' }, [text(verb.url)]);
    case 'Hangup':
      return element('Hangup', {});
    case 'Reject':
      return element('Reject', { reason: verb.reason });
  }
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
});

/** A TwiML `<Response>` document with these verbs, in order. */
export function renderTwiml(verbs: TwimlVerb[]): string {
  return builder.build([
    { '?xml': [], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
    { Response: verbs.map(toNode) },
  ]) as string;
}
