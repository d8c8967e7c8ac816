// What the fake Graph API refuses in a POST /messages body, written from Meta's published request
// reference independently of the driver's renderer, so a mistake in one is caught by the other.

/** A Graph error the fake answers with: HTTP 400 and the Cloud API code, title and details. */
export interface Violation {
  code: number;
  title: string;
  details: string;
}

export interface FakeTemplate {
  name: string;
  language: string;
  bodyParameters: number;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const chars = (value: string) => [...value].length;

const missing = (details: string): Violation => ({
  code: 131008,
  title: 'Required parameter is missing',
  details,
});
const invalid = (details: string): Violation => ({
  code: 131009,
  title: 'Parameter value is not valid',
  details,
});

function text(value: unknown, name: string, max: number): Violation | null {
  if (value === undefined) return missing(`Parameter '${name}' is required`);
  if (typeof value !== 'string' || value.trim() === '')
    return invalid(`Parameter '${name}' must be a non-empty string`);
  if (chars(value) > max) return invalid(`Parameter '${name}' is too long. Max length is ${max}`);
  return null;
}

function unique(values: unknown[], name: string): Violation | null {
  return new Set(values).size === values.length ? null : invalid(`${name} must be unique`);
}

function link(value: unknown, name: string): Violation | null {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/.test(value))
    return invalid(`Parameter '${name}' must be an http(s) URL`);
  return null;
}

function media(type: string, value: unknown): Violation | null {
  if (!isRecord(value)) return missing(`Parameter '${type}' is required`);
  if ((value.id === undefined) === (value.link === undefined))
    return invalid(`Exactly one of '${type}.id' or '${type}.link' is required`);
  if (value.link !== undefined) {
    const bad = link(value.link, `${type}.link`);
    if (bad) return bad;
  }
  if (value.caption !== undefined) {
    if (type === 'audio') return invalid("Parameter 'audio.caption' is not supported");
    return text(value.caption, `${type}.caption`, 1024);
  }
  return null;
}

function buttons(interactive: Json): Violation | null {
  const body = isRecord(interactive.body) ? interactive.body.text : undefined;
  const action = isRecord(interactive.action) ? interactive.action : {};
  const list = action.buttons;
  if (!Array.isArray(list)) return missing("Parameter 'interactive.action.buttons' is required");
  if (list.length < 1 || list.length > 3) return invalid('Buttons count should be between 1 and 3');
  const replies = list.map((b: unknown) =>
    isRecord(b) && b.type === 'reply' && isRecord(b.reply) ? b.reply : null,
  );
  if (replies.includes(null)) return invalid("Each button must be of type 'reply' with a 'reply' object");
  for (const reply of replies) {
    const bad = text(reply?.title, 'button.reply.title', 20) ?? text(reply?.id, 'button.reply.id', 256);
    if (bad) return bad;
  }
  if (interactive.header !== undefined) {
    const header = interactive.header;
    if (!isRecord(header) || typeof header.type !== 'string')
      return invalid("Parameter 'interactive.header' is not valid");
    if (!['text', 'image', 'video', 'document'].includes(header.type))
      return invalid(`Header type '${header.type}' is not supported`);
    const bad =
      header.type === 'text' ? text(header.text, 'header.text', 60) : media(header.type, header[header.type]);
    if (bad) return bad;
  }
  return (
    text(body, 'interactive.body.text', 1024) ??
    unique(
      replies.map((r) => r?.title),
      'Button titles',
    ) ??
    unique(
      replies.map((r) => r?.id),
      'Button ids',
    )
  );
}

function list(interactive: Json): Violation | null {
  const body = isRecord(interactive.body) ? interactive.body.text : undefined;
  const action = isRecord(interactive.action) ? interactive.action : {};
  const sections = action.sections;
  const bad =
    text(body, 'interactive.body.text', 4096) ?? text(action.button, 'interactive.action.button', 20);
  if (bad) return bad;
  if (!Array.isArray(sections)) return missing("Parameter 'interactive.action.sections' is required");
  if (sections.length < 1 || sections.length > 10)
    return invalid('Sections count should be between 1 and 10');
  const rows: Json[] = [];
  for (const section of sections) {
    if (!isRecord(section) || !Array.isArray(section.rows) || section.rows.length === 0) {
      return invalid('Each section must have at least one row');
    }
    if (sections.length > 1 || section.title !== undefined) {
      const badTitle = text(section.title, 'section.title', 24);
      if (badTitle) return badTitle;
    }
    for (const row of section.rows) {
      if (!isRecord(row)) return invalid('Each row must be an object');
      rows.push(row);
    }
  }
  if (rows.length > 10) return invalid('Total row count exceed max allowed count: 10');
  for (const row of rows) {
    const badRow =
      text(row.id, 'row.id', 200) ??
      text(row.title, 'row.title', 24) ??
      (row.description === undefined ? null : text(row.description, 'row.description', 72));
    if (badRow) return badRow;
  }
  return unique(
    rows.map((r) => r.id),
    'Row ids',
  );
}

function template(value: unknown, templates: FakeTemplate[] | undefined): Violation | null {
  if (!isRecord(value)) return missing("Parameter 'template' is required");
  const language = isRecord(value.language) ? value.language.code : undefined;
  const bad = text(value.name, 'template.name', 512) ?? text(language, 'template.language.code', 15);
  if (bad) return bad;
  const components = value.components ?? [];
  if (!Array.isArray(components)) return invalid("Parameter 'template.components' must be an array");
  let parameters = 0;
  for (const component of components) {
    if (!isRecord(component) || !Array.isArray(component.parameters))
      return invalid('Each component needs parameters');
    if (component.type !== 'body') continue;
    for (const parameter of component.parameters) {
      if (!isRecord(parameter) || parameter.type !== 'text')
        return invalid("Body parameters must be of type 'text'");
      const badText = text(parameter.text, 'parameter.text', 32768);
      if (badText) return badText;
      parameters += 1;
    }
  }
  if (!templates) return null;
  const known = templates.find((t) => t.name === value.name && t.language === language);
  if (!known) {
    return {
      code: 132001,
      title: 'Template name does not exist in the translation',
      details: `template name (${String(value.name)}) does not exist in ${String(language)}`,
    };
  }
  if (known.bodyParameters !== parameters) {
    return {
      code: 132000,
      title: 'Number of parameters does not match the expected number of params',
      details: `body: number of localizable_params (${parameters}) does not match the expected number of params (${known.bodyParameters})`,
    };
  }
  return null;
}

function violation(body: unknown, templates: FakeTemplate[] | undefined): Violation | null {
  if (!isRecord(body) || body.messaging_product !== 'whatsapp') {
    return { code: 100, title: 'Invalid parameter', details: 'The parameter messaging_product is required.' };
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
    return invalid("Parameter 'recipient_type' must be 'individual'");
  }
  if (typeof body.to !== 'string') return missing("Parameter 'to' is required");
  if (!/^\+?\d{7,15}$/.test(body.to)) return invalid(`'${body.to}' is not a valid phone number`);
  switch (body.type) {
    case 'text':
      return text(isRecord(body.text) ? body.text.body : undefined, 'text.body', 4096);
    case 'interactive': {
      const interactive = body.interactive;
      if (!isRecord(interactive)) return missing("Parameter 'interactive' is required");
      if (interactive.type === 'button') return buttons(interactive);
      if (interactive.type === 'list') return list(interactive);
      return invalid(`Interactive type '${String(interactive.type)}' is not supported by this fake`);
    }
    case 'template':
      return template(body.template, templates);
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
      return media(body.type, body[body.type]);
    default:
      return {
        code: 131051,
        title: 'Unsupported message type',
        details: `Message type '${String(body.type)}' is not supported`,
      };
  }
}

/** The first reason Meta would refuse this message body, or its recipient and type when it is well formed. */
export function checkMessageBody(
  body: unknown,
  templates?: FakeTemplate[],
): { violation: Violation } | { message: { to: string; type: string } } {
  const found = violation(body, templates);
  if (found) return { violation: found };
  if (!isRecord(body) || typeof body.to !== 'string' || typeof body.type !== 'string') {
    return { violation: missing("Parameters 'to' and 'type' are required") };
  }
  return { message: { to: body.to, type: body.type } };
}
