import smpp, { type Pdu, type Session } from 'smpp';

// The least an SMPP client can do to submit messages: one bound session straight from the
// `smpp` package, submit_sm kept `window` deep, nothing remembered. It is the baseline the
// SmppDriver's send rate is measured against (runtime/bench/sms-submit-benchmark.ts), so it sends
// the same PDUs the driver would, built here by hand rather than with the driver's helpers.

/** One submit_sm as it goes on the wire (long messages are already split, UDH included). */
export interface RawSubmit {
  source: string;
  destination: string;
  text: string;
  /** The concatenation UDH, UDHL first, for a part of a long message. */
  udh?: Buffer;
}

export interface RawSmppSubmitterOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
}

// SMPP 3.4 §5.2.5, §5.2.12, §5.2.17: international/ISDN numbers, UDH indicator, final receipt.
const TON_INTERNATIONAL = 1;
const NPI_ISDN = 1;
const ESM_CLASS_UDHI = 0x40;
const REGISTERED_DELIVERY_FINAL = 0x01;

export class RawSmppSubmitter {
  private constructor(private readonly session: Session) {}

  /** Connects and binds as a transceiver, the bind the driver uses. */
  static connect(options: RawSmppSubmitterOptions): Promise<RawSmppSubmitter> {
    return new Promise((resolve, reject) => {
      const session = smpp.connect({ host: options.host, port: options.port });
      session.socket.setNoDelay(true);
      session.once('error', reject);
      session.on('connect', () => {
        const bind = new smpp.PDU('bind_transceiver', {
          system_id: options.systemId,
          password: options.password,
          interface_version: 0x34,
        });
        session.send(bind, (response: Pdu) => {
          if (response.command_status === 0) resolve(new RawSmppSubmitter(session));
          else reject(new Error(`bind refused with status ${response.command_status}`));
        });
      });
    });
  }

  /** Submits every PDU, at most `window` unanswered at a time; rejects on the first error status. */
  submitAll(submits: readonly RawSubmit[], window: number): Promise<void> {
    return new Promise((resolve, reject) => {
      let next = 0;
      let answered = 0;
      let failed = false;
      const sendNext = () => {
        const submit = submits[next++];
        if (!submit) return;
        const pdu = new smpp.PDU('submit_sm', {
          source_addr_ton: TON_INTERNATIONAL,
          source_addr_npi: NPI_ISDN,
          source_addr: submit.source.replace(/^\+/, ''),
          dest_addr_ton: TON_INTERNATIONAL,
          dest_addr_npi: NPI_ISDN,
          destination_addr: submit.destination.replace(/^\+/, ''),
          esm_class: submit.udh ? ESM_CLASS_UDHI : 0,
          registered_delivery: REGISTERED_DELIVERY_FINAL,
          data_coding: 0,
          short_message: submit.udh ? { udh: submit.udh, message: submit.text } : { message: submit.text },
        });
        this.session.send(pdu, (response: Pdu) => {
          if (failed) return;
          if (response.command_status !== 0 || !response.message_id) {
            failed = true;
            reject(new Error(`submit_sm answered with status ${response.command_status}`));
            return;
          }
          if (++answered === submits.length) resolve();
          else sendNext();
        });
      };
      if (submits.length === 0) resolve();
      for (let i = 0; i < Math.min(window, submits.length); i++) sendNext();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.session.send(new smpp.PDU('unbind', {}), () => this.session.destroy(() => resolve()));
    });
  }
}
