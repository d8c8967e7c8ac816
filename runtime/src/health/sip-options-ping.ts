import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * Sends a SIP OPTIONS (RFC 3261 §11) and resolves with the status line of the first answer:
 * any final answer means a SIP stack is listening there (a trunk may well say 403 or 405).
 */
export function sipOptionsPing(
  host: string,
  port: number,
  transport: 'udp' | 'tcp',
  timeoutMs: number,
): Promise<string> {
  const branch = `z9hG4bK${randomBytes(6).toString('hex')}`;
  const request = (localPort: number) =>
    [
      `OPTIONS sip:${host}:${port} SIP/2.0`,
      `Via: SIP/2.0/${transport.toUpperCase()} 127.0.0.1:${localPort};branch=${branch};rport`,
      'Max-Forwards: 70',
      `From: <sip:health@omniflow.invalid>;tag=${randomBytes(4).toString('hex')}`,
      `To: <sip:${host}:${port}>`,
      `Call-ID: ${randomBytes(8).toString('hex')}@omniflow-health`,
      'CSeq: 1 OPTIONS',
      'Accept: application/sdp',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  const where = `${host}:${port}/${transport}`;
  return new Promise((resolve, reject) => {
    let finish: (error?: Error, status?: string) => void = () => undefined;
    const timer = setTimeout(
      () => finish(new Error(`no SIP answer from ${where} within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onData = (text: string) => {
      const line = text.split('\r\n')[0] ?? '';
      // 1xx are provisional: wait for the final answer.
      if (/^SIP\/2\.0 [2-6]\d\d/.test(line)) finish(undefined, line);
    };
    if (transport === 'udp') {
      const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      finish = (error, status) => {
        clearTimeout(timer);
        socket.close();
        if (error) reject(error);
        else resolve(status ?? '');
      };
      socket.on('message', (message) => onData(message.toString('utf8')));
      socket.on('error', (error) => finish(new Error(`${where}: ${error.message}`)));
      socket.bind(0, () => socket.send(request(socket.address().port), port, host));
    } else {
      const socket = connect({ host, port });
      let text = '';
      finish = (error, status) => {
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(status ?? '');
      };
      socket.setEncoding('utf8');
      socket.on('connect', () => socket.write(request(socket.localPort ?? 0)));
      socket.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\r\n')) onData(text);
      });
      socket.on('error', (error) => finish(new Error(`${where}: ${error.message}`)));
    }
  });
}
