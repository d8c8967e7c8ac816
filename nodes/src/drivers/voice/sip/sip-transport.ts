import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { parseSipMessage, serializeSipMessage, type SipMessage } from './sip-message.ts';
import { SipStreamFramer } from './sip-stream-framer.ts';

export type SipProtocol = 'udp' | 'tcp';

/** Where a message came from or goes to: a "flow" in RFC 5626 terms. */
export interface SipRemote {
  protocol: SipProtocol;
  address: string;
  port: number;
}

export interface SipTransportOptions {
  host: string;
  /** 0 picks a free port, the same for UDP and TCP. */
  port: number;
  protocols: SipProtocol[];
  onMessage: (message: SipMessage, remote: SipRemote) => void;
  /** A datagram or stream that is not SIP: reported, never fatal. */
  onError: (error: Error, remote: SipRemote | undefined) => void;
}

const flowKey = (address: string, port: number) => `${address}:${port}`;

/** UDP and TCP listeners on one address and port, and sends on the flow a peer used. */
export class SipTransport {
  private udp: UdpSocket | undefined;
  private tcp: Server | undefined;
  private readonly connections = new Map<string, Socket>();
  private boundPort = 0;

  constructor(private readonly options: SipTransportOptions) {}

  get port(): number {
    return this.boundPort;
  }

  async start(): Promise<void> {
    const { protocols } = this.options;
    if (protocols.includes('udp')) {
      // With port 0 the OS picks a free UDP port; SIP over TCP must share its number, which another
      // process may hold for TCP. Then another pair is tried.
      for (let attempt = 1; ; attempt++) {
        const udpPort = await this.bindUdp(this.options.port);
        this.boundPort = udpPort;
        if (!protocols.includes('tcp')) break;
        try {
          this.tcp = await this.listenTcp(udpPort);
          break;
        } catch (error) {
          const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
          if (!taken || this.options.port !== 0 || attempt >= 10) {
            await this.stop();
            throw error;
          }
          await this.stop();
        }
      }
    } else {
      this.tcp = await this.listenTcp(this.options.port);
      const address = this.tcp.address();
      this.boundPort = typeof address === 'object' && address ? address.port : this.options.port;
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.connections.values()) socket.destroy();
    this.connections.clear();
    const udp = this.udp;
    const tcp = this.tcp;
    this.udp = undefined;
    this.tcp = undefined;
    await Promise.all([
      udp ? new Promise<void>((resolve) => udp.close(() => resolve())) : undefined,
      tcp ? new Promise<void>((resolve) => tcp.close(() => resolve())) : undefined,
    ]);
  }

  send(message: SipMessage, remote: SipRemote): void {
    const bytes = serializeSipMessage(message);
    if (remote.protocol === 'udp') {
      this.udp?.send(bytes, remote.port, remote.address);
      return;
    }
    const key = flowKey(remote.address, remote.port);
    let socket = this.connections.get(key);
    if (!socket || socket.destroyed) {
      // RFC 3261 §18.2.2: if the connection is gone, open a new one to the same address.
      socket = createConnection({ host: remote.address, port: remote.port });
      this.adoptConnection(socket, remote);
    }
    socket.write(bytes);
  }

  private bindUdp(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = createSocket(this.options.host.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', reject);
      socket.on('message', (data, rinfo) => {
        const remote: SipRemote = { protocol: 'udp', address: rinfo.address, port: rinfo.port };
        // A lone CRLF (or double CRLF) is a keep-alive, not a message.
        if (data.length <= 4 && data.toString().trim() === '') return;
        let message: SipMessage;
        try {
          message = parseSipMessage(data);
        } catch (error) {
          this.options.onError(error instanceof Error ? error : new Error(String(error)), remote);
          return;
        }
        this.options.onMessage(message, remote);
      });
      socket.bind(port, this.options.host, () => {
        socket.off('error', reject);
        socket.on('error', (error) => this.options.onError(error, undefined));
        this.udp = socket;
        resolve(socket.address().port);
      });
    });
  }

  private listenTcp(port: number): Promise<Server> {
    return new Promise((resolve, reject) => {
      const server = createServer((socket) => {
        this.adoptConnection(socket, {
          protocol: 'tcp',
          address: socket.remoteAddress ?? '',
          port: socket.remotePort ?? 0,
        });
      });
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        server.on('error', (error) => this.options.onError(error, undefined));
        resolve(server);
      });
    });
  }

  private adoptConnection(socket: Socket, remote: SipRemote): void {
    const key = flowKey(remote.address, remote.port);
    this.connections.set(key, socket);
    const framer = new SipStreamFramer();
    socket.on('data', (chunk) => {
      let frames: Buffer[];
      try {
        frames = framer.push(chunk);
      } catch (error) {
        this.options.onError(error instanceof Error ? error : new Error(String(error)), remote);
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        try {
          this.options.onMessage(parseSipMessage(frame), remote);
        } catch (error) {
          this.options.onError(error instanceof Error ? error : new Error(String(error)), remote);
        }
      }
    });
    socket.on('error', (error) => this.options.onError(error, remote));
    socket.on('close', () => {
      if (this.connections.get(key) === socket) this.connections.delete(key);
    });
  }
}
