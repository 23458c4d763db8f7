/**
 * DNS messages in and out, through dns-packet. A query that cannot be parsed gets FORMERR when its
 * header can be read, and nothing when not; responses are never answered (no reflection loops).
 * UDP answers that do not fit the client's size (512 bytes, or its EDNS size up to 1232) are sent
 * truncated (TC, no records) so the client retries over TCP (RFC 7766).
 */
import * as dnsPacket from "dns-packet";
import type { Question, Rcode, Reply } from "./answer";

export type Transport = "udp" | "tcp";

/** A parsed query, or how to refuse one that is not. */
export type Incoming =
  | { kind: "query"; id: number; question: Question; flags: number; udpSize: number; edns: boolean }
  | { kind: "error"; id: number; rcode: Rcode; opcode: number; flags: number }
  | { kind: "drop" };

const QR = 1 << 15;
const OPCODE_QUERY = 0;
/** EDNS buffer size this server offers and honours at most (the DNS flag day 2020 value). */
const MAX_UDP = 1232;

const RCODES: Record<Rcode, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

export function parseQuery(msg: Buffer): Incoming {
  if (msg.length < 12) return { kind: "drop" };
  const id = msg.readUInt16BE(0);
  const flags = msg.readUInt16BE(2);
  if (flags & QR) return { kind: "drop" };
  const opcode = (flags >> 11) & 0xf;
  if (opcode !== OPCODE_QUERY) return { kind: "error", id, rcode: "NOTIMP", opcode, flags };
  let packet: dnsPacket.Packet;
  try {
    packet = dnsPacket.decode(msg);
  } catch {
    return { kind: "error", id, rcode: "FORMERR", opcode, flags };
  }
  const opts = (packet.additionals ?? []).filter((a) => a.type === "OPT") as dnsPacket.OptAnswer[];
  const q = packet.questions?.[0];
  if (!q || packet.questions!.length !== 1 || opts.length > 1) return { kind: "error", id, rcode: "FORMERR", opcode, flags };
  // The question is echoed in the answer, so it must encode back to the bytes it came as: a label
  // of bytes that are not UTF-8, or that hold a ".", would otherwise come back as another name.
  if (!echoes(msg, q)) return { kind: "error", id, rcode: "FORMERR", opcode, flags };
  const size = opts[0]?.udpPayloadSize ?? 512;
  return {
    kind: "query",
    id,
    flags,
    edns: opts.length === 1,
    udpSize: Math.max(512, Math.min(size, MAX_UDP)),
    question: { name: q.name, type: q.type, class: q.class ?? "IN" },
  };
}

function echoes(msg: Buffer, q: dnsPacket.Question): boolean {
  try {
    const again = dnsPacket.encode({ type: "query", questions: [q] }).subarray(12);
    return msg.subarray(12, 12 + again.length).equals(again);
  } catch {
    return false;
  }
}

interface Header {
  id: number;
  /** Flags of the query: RD and the opcode are copied into the answer. */
  flags: number;
  rcode: Rcode;
  aa: boolean;
  tc?: boolean;
}

function flagsOf(h: Header): number {
  const copied = h.flags & (0x7800 | dnsPacket.RECURSION_DESIRED);
  return copied | (h.aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | (h.tc ? dnsPacket.TRUNCATED_RESPONSE : 0) | RCODES[h.rcode];
}

const opt = (): dnsPacket.Answer => ({
  type: "OPT",
  name: ".",
  udpPayloadSize: MAX_UDP,
  extendedRcode: 0,
  ednsVersion: 0,
  flags: 0,
  flag_do: false,
  options: [],
});

/** A response with only a header (FORMERR, NOTIMP): no question is echoed, it may not be readable. */
export function errorReply(e: Extract<Incoming, { kind: "error" }>): Buffer {
  return dnsPacket.encode({ type: "response", id: e.id, flags: flagsOf({ ...e, aa: false }), questions: [] });
}

/** The encoded answer to a query, truncated for UDP when it does not fit. */
export function encodeReply(q: Extract<Incoming, { kind: "query" }>, r: Reply, transport: Transport): Buffer {
  const extra = q.edns ? [opt()] : [];
  const packet = (tc: boolean): dnsPacket.Packet => ({
    type: "response",
    id: q.id,
    flags: flagsOf({ id: q.id, flags: q.flags, rcode: r.rcode, aa: r.aa, tc }),
    questions: [{ name: q.question.name, type: q.question.type, class: q.question.class } as dnsPacket.Question],
    answers: tc ? [] : (r.answers as dnsPacket.Answer[]),
    authorities: tc ? [] : (r.authorities as dnsPacket.Answer[]),
    additionals: tc ? extra : [...(r.additionals as dnsPacket.Answer[]), ...extra],
  });
  const full = dnsPacket.encode(packet(false));
  const limit = transport === "udp" ? q.udpSize : 65535;
  return full.length <= limit ? full : dnsPacket.encode(packet(true));
}
