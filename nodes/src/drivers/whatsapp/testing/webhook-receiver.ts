import { createServer, type Server } from 'node:http';
import type { WebhookRequest } from '../../messaging/messaging-driver.ts';

/**
 * A loopback HTTP endpoint that keeps every POST exactly as received (headers, raw body), the way
 * the API's webhook route hands them to a driver. It answers 200 like a healthy endpoint.
 */
export class WebhookReceiver {
  readonly requests: WebhookRequest[] = [];
  private readonly server: Server;
  private baseUrl = '';

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const url = new URL(req.url ?? '/', this.baseUrl).toString();
        this.requests.push({ headers, rawBody: Buffer.concat(chunks).toString('utf8'), url });
        res.writeHead(200).end();
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const address = receiver.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('The webhook receiver has no TCP port');
    receiver.baseUrl = `http://127.0.0.1:${address.port}`;
    return receiver;
  }

  /** Where webhooks go: `{url}/webhooks/whatsapp`. */
  get url(): string {
    return `${this.baseUrl}/webhooks/whatsapp`;
  }

  /** The most recent request (a delivery is awaited, so it is here once `deliver…` resolves). */
  last(): WebhookRequest {
    const request = this.requests.at(-1);
    if (!request) throw new Error('No webhook has been received');
    return request;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }
}
