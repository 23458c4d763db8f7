/**
 * One nameserver's sockets: UDP and TCP on the same loopback port. Whatever arrives, the listener
 * stays up: a handler that throws answers nothing, a TCP client that stalls (a length prefix whose
 * message never comes) is cut off after `idleMs`, and connections beyond `maxConnections` are
 * closed at once.
 */
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { createServer, type Server, type Socket } from "node:net";
import type { Transport } from "./wire";

/** Answers one DNS message; undefined sends nothing. */
export type MessageHandler = (msg: Buffer, transport: Transport) => Buffer | undefined;

export interface ListenerOptions {
  host: string;
  /** A TCP connection with no complete message for this long is closed (default 5000). */
  idleMs?: number;
  /** Open TCP connections at most (default 64). */
  maxConnections?: number;
}

/** How often a port that UDP got is found taken for TCP before giving up. */
const PORT_ATTEMPTS = 20;

function safely(handler: MessageHandler, msg: Buffer, transport: Transport): Buffer | undefined {
  try {
    return handler(msg, transport);
  } catch {
    return undefined;
  }
}

/** RFC 1035 §4.2.2 framing: each message after a two-byte length. Returns the unread rest. */
function frames(buffer: Buffer, each: (msg: Buffer) => void): Buffer {
  let rest = buffer;
  while (rest.length >= 2 && rest.length >= 2 + rest.readUInt16BE(0)) {
    const len = rest.readUInt16BE(0);
    each(rest.subarray(2, 2 + len));
    rest = rest.subarray(2 + len);
  }
  return rest;
}

function serveTcp(socket: Socket, handler: MessageHandler, idleMs: number, open: Set<Socket>): void {
  let pending: Buffer = Buffer.alloc(0);
  open.add(socket);
  socket.once("close", () => open.delete(socket));
  socket.setTimeout(idleMs, () => socket.destroy());
  socket.on("error", () => socket.destroy());
  // A message that trickles in byte by byte keeps the socket active; it still has idleMs to complete.
  let partialSince: number | undefined;
  socket.on("data", (chunk: Buffer) => {
    partialSince ??= Date.now();
    if (Date.now() - partialSince > idleMs) return socket.destroy();
    pending = frames(Buffer.concat([pending, chunk]), (msg) => {
      const out = safely(handler, msg, "tcp");
      if (!out || socket.destroyed) return;
      const len = Buffer.alloc(2);
      len.writeUInt16BE(out.length);
      socket.write(Buffer.concat([len, out]));
    });
    if (pending.length === 0) partialSince = undefined;
  });
}

export class DnsListener {
  private constructor(
    private readonly udp: UdpSocket,
    private readonly tcp: Server,
    private readonly open: Set<Socket>,
    readonly port: number,
  ) {}

  static async start(handler: MessageHandler, options: ListenerOptions): Promise<DnsListener> {
    const idleMs = options.idleMs ?? 5000;
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      const udp = createSocket(options.host.includes(":") ? "udp6" : "udp4");
      await new Promise<void>((resolve, reject) => {
        udp.once("error", reject);
        udp.bind(0, options.host, () => resolve());
      });
      const port = udp.address().port;
      const open = new Set<Socket>();
      const tcp = createServer((s) => serveTcp(s, handler, idleMs, open));
      tcp.maxConnections = options.maxConnections ?? 64;
      const listening = await new Promise<boolean>((resolve) => {
        tcp.once("error", () => resolve(false));
        tcp.listen(port, options.host, () => resolve(true));
      });
      if (!listening) {
        udp.close();
        continue;
      }
      udp.on("error", () => undefined);
      udp.on("message", (msg, peer) => {
        const out = safely(handler, msg, "udp");
        if (out) udp.send(out, peer.port, peer.address);
      });
      tcp.on("error", () => undefined);
      return new DnsListener(udp, tcp, open, port);
    }
    throw new Error(`no port on ${options.host} was free for both UDP and TCP after ${PORT_ATTEMPTS} attempts`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.udp.close();
      this.tcp.close(() => resolve());
      // Open connections would keep close() waiting for their idle timeout.
      for (const s of this.open) s.destroy();
    });
  }
}
