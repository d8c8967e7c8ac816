// Concatenated SMS (3GPP TS 23.040 §9.2.3.24.1 and .8): each part carries its message's
// reference number, the number of parts and its own position, either in a user data header
// information element or, on SMPP, in the sar_* TLVs (SMPP 3.4 §5.3.2.22–24).

/** Where one part sits in its concatenated message. */
export interface ConcatInfo {
  reference: number;
  total: number;
  sequence: number;
}

const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;

/** The 6-byte UDH (UDHL, IEI 0x00, IEDL 3, ref, total, seq) that prefixes every part we send. */
export function concatUdh(reference: number, total: number, sequence: number): Buffer {
  return Buffer.from([0x05, IEI_CONCAT_8BIT, 0x03, reference & 0xff, total, sequence]);
}

/** Finds the concatenation element among a part's UDH information elements (each IEI, IEDL, data). */
export function concatFromUdh(elements: readonly Buffer[]): ConcatInfo | undefined {
  for (const ie of elements) {
    if (ie[0] === IEI_CONCAT_8BIT && ie[1] === 3 && ie.length >= 5) {
      return valid({ reference: ie[2] ?? 0, total: ie[3] ?? 0, sequence: ie[4] ?? 0 });
    }
    if (ie[0] === IEI_CONCAT_16BIT && ie[1] === 4 && ie.length >= 6) {
      return valid({ reference: ie.readUInt16BE(2), total: ie[4] ?? 0, sequence: ie[5] ?? 0 });
    }
  }
  return undefined;
}

/** The same information from SMPP's sar_* TLVs, when all three are present. */
export function concatFromSar(
  reference: number | undefined,
  total: number | undefined,
  sequence: number | undefined,
): ConcatInfo | undefined {
  if (reference === undefined || total === undefined || sequence === undefined) return undefined;
  return valid({ reference, total, sequence });
}

// 23.040: a total of 0, or a sequence of 0 or past the total, means "ignore this element".
function valid(info: ConcatInfo): ConcatInfo | undefined {
  return info.total >= 1 && info.sequence >= 1 && info.sequence <= info.total ? info : undefined;
}
