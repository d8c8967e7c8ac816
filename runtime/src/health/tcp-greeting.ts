import { connect } from 'node:net';

/**
 * Opens a TCP connection and waits for the server's first line (an SMTP `220` greeting): proves
 * the server is there and talking, without logging in or sending anything.
 */
export function readGreeting(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let text = '';
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(text.split('\r\n')[0] ?? '');
    };
    const timer = setTimeout(
      () => done(new Error(`${host}:${port} did not greet within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\r\n') || text.includes('\n')) done();
    });
    // Node's own message names the address already ("connect ECONNREFUSED 127.0.0.1:25").
    socket.on('error', (error) =>
      done(
        new Error(error.message.includes(`:${port}`) ? error.message : `${host}:${port}: ${error.message}`),
      ),
    );
    socket.on('end', () => done(new Error(`${host}:${port} closed the connection before greeting`)));
  });
}
