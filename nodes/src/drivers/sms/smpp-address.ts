// SMPP 3.4 §5.2.5–5.2.6: an address travels as digits plus a type of number (TON) and numbering
// plan (NPI). Omniflow speaks E.164 ("+34600111222") everywhere else, so this is the one place
// that converts.
export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

const TON_UNKNOWN = 0;
const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const NPI_UNKNOWN = 0;
const NPI_ISDN = 1;

/** "+34600111222" → international/ISDN digits; "Omniflow" → an alphanumeric sender id. */
export function toSmppAddress(address: string): SmppAddress {
  const trimmed = address.trim();
  if (/^\+\d+$/.test(trimmed)) return { addr: trimmed.slice(1), ton: TON_INTERNATIONAL, npi: NPI_ISDN };
  if (/^\d+$/.test(trimmed)) return { addr: trimmed, ton: TON_UNKNOWN, npi: NPI_ISDN };
  return { addr: trimmed, ton: TON_ALPHANUMERIC, npi: NPI_UNKNOWN };
}

/** The E.164 form of an address an SMSC sent, when its TON says it is international. */
export function fromSmppAddress(addr: string, ton: number | undefined): string {
  return ton === TON_INTERNATIONAL && /^\d+$/.test(addr) ? `+${addr}` : addr;
}
