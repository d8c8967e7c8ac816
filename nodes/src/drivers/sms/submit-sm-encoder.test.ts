import smpp from 'smpp';
import { describe, expect, it } from 'vitest';
import { planSms } from '../messaging/sms-encoding.ts';
import { concatUdh } from './concatenation.ts';
import { toSmppAddress } from './smpp-address.ts';
import { encodeShortMessage, encodeSubmitSm } from './submit-sm-encoder.ts';

// What the `smpp` package itself writes for the same fields: the driver used to send these.
function packageBytes(from: string, to: string, text: string, encoding: 'gsm7' | 'ucs2', udh?: Buffer) {
  const source = toSmppAddress(from);
  const destination = toSmppAddress(to);
  const pdu = new smpp.PDU('submit_sm', {
    source_addr_ton: source.ton,
    source_addr_npi: source.npi,
    source_addr: source.addr,
    dest_addr_ton: destination.ton,
    dest_addr_npi: destination.npi,
    destination_addr: destination.addr,
    esm_class: udh ? 0x40 : 0,
    registered_delivery: 1,
    data_coding: encoding === 'gsm7' ? 0x00 : 0x08,
    short_message: udh ? { udh, message: text } : { message: text },
  }) as unknown as { toBuffer(): Buffer };
  return pdu.toBuffer();
}

function ownBytes(from: string, to: string, text: string, encoding: 'gsm7' | 'ucs2', udh?: Buffer) {
  return encodeSubmitSm({
    source: toSmppAddress(from),
    destination: toSmppAddress(to),
    esmClass: udh ? 0x40 : 0,
    registeredDelivery: 1,
    dataCoding: encoding === 'gsm7' ? 0x00 : 0x08,
    udh,
    message: encodeShortMessage(text, encoding),
  });
}

describe('encodeSubmitSm', () => {
  const cases: [string, string, string][] = [
    ['+5110000000', '+51987654321', 'Hola Ana1, su cita es manana a las 9.'],
    ['Omniflow', '+34600111222', 'Precio: 10€ [oferta] {hoy} ~ ^ | \\ y ñ, ü, É, ß, ¿Sí?'],
    ['12345', '600111222', 'Línea 1\nLínea 2\r@£$¥'],
    ['+5110000000', '+51987654321', 'Entrega confirmada ✅ 日本 😀'],
    ['+5110000000', '+51987654321', ''],
  ];
  it.each(cases)('writes what the smpp package writes (%s → %s: %s)', (from, to, text) => {
    const { encoding } = planSms(text);
    expect(ownBytes(from, to, text, encoding).equals(packageBytes(from, to, text, encoding))).toBe(true);
  });

  it('writes a long message part with its UDH as the package does', () => {
    const text = 'Recordatorio de su cita en la clinica, traiga su documento. '.repeat(4);
    const plan = planSms(text);
    expect(plan.parts.length).toBeGreaterThan(1);
    plan.parts.forEach((part, i) => {
      const udh = concatUdh(7, plan.parts.length, i + 1);
      expect(
        ownBytes('+1', '+2', part, plan.encoding, udh).equals(
          packageBytes('+1', '+2', part, plan.encoding, udh),
        ),
      ).toBe(true);
    });
    const ucs2 = planSms('✅ '.repeat(60));
    const udh = concatUdh(8, ucs2.parts.length, 1);
    expect(
      ownBytes('+1', '+2', ucs2.parts[0]!, 'ucs2', udh).equals(
        packageBytes('+1', '+2', ucs2.parts[0]!, 'ucs2', udh),
      ),
    ).toBe(true);
  });

  it('refuses a short message that does not fit the one-byte length', () => {
    expect(() => ownBytes('+1', '+2', 'x'.repeat(300), 'gsm7')).toThrow(RangeError);
  });

  it('reads back as the submit_sm it was built from', () => {
    const bytes = ownBytes('+5110000000', '+51987654321', 'Hola {Ana}', 'gsm7');
    bytes.writeUInt32BE(42, 12);
    const pdu = new smpp.PDU(bytes as unknown as string) as unknown as Record<string, unknown>;
    expect(pdu).toMatchObject({
      command: 'submit_sm',
      sequence_number: 42,
      source_addr: '5110000000',
      destination_addr: '51987654321',
      data_coding: 0,
      registered_delivery: 1,
    });
    expect((pdu.short_message as { message: string }).message).toBe('Hola {Ana}');
  });
});
