// GSM 03.38: the basic alphabet and its extension table (each extension character costs two
// septets, an escape and itself). Any other character forces UCS-2.
const basic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const extension = '^{}\\[~]|€\f';
const basicSet = new Set(basic);
const extensionSet = new Set(extension);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsPlan {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** The parts it is sent in: 160/153 septets or 70/67 UCS-2 units per part. */
  parts: string[];
}

/** Chooses GSM-7 when every character fits, else UCS-2, and splits the text into SMS parts. */
export function planSms(text: string): SmsPlan {
  const chars = [...text];
  const gsm = chars.every((c) => basicSet.has(c) || extensionSet.has(c));
  const cost = (c: string) => (gsm ? (extensionSet.has(c) ? 2 : 1) : c.length);
  const units = chars.reduce((sum, c) => sum + cost(c), 0);
  const single = gsm ? 160 : 70;
  if (units <= single) return { encoding: gsm ? 'gsm7' : 'ucs2', units, parts: [text] };
  // Concatenated parts carry a 6-byte UDH: 153 septets or 67 UCS-2 units each. A part never
  // ends between an escape and its character, or inside a surrogate pair (chars are code points).
  const limit = gsm ? 153 : 67;
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const c of chars) {
    if (used + cost(c) > limit) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += c;
    used += cost(c);
  }
  if (current) parts.push(current);
  return { encoding: gsm ? 'gsm7' : 'ucs2', units, parts };
}
