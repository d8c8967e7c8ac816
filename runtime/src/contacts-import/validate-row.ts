import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { importMessage, type ImportCode, type ImportLanguage } from './import-messages.ts';
import type { CustomField } from './import-mapping.ts';

/** A row that passed: what it says about a person, addresses normalised. */
export interface ImportedPerson {
  line: number;
  firstName: string;
  lastName: string;
  displayName: string;
  language: string | null;
  timezone: string | null;
  tags: string[];
  attributes: Record<string, unknown>;
  consent: boolean;
  /** `sms` and `whatsapp` in E.164, `email` lower-cased. */
  addresses: { channel: 'sms' | 'whatsapp' | 'email'; address: string }[];
}

export interface RowRejection {
  line: number;
  /** The column's title as the file has it ('' for the row as a whole). */
  field: string;
  code: ImportCode;
  reason: string;
}

export type RowOutcome = { person: ImportedPerson } | { rejections: RowRejection[] };

const MAX_TEXT = 500;
const email = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]{2,}$/;
const yes = new Set(['yes', 'y', 'si', 'sí', 's', 'true', '1', 'x', 'ok']);
const no = new Set(['no', 'n', 'false', '0']);

const zoneCache = new Map<string, string | null>();
/** The zone's canonical spelling, or null when it is not an IANA zone. */
function canonicalZone(value: string): string | null {
  let zone = zoneCache.get(value);
  if (zone !== undefined) return zone;
  try {
    zone = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    zone = null;
  }
  zoneCache.set(value, zone);
  return zone;
}

function canonicalLanguage(value: string): string | null {
  if (!/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value.replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

function parseDate(value: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (m) [d, mo, y] = [m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'), m[3]];
  }
  if (!y) return null;
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Checks one row against the mapping: phones to E.164 with the default country, emails, language,
 * zone, consent and typed custom fields. Any bad value rejects the row with a reason per column,
 * so the report lists every fix a line needs at once.
 */
export function rowValidator(options: {
  header: string[];
  mapping: Record<string, string>;
  fields: CustomField[];
  country: string | null;
  language: ImportLanguage;
}) {
  const { language } = options;
  const country = (options.country ?? undefined) as CountryCode | undefined;
  const fieldByKey = new Map(options.fields.map((f) => [f.key, f]));
  const columns = options.header
    .map((title, index) => ({ title, index, target: options.mapping[title] ?? 'ignore' }))
    .filter((c) => c.target !== 'ignore');
  const say = (code: ImportCode, words: Record<string, string> = {}) => importMessage(code, language, words);

  return function validate(line: number, cells: string[]): RowOutcome {
    const person: ImportedPerson = {
      line,
      firstName: '',
      lastName: '',
      displayName: '',
      language: null,
      timezone: null,
      tags: [],
      attributes: {},
      consent: false,
      addresses: [],
    };
    const rejections: RowRejection[] = [];
    const reject = (field: string, code: ImportCode, words: Record<string, string> = {}) =>
      rejections.push({ line, field, code, reason: say(code, words) });
    for (const { title, index, target } of columns) {
      const value = (cells[index] ?? '').trim();
      if (value === '') continue;
      if (value.length > MAX_TEXT && target !== 'tags') {
        reject(title, 'IMPORT_VALUE_TOO_LONG', { value: String(MAX_TEXT) });
        continue;
      }
      switch (target) {
        case 'first_name':
          person.firstName = value;
          break;
        case 'last_name':
          person.lastName = value;
          break;
        case 'display_name':
          person.displayName = value;
          break;
        case 'phone':
        case 'whatsapp': {
          const phone = parsePhoneNumberFromString(value, country);
          if (!phone?.isValid()) reject(title, 'IMPORT_PHONE_INVALID', { value, country: country ?? '' });
          else
            person.addresses.push({
              channel: target === 'phone' ? 'sms' : 'whatsapp',
              address: phone.number,
            });
          break;
        }
        case 'email': {
          const address = value.toLowerCase();
          if (address.length > 254 || !email.test(address)) reject(title, 'IMPORT_EMAIL_INVALID', { value });
          else person.addresses.push({ channel: 'email', address });
          break;
        }
        case 'language': {
          const code = canonicalLanguage(value);
          if (!code) reject(title, 'IMPORT_LANGUAGE_INVALID', { value });
          else person.language = code;
          break;
        }
        case 'timezone': {
          const zone = canonicalZone(value);
          if (!zone) reject(title, 'IMPORT_TIMEZONE_INVALID', { value });
          else person.timezone = zone;
          break;
        }
        case 'tags':
          for (const tag of value.split(/[,;|]/)) {
            const t = tag.trim().slice(0, 100);
            if (t && !person.tags.includes(t)) person.tags.push(t);
          }
          break;
        case 'consent': {
          const word = value.toLowerCase();
          if (yes.has(word)) person.consent = true;
          else if (!no.has(word)) reject(title, 'IMPORT_CONSENT_INVALID', { value });
          break;
        }
        default: {
          const field = fieldByKey.get(target.slice(6))!;
          const parsed = fieldValue(field, value);
          if (parsed.code) reject(title, parsed.code, { value, choices: (field.choices ?? []).join(', ') });
          else person.attributes[field.key] = parsed.value;
        }
      }
    }
    if (rejections.length > 0) return { rejections };
    if (person.addresses.length === 0) {
      reject('', 'IMPORT_NO_ADDRESS');
      return { rejections };
    }
    if (!person.displayName)
      person.displayName = [person.firstName, person.lastName].filter(Boolean).join(' ');
    return { person };
  };
}

function fieldValue(field: CustomField, value: string): { value?: unknown; code?: ImportCode } {
  switch (field.type) {
    case 'number': {
      const number = Number(value.replace(/\s/g, '').replace(/,(\d+)$/, '.$1'));
      return Number.isFinite(number) ? { value: number } : { code: 'IMPORT_NUMBER_INVALID' };
    }
    case 'date': {
      const date = parseDate(value);
      return date ? { value: date } : { code: 'IMPORT_DATE_INVALID' };
    }
    case 'boolean': {
      const word = value.toLowerCase();
      if (yes.has(word)) return { value: true };
      if (no.has(word)) return { value: false };
      return { code: 'IMPORT_BOOLEAN_INVALID' };
    }
    case 'choice': {
      const choice = (field.choices ?? []).find((c) => c.toLowerCase() === value.toLowerCase());
      return choice === undefined ? { code: 'IMPORT_CHOICE_INVALID' } : { value: choice };
    }
    default:
      return { value };
  }
}
