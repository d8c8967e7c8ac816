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
  // One pass over the characters for the encoding and the size: a campaign plans every message
  // (twice: for the bag's units and in the driver), and most fit in one part.
  let gsm = true;
  let septets = 0;
  for (const c of text) {
    if (basicSet.has(c)) septets += 1;
    else if (extensionSet.has(c)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  // UCS-2 counts UTF-16 code units: the string's own length.
  const units = gsm ? septets : text.length;
  const single = gsm ? 160 : 70;
  if (units <= single) return { encoding: gsm ? 'gsm7' : 'ucs2', units, parts: [text] };
  const chars = [...text];
  const cost = (c: string) => (gsm ? (extensionSet.has(c) ? 2 : 1) : c.length);
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
