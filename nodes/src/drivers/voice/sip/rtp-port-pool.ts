import { createSocket, type Socket } from 'node:dgram';
import { VoiceError } from './voice-error.ts';

/**
 * Hands out RTP sockets on even ports of a configured range (RFC 3550 §11: RTP even, RTCP the
 * odd port above; RTCP itself is not sent). A port another process holds is skipped, so the
 * range can be shared with other programs on the host.
 */
export class RtpPortPool {
  private readonly inUse = new Set<number>();
  private next: number;

  constructor(
    private readonly host: string,
    private readonly min: number,
    private readonly max: number,
  ) {
    this.next = min + (min % 2);
  }

  async bind(): Promise<{ socket: Socket; port: number; release: () => void }> {
    const first = this.min + (this.min % 2);
    const count = Math.floor((this.max - first) / 2) + 1;
    for (let tried = 0; tried < count; tried++) {
      const port = this.next;
      this.next = port + 2 > this.max ? first : port + 2;
      if (this.inUse.has(port)) continue;
      this.inUse.add(port);
      try {
        const socket = await bindUdp(this.host, port);
        let released = false;
        return {
          socket,
          port,
          release: () => {
            if (released) return;
            released = true;
            this.inUse.delete(port);
            socket.close();
          },
        };
      } catch {
        this.inUse.delete(port);
      }
    }
    throw new VoiceError('RTP_PORTS_EXHAUSTED', `No free RTP port in ${this.min}-${this.max}`, true);
  }
}

function bindUdp(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', (error) => {
      try {
        socket.close();
      } catch {
        // Already closed by the failed bind; the error below is what matters.
      }
      reject(error);
    });
    socket.bind(port, host, () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}
