import type { FlowDocument } from './flow-schema.ts';

/**
 * What a published flow's trigger takes for itself: a dialled number, a first word (to a number,
 * on some channels) or a mail address. Two flows claiming the same thing race for it — the one
 * published last silently wins — so publishing refuses the second (TRIGGER_CLAIMED).
 */
export interface TriggerClaim {
  /** The trigger node that makes the claim. */
  nodeId: string;
  kind: 'number' | 'keyword' | 'address' | 'hook';
  /** Channels the claim holds on; two claims meet only where these overlap. */
  channels: readonly string[];
  /** Equal keys (of one kind, on a shared channel) are the same claim. */
  key: string;
  /** The claim as a person reads it, in English and Spanish. */
  en: string;
  es: string;
}

const messageChannels = ['whatsapp', 'sms', 'webchat', 'email'];
const digitsOnly = (number: string) => number.replace(/[\s().-]/g, '');
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
const text = (value: unknown) => (typeof value === 'string' ? value : '');

const claimingTypes = new Set(['voice.inbound-call', 'message.inbound', 'email.inbound', 'http.webhook']);

// A webhook's claim holds on the methods it takes; ANY takes them all, so it meets every one.
const hookMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The trigger node: the one the document names, or its (validated: only) claiming trigger. */
function triggerOf(doc: FlowDocument) {
  if (doc.trigger) return doc.nodes.find((n) => n.id === doc.trigger?.node);
  return doc.nodes.find((n) => claimingTypes.has(n.type));
}

/**
 * The claims of a flow's trigger, read from its stored config the way the inbound matchers read
 * it (inbound-call `numbers`, message.inbound `channel`/`to`/`keyword`, email.inbound
 * `address`/`sender`/`subject`); a trigger with no claim (a manual start) claims nothing.
 */
export function triggerClaims(doc: FlowDocument): TriggerClaim[] {
  const trigger = triggerOf(doc);
  if (!trigger) return [];
  const config = trigger.config;
  switch (trigger.type) {
    case 'voice.inbound-call': {
      const numbers = Array.isArray(config.numbers) ? config.numbers.map(text) : [];
      return numbers
        .filter((n) => digitsOnly(n) !== '')
        .map((n): TriggerClaim => ({
          nodeId: trigger.id,
          kind: 'number',
          channels: ['voice'],
          key: digitsOnly(n),
          en: `the number ${n.trim()}`,
          es: `el número ${n.trim()}`,
        }));
    }
    case 'message.inbound': {
      const channel = text(config.channel) || 'any';
      const to = digitsOnly(text(config.to));
      const keyword = text(config.keyword).trim();
      const toEn = to ? ` to ${text(config.to).trim()}` : '';
      const toEs = to ? ` al ${text(config.to).trim()}` : '';
      return [
        {
          nodeId: trigger.id,
          kind: 'keyword',
          channels: channel === 'any' ? messageChannels : [channel],
          key: `${to}\u0000${fold(keyword)}`,
          en: keyword ? `the keyword "${keyword}"${toEn}` : `every message${toEn}`,
          es: keyword ? `la palabra clave «${keyword}»${toEs}` : `todos los mensajes${toEs}`,
        },
      ];
    }
    case 'email.inbound': {
      const address = fold(text(config.address));
      const filters = `${fold(text(config.sender))}\u0000${fold(text(config.subject))}`;
      return [
        {
          nodeId: trigger.id,
          kind: 'address',
          channels: ['email'],
          key: `${address}\u0000${filters}`,
          en: address ? `the address ${address}` : 'mail to any of your addresses',
          es: address ? `la dirección ${address}` : 'el correo a cualquiera de tus direcciones',
        },
      ];
    }
    case 'http.webhook': {
      // Matched as the hook routes match it (normalizeWebhookPath): no end slashes, lowercase.
      const path = text(config.path)
        .trim()
        .replace(/^\/+|\/+$/g, '')
        .toLowerCase();
      const method = text(config.method) || 'POST';
      if (path === '') return [];
      const methods = method === 'ANY' ? 'any method' : method;
      const metodos = method === 'ANY' ? 'cualquier método' : method;
      return [
        {
          nodeId: trigger.id,
          kind: 'hook',
          channels: method === 'ANY' ? hookMethods : [method],
          key: path,
          en: `the webhook path ${path} (${methods})`,
          es: `la ruta de webhook ${path} (${metodos})`,
        },
      ];
    }
    default:
      return [];
  }
}

const mailAddress = (value: string) => value.trim().toLowerCase();

/**
 * The claims that routing settles across the whole installation, whatever workspace makes them,
 * read as routing reads them:
 * - a dialled number: the SIP endpoint serves every workspace and takes the newest published flow
 *   answering the number in any of them (voice/find-call-flow.ts);
 * - a mail address: the inbound mail server picks the workspace by the address alone, from any
 *   published `email.inbound` address or `message.inbound` "to" (email/mail-recipients.ts), before
 *   the sender and subject filters are read within that workspace.
 * Keywords and message numbers are not here: a message's workspace is known before any flow is
 * looked at (the channel connection it came through belongs to one), so they meet only within it.
 */
export function installClaims(doc: FlowDocument): TriggerClaim[] {
  const trigger = triggerOf(doc);
  if (!trigger) return [];
  const config = trigger.config;
  const address = (value: string): TriggerClaim[] =>
    value.includes('@')
      ? [
          {
            nodeId: trigger.id,
            kind: 'address',
            channels: ['email'],
            key: mailAddress(value),
            en: `the address ${mailAddress(value)}`,
            es: `la dirección ${mailAddress(value)}`,
          },
        ]
      : [];
  switch (trigger.type) {
    case 'voice.inbound-call':
      return triggerClaims(doc);
    case 'email.inbound':
      return address(text(config.address));
    case 'message.inbound':
      // Whatever its channel says: the mail server reads "to" alone.
      return address(text(config.to));
    default:
      return [];
  }
}

/** The first claim of `mine` that `theirs` also holds, if any. */
export function sharedClaim(
  mine: readonly TriggerClaim[],
  theirs: readonly TriggerClaim[],
): TriggerClaim | undefined {
  return mine.find((a) =>
    theirs.some(
      (b) => a.kind === b.kind && a.key === b.key && a.channels.some((c) => b.channels.includes(c)),
    ),
  );
}
