import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { MailParseError, type MailEnvelope } from './parse-mail.ts';

/** 25 MB: what the big mailbox providers take, and well under what a run's input should hold. */
export const defaultMaxMailBytes = 25 * 1024 * 1024;

/** RFC 5321 §4.5.3.1.8: at least 100 recipients must be taken; more is refused with 452 (§4.5.3.1.10). */
export const maxRecipients = 100;

export interface InboundSmtpOptions {
  port: number;
  host?: string;
  /** The name in the greeting and EHLO (default the machine's). */
  name?: string;
  maxBytes?: number;
  /** PEM key and certificate for STARTTLS; without them the server offers no STARTTLS. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Whether an address is one of ours; others are refused at RCPT with 550 (RFC 5321 §3.3). */
  acceptsRecipient(address: string): Promise<boolean>;
  /** Takes an accepted mail. A MailParseError refuses it for good (550); any other error asks the sender to try later (451). */
  onMail(raw: Buffer, envelope: MailEnvelope): Promise<void>;
}

export interface InboundSmtpServer {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply an smtp-server handler passes back: the code picks the reply, the text explains. */
class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The built-in inbound mail server (an MX for addresses and domains pointed at Omniflow): no
 * AUTH (it relays nothing), unknown recipients refused at RCPT, a size limit advertised (SIZE,
 * RFC 1870) and enforced with 552, and a mail answered 250 only once `onMail` has taken it.
 */
export async function startInboundSmtpServer(options: InboundSmtpOptions): Promise<InboundSmtpServer> {
  const maxBytes = options.maxBytes ?? defaultMaxMailBytes;
  const server = new SMTPServer({
    ...(options.name ? { name: options.name } : {}),
    banner: 'Omniflow',
    size: maxBytes,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= maxRecipients) {
        callback(new SmtpReply(452, '4.5.3 Too many recipients'));
        return;
      }
      options.acceptsRecipient(address.address.toLowerCase()).then(
        (ours) =>
          callback(ours ? undefined : new SmtpReply(550, `5.1.1 <${address.address}>: no such mailbox here`)),
        () =>
          callback(new SmtpReply(451, '4.3.0 Temporary failure looking up the recipient, try again later')),
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        // Past the limit the rest is read and dropped: smtp-server answers 552 (RFC 1870 §6.3).
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(new SmtpReply(552, `5.3.4 The mail is larger than ${maxBytes} bytes`));
          return;
        }
        const envelope: MailEnvelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        };
        options.onMail(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error: unknown) =>
            callback(
              error instanceof MailParseError
                ? new SmtpReply(550, `5.6.0 ${error.message}`)
                : new SmtpReply(451, '4.3.0 The mail could not be taken now, try again later'),
            ),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors on one client's connection are that client's; the server keeps listening.
  server.on('error', () => undefined);
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
