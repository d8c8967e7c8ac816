import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  recipients: string[];
  secure: boolean;
  user?: string;
}

/**
 * A loopback SMTP sink: it takes everything, except recipients told to answer with a reply of
 * their own (`refusals`), and logins other than mailer/secret.
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly mails: ReceivedMail[],
    readonly refusals: Map<string, { code: number; text: string; times: number }[]>,
    /** Every RCPT TO address the server was asked for, taken or not. */
    readonly attempts: string[],
  ) {}

  static async start(): Promise<SmtpSink> {
    const mails: ReceivedMail[] = [];
    const refusals = new Map<string, { code: number; text: string; times: number }[]>();
    const attempts: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 'secret') callback(null, { user: 'mailer' });
        else
          callback(
            Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }),
          );
      },
      onRcptTo(address, _session, callback) {
        attempts.push(address.address);
        const queue = refusals.get(address.address);
        const next = queue?.[0];
        if (next) {
          next.times -= 1;
          if (next.times <= 0) queue.shift();
          callback(Object.assign(new Error(next.text), { responseCode: next.code }));
          return;
        }
        callback();
      },
      onData(stream: SMTPServerDataStream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push({
            raw: Buffer.concat(chunks).toString('utf8'),
            recipients: session.envelope.rcptTo.map((r) => r.address),
            secure: session.secure,
            ...(typeof session.user === 'string' ? { user: session.user } : {}),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    return new SmtpSink(server, port, mails, refusals, attempts);
  }

  mailsTo(address: string) {
    return this.mails.filter((m) => m.recipients.some((r) => r.toLowerCase() === address.toLowerCase()));
  }

  /** Resolves once `count` mails have arrived (benchmarks and bursts). */
  async waitFor(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.mails.length < count) {
      if (Date.now() > deadline) throw new Error(`Only ${this.mails.length} of ${count} mails arrived`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
