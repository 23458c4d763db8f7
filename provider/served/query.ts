/**
 * Asking one nameserver one question, as resolvers do: over UDP with EDNS (1232 bytes), again over
 * TCP when the answer comes truncated (RFC 7766), each attempt with a timeout and a few retries.
 * dns-packet reads and writes the messages. Not Node's resolver: it hides the AA flag and
 * referrals, and cannot ask for TLSA or SSHFP.
 */
import { randomInt } from "node:crypto";
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import * as dnsPacket from "dns-packet";

export interface ServerAddress {
  host: string;
  port: number;
}

export interface QueryOptions {
  /** Per attempt (default 2000 ms). */
  timeoutMs?: number;
  /** Attempts over UDP before giving up (default 3). */
  attempts?: number;
}

/** One question to one server; resolves with the decoded reply, rejects with DnsQueryError. */
export type Query = (server: ServerAddress, question: { name: string; type: string }) => Promise<dnsPacket.DecodedPacket>;

export class DnsQueryError extends Error {
  override readonly name = "DnsQueryError";
}

const EDNS_SIZE = 1232;

function message(id: number, question: { name: string; type: string }): Buffer {
  return dnsPacket.encode({
    type: "query",
    id,
    flags: 0, // no recursion: the server's own answer is wanted
    questions: [{ name: question.name, type: question.type as dnsPacket.RecordType }],
    additionals: [{ type: "OPT", name: ".", udpPayloadSize: EDNS_SIZE } as dnsPacket.Answer],
  });
}

/** The reply, if it is the answer to this query (id, QR, the same question); otherwise undefined. */
function reply(buf: Buffer, id: number, question: { name: string; type: string }): dnsPacket.DecodedPacket | undefined {
  try {
    const p = dnsPacket.decode(buf);
    const q = p.questions?.[0];
    const same = q !== undefined && q.type === question.type && q.name.toLowerCase() === question.name.replace(/\.$/, "").toLowerCase();
    return p.id === id && p.type === "response" && same ? p : undefined;
  } catch {
    return undefined;
  }
}

function udpOnce(
  server: ServerAddress,
  question: { name: string; type: string },
  timeoutMs: number,
): Promise<dnsPacket.DecodedPacket | undefined> {
  const id = randomInt(0, 65536);
  const sock = createSocket(server.host.includes(":") ? "udp6" : "udp4");
  return new Promise((resolve) => {
    const done = (p: dnsPacket.DecodedPacket | undefined) => {
      clearTimeout(timer);
      sock.close();
      resolve(p);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    sock.on("error", () => done(undefined));
    sock.on("message", (buf) => {
      const p = reply(buf, id, question);
      if (p) done(p);
    });
    sock.send(message(id, question), server.port, server.host);
  });
}

function tcpOnce(
  server: ServerAddress,
  question: { name: string; type: string },
  timeoutMs: number,
): Promise<dnsPacket.DecodedPacket | undefined> {
  const id = randomInt(0, 65536);
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const sock = connect(server.port, server.host);
    const done = (p: dnsPacket.DecodedPacket | undefined) => {
      sock.destroy();
      resolve(p);
    };
    sock.setTimeout(timeoutMs, () => done(undefined));
    sock.on("error", () => done(undefined));
    sock.on("close", () => done(undefined));
    sock.on("connect", () => {
      const msg = message(id, question);
      sock.write(Buffer.concat([Buffer.from([msg.length >> 8, msg.length & 0xff]), msg]));
    });
    sock.on("data", (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= 2 && got.length >= 2 + got.readUInt16BE(0)) done(reply(got.subarray(2, 2 + got.readUInt16BE(0)), id, question));
    });
  });
}

/** The default query: UDP, TCP when truncated. */
export function dnsQuery(options: QueryOptions = {}): Query {
  const timeoutMs = options.timeoutMs ?? 2000;
  const attempts = options.attempts ?? 3;
  return async (server, question) => {
    for (let i = 0; i < attempts; i++) {
      const p = await udpOnce(server, question, timeoutMs);
      if (!p) continue;
      if (!p.flag_tc) return p;
      const whole = await tcpOnce(server, question, timeoutMs);
      if (whole) return whole;
    }
    throw new DnsQueryError(`no answer after ${attempts} tries of ${timeoutMs / 1000} s`);
  };
}
