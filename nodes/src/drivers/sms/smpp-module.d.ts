// Types for the parts of the `smpp` package (0.5.x, plain JavaScript) that Omniflow uses. The
// package decodes PDUs into plain objects whose fields depend on the command, so the fields are
// declared optional and read with checks.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** short_message / message_payload after the package's decoding filter. */
  export interface DecodedShortMessage {
    /** Information elements of the user data header, each without the UDHL byte. */
    udh?: Buffer[];
    message: string | Buffer;
  }

  export type ShortMessageInput = string | Buffer | { udh?: Buffer; message: string };

  export interface Pdu {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    system_id?: string;
    password?: string;
    interface_version?: number;
    message_id?: string;
    source_addr?: string;
    source_addr_ton?: number;
    destination_addr?: string;
    dest_addr_ton?: number;
    esm_class?: number;
    data_coding?: number | null;
    registered_delivery?: number;
    short_message?: DecodedShortMessage | Buffer | string;
    message_payload?: DecodedShortMessage | Buffer;
    receipted_message_id?: string;
    message_state?: number;
    network_error_code?: Buffer;
    sar_msg_ref_num?: number;
    sar_total_segments?: number;
    sar_segment_seqnum?: number;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): Pdu;
  }

  export interface PduConstructor {
    new (command: string, options?: Record<string, unknown>): Pdu;
  }

  export interface Session extends EventEmitter {
    socket: Socket;
    send(pdu: Pdu, onResponse?: (response: Pdu) => void, onSent?: (pdu: Pdu) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }

  export interface SmppServer extends NetServer {
    sessions: Session[];
  }

  export interface ConnectOptions {
    host: string;
    port: number;
  }

  const smpp: {
    connect(options: ConnectOptions, listener?: () => void): Session;
    createServer(options: Record<string, unknown>, listener?: (session: Session) => void): SmppServer;
    PDU: PduConstructor;
    errors: Record<string, number>;
  };
  export default smpp;
}

// The package's PDU definitions: the GSM 03.38 table its encoder uses (submit-sm-encoder.ts).
declare module 'smpp/lib/defs.js' {
  interface GsmCoder {
    /** Initialises and answers the table for a national language (0x00: the default alphabet). */
    getCoder(encoding: number): {
      charListEnc: Record<string, number>;
      extCharListEnc: Record<string, string>;
    };
  }
  const defs: { gsmCoder: GsmCoder };
  export default defs;
}
