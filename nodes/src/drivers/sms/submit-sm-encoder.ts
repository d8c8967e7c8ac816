import smppDefs from 'smpp/lib/defs.js';
import type { SmsEncoding } from '../messaging/sms-encoding.ts';
import type { SmppAddress } from './smpp-address.ts';

// A submit_sm written straight into its bytes, once, when a send is planned. The `smpp` package
// builds the same PDU from an object of fields on every write (a PDU object, a filter pass, a
// GSM-7 coder that rebuilds its tables and a RegExp per call, a Buffer.concat for the UDH): at a
// campaign's 100,000 messages that was a third of the driver's CPU and much of its garbage.
// submit-sm-encoder.test.ts checks these bytes against the package's own encoding.

// SMPP 3.4 §5.1.2: submit_sm's command id; §4.4.1: its mandatory fields in order.
const SUBMIT_SM = 0x00000004;
const HEADER_BYTES = 16;

// The package's own GSM 03.38 table (what it sends for data_coding 0x00): a character outside it
// goes as a space, an extension character as ESC and its escape code, as the package does.
const coder = smppDefs.gsmCoder.getCoder(0x00);
// A character's septet; an extension character's escape code with 0x100 set (sent after ESC).
const gsmCodes = new Map<string, number>();
for (const [char, code] of Object.entries(coder.charListEnc)) gsmCodes.set(char, code);
for (const [char, escaped] of Object.entries(coder.extCharListEnc))
  gsmCodes.set(char, 0x100 | (coder.charListEnc[escaped] ?? 0x20));

/** A part's text as it travels: unpacked GSM-7 septets (one per byte) or UCS-2 big-endian. */
export function encodeShortMessage(text: string, encoding: SmsEncoding): Buffer {
  if (encoding === 'ucs2') return Buffer.from(text, 'utf16le').swap16();
  const bytes = Buffer.allocUnsafe(text.length * 2);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = gsmCodes.get(text[i]!) ?? 0x20;
    if (code & 0x100) bytes[at++] = 0x1b;
    bytes[at++] = code & 0xff;
  }
  return bytes.subarray(0, at);
}

export interface SubmitSmFields {
  source: SmppAddress;
  destination: SmppAddress;
  esmClass: number;
  registeredDelivery: number;
  dataCoding: number;
  /** The concatenation UDH (UDHL first) for a part of a long message. */
  udh: Buffer | undefined;
  /** The part's text, already encoded (encodeShortMessage). */
  message: Buffer;
}

/**
 * The whole submit_sm PDU, sequence number 0: the link writes its own into bytes 12–15 when it
 * sends it (encodedSubmit), so a part sent again after a re-bind reuses these bytes.
 */
export function encodeSubmitSm(fields: SubmitSmFields): Buffer {
  const { source, destination, udh, message } = fields;
  const shortLength = (udh?.length ?? 0) + message.length;
  if (shortLength > 255) throw new RangeError(`A short_message holds at most 255 bytes, not ${shortLength}`);
  const length =
    HEADER_BYTES +
    1 + // service_type ""
    2 +
    source.addr.length +
    1 +
    2 +
    destination.addr.length +
    1 +
    3 + // esm_class, protocol_id, priority_flag
    2 + // schedule_delivery_time "", validity_period ""
    4 + // registered_delivery, replace_if_present_flag, data_coding, sm_default_msg_id
    1 + // sm_length
    shortLength;
  const pdu = Buffer.alloc(length);
  pdu.writeUInt32BE(length, 0);
  pdu.writeUInt32BE(SUBMIT_SM, 4);
  // command_status 0; sequence_number written when sent.
  let at = HEADER_BYTES + 1;
  pdu[at++] = source.ton;
  pdu[at++] = source.npi;
  at += pdu.write(source.addr, at, 'latin1') + 1;
  pdu[at++] = destination.ton;
  pdu[at++] = destination.npi;
  at += pdu.write(destination.addr, at, 'latin1') + 1;
  pdu[at++] = fields.esmClass;
  at += 2 + 2; // protocol_id, priority_flag, both schedule times empty
  pdu[at++] = fields.registeredDelivery;
  at++; // replace_if_present_flag
  pdu[at++] = fields.dataCoding;
  at++; // sm_default_msg_id
  pdu[at++] = shortLength;
  if (udh) at += udh.copy(pdu, at);
  message.copy(pdu, at);
  return pdu;
}
