import type { OutboundMessage, ReplyButton } from '../messaging/messaging-driver.ts';
import type {
  GraphButtonInteractive,
  GraphInteractiveHeader,
  GraphListInteractive,
  GraphMessage,
  GraphMessageContent,
} from './graph-message.ts';
import { WhatsAppError } from './whatsapp-error.ts';

/** Meta's published limits for Cloud API messages, checked before anything is sent. */
export const whatsAppLimits = {
  textBody: 4096,
  buttonBody: 1024,
  listBody: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  sections: 10,
  rows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowId: 200,
  rowDescription: 72,
  caption: 1024,
} as const;

const e164 = /^\+[1-9]\d{6,14}$/;
const templateName = /^[a-z0-9_]+$/;
// Meta's template language codes: `es`, `es_MX`, `en_US`, `zh_CN`…
const templateLanguage = /^[a-z]{2,3}(_[A-Z]{2,4})?$/;

// Characters as a person counts them (an emoji is one), which is how the limits read in Meta's docs.
const length = (text: string) => [...text].length;

function fail(message: string): never {
  throw WhatsAppError.invalidMessage(message);
}

function checkText(what: string, text: string | undefined, max: number): string {
  if (text === undefined || text.trim() === '') fail(`${what} is empty`);
  if (length(text) > max) fail(`${what} is ${length(text)} characters; WhatsApp allows ${max}`);
  return text;
}

function checkUnique(what: string, values: string[]) {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) fail(`${what} "${value}" appears twice; WhatsApp needs each to be unique`);
    seen.add(value);
  }
}

function mediaHeader(message: OutboundMessage): GraphInteractiveHeader | undefined {
  const media = message.media;
  if (!media) return undefined;
  const link = checkLink(media.url);
  // Reply-button headers take text, image, video or document; there is no audio header.
  switch (media.kind) {
    case 'image':
      return { type: 'image', image: { link } };
    case 'video':
      return { type: 'video', video: { link } };
    case 'document':
      return { type: 'document', document: { link } };
    case 'audio':
      return fail('Reply buttons cannot carry audio; send the audio as its own message');
  }
}

function buttonMessage(message: OutboundMessage, buttons: ReplyButton[]): GraphButtonInteractive {
  if (buttons.length > whatsAppLimits.buttons) {
    fail(`${buttons.length} reply buttons; WhatsApp shows at most ${whatsAppLimits.buttons} (use a list)`);
  }
  for (const button of buttons) {
    checkText('A button title', button.title, whatsAppLimits.buttonTitle);
    checkText(`The id of button "${button.title}"`, button.id, whatsAppLimits.buttonId);
  }
  checkUnique(
    'Button id',
    buttons.map((b) => b.id),
  );
  checkUnique(
    'Button title',
    buttons.map((b) => b.title),
  );
  const header = mediaHeader(message);
  return {
    type: 'button',
    ...(header ? { header } : {}),
    body: { text: checkText('The text above the buttons', message.text, whatsAppLimits.buttonBody) },
    action: { buttons: buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
  };
}

function listMessage(
  message: OutboundMessage,
  list: NonNullable<OutboundMessage['list']>,
): GraphListInteractive {
  if (message.media) fail('A list message takes no media; send the media as its own message');
  const { sections } = list;
  if (sections.length === 0) fail('The list has no sections');
  if (sections.length > whatsAppLimits.sections) {
    fail(`${sections.length} list sections; WhatsApp allows ${whatsAppLimits.sections}`);
  }
  const rows = sections.flatMap((s) => s.rows);
  if (rows.length > whatsAppLimits.rows) {
    fail(`${rows.length} list rows; WhatsApp allows ${whatsAppLimits.rows} across all sections`);
  }
  for (const section of sections) {
    if (section.rows.length === 0) fail(`List section "${section.title}" has no rows`);
    // A title is only required to tell several sections apart.
    if (sections.length > 1 || section.title) {
      checkText('A list section title', section.title, whatsAppLimits.sectionTitle);
    }
  }
  for (const row of rows) {
    checkText('A list row title', row.title, whatsAppLimits.rowTitle);
    checkText(`The id of row "${row.title}"`, row.id, whatsAppLimits.rowId);
    if (row.description !== undefined) {
      checkText(`The description of row "${row.title}"`, row.description, whatsAppLimits.rowDescription);
    }
  }
  checkUnique(
    'List row id',
    rows.map((r) => r.id),
  );
  return {
    type: 'list',
    body: { text: checkText('The text above the list', message.text, whatsAppLimits.listBody) },
    action: {
      button: checkText('The list button label', list.button, whatsAppLimits.listButton),
      sections: sections.map((s) => ({
        ...(s.title ? { title: s.title } : {}),
        rows: s.rows.map((r) => ({
          id: r.id,
          title: r.title,
          ...(r.description !== undefined ? { description: r.description } : {}),
        })),
      })),
    },
  };
}

function checkLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`Media link "${url}" is not a URL`);
  }
  // Meta downloads linked media itself, so only a public http(s) address can work.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fail(`Media link "${url}" is not http(s)`);
  return url;
}

function mediaMessage(
  media: NonNullable<OutboundMessage['media']>,
  text: string | undefined,
): GraphMessageContent {
  const link = checkLink(media.url);
  const captionText = media.caption ?? text;
  const caption =
    captionText === undefined
      ? {}
      : { caption: checkText('The caption', captionText, whatsAppLimits.caption) };
  switch (media.kind) {
    case 'image':
      return { type: 'image', image: { link, ...caption } };
    case 'video':
      return { type: 'video', video: { link, ...caption } };
    case 'document':
      return { type: 'document', document: { link, ...caption } };
    case 'audio':
      // Audio messages have no caption on WhatsApp: refuse rather than drop the words silently.
      if (captionText !== undefined) fail('Audio messages carry no caption or text on WhatsApp');
      return { type: 'audio', audio: { link } };
  }
}

function content(message: OutboundMessage): GraphMessageContent {
  // A template wins: the same message may carry text for channels without templates (SMS).
  if (message.template) {
    const { name, language, parameters } = message.template;
    if (!templateName.test(name)) fail(`Template name "${name}" is not lowercase letters, digits and _`);
    if (!templateLanguage.test(language)) fail(`Template language "${language}" is not a code like es_MX`);
    parameters.forEach((p, i) => checkText(`Template parameter {{${i + 1}}}`, p, whatsAppLimits.textBody));
    return {
      type: 'template',
      template: {
        name,
        language: { code: language },
        ...(parameters.length > 0
          ? { components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }] }
          : {}),
      },
    };
  }
  const buttons = message.buttons?.length ? message.buttons : undefined;
  if (buttons && message.list) fail('A WhatsApp message shows reply buttons or a list, not both');
  if (buttons) return { type: 'interactive', interactive: buttonMessage(message, buttons) };
  if (message.list) return { type: 'interactive', interactive: listMessage(message, message.list) };
  if (message.media) return mediaMessage(message.media, message.text);
  return {
    type: 'text',
    text: { body: checkText('The message text', message.text, whatsAppLimits.textBody) },
  };
}

/** The Cloud API request body for a message; throws WHATSAPP_MESSAGE_INVALID when WhatsApp would refuse it. */
export function renderMessage(message: OutboundMessage): GraphMessage {
  if (!e164.test(message.to)) fail(`"${message.to}" is not a phone number in E.164 form (+5215512345678)`);
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to, ...content(message) };
}
