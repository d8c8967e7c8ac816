import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** A request body that is not XML we take: answered 400 INVALID_XML. */
export class XmlBodyError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Values stay text: a phone number or an idempotency key is never turned into a number.
  parseTagValue: false,
  trimValues: true,
});

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

/**
 * `<message><channel>sms</channel><to>…</to><variables><name>Ana</name></variables></message>`
 * as the JSON body would be. No DOCTYPE at all: entity declarations are how XML bodies blow up
 * (billion laughs) and nothing we take needs one.
 */
export function parseXmlBody(text: string, root: string): unknown {
  if (/<!DOCTYPE/i.test(text))
    throw new XmlBodyError('XML with a DOCTYPE is not taken; send the element alone');
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new XmlBodyError(`The body is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parsed: unknown = parser.parse(text);
  if (typeof parsed !== 'object' || parsed === null || !(root in parsed))
    throw new XmlBodyError(`The XML body's root element must be <${root}>`);
  const value = (parsed as Record<string, unknown>)[root];
  return value === '' ? {} : value;
}

/** An answer as XML under `root`; arrays become repeated `item` elements inside their element. */
export function xmlDocument(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: itemsWrapped(value) })}`;
}

function itemsWrapped(value: unknown): unknown {
  if (Array.isArray(value)) return { item: value.map(itemsWrapped) };
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, itemsWrapped(v)]),
    );
  return value;
}
