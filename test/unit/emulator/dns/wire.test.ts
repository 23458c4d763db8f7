/**
 * DNS messages in and out: what a malformed query gets (FORMERR, NOTIMP, or nothing), and UDP
 * truncation at 512 bytes or the client's EDNS size (capped at 1232), never over TCP.
 */
import * as dnsPacket from "dns-packet";
import type { Reply } from "../../../../emulator/dns/answer";
import { encodeReply, errorReply, type Incoming, parseQuery } from "../../../../emulator/dns/wire";

const query = (extra: Partial<dnsPacket.Packet> = {}): Buffer =>
  dnsPacket.encode({
    type: "query",
    id: 4242,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: "TXT", name: "big.example.cz" }],
    ...extra,
  });

const header = (id: number, flags: number, qd: number, an = 0, ns = 0, ar = 0) => {
  const b = Buffer.alloc(12);
  for (const [i, v] of [id, flags, qd, an, ns, ar].entries()) b.writeUInt16BE(v, i * 2);
  return b;
};

test("a well-formed query: its id, question, flags, and 512 bytes without EDNS", () => {
  expect(parseQuery(query())).toEqual({
    kind: "query",
    id: 4242,
    flags: dnsPacket.RECURSION_DESIRED,
    edns: false,
    udpSize: 512,
    question: { name: "big.example.cz", type: "TXT", class: "IN" },
  });
});

test("EDNS: the client's size, at least 512 and at most 1232", () => {
  const withOpt = (size: number) =>
    parseQuery(query({ additionals: [{ type: "OPT", name: ".", udpPayloadSize: size } as dnsPacket.Answer] })) as Extract<
      Incoming,
      { kind: "query" }
    >;
  expect([withOpt(4096).udpSize, withOpt(1000).udpSize, withOpt(100).udpSize, withOpt(4096).edns]).toEqual([1232, 1000, 512, true]);
});

test.each([
  ["shorter than a header: dropped", Buffer.from([0x12, 0x34, 0x01]), { kind: "drop" }],
  ["a response (QR set): dropped, so two servers never answer each other", header(7, 0x8000, 1), { kind: "drop" }],
  ["a question cut short: FORMERR", query().subarray(0, 20), { kind: "error", id: 4242, rcode: "FORMERR", opcode: 0, flags: 0x0100 }],
  [
    "65535 questions announced, one sent: FORMERR",
    Buffer.concat([header(9, 0, 65535), query().subarray(12)]),
    { kind: "error", id: 9, rcode: "FORMERR", opcode: 0, flags: 0 },
  ],
  ["no question: FORMERR", header(10, 0, 0), { kind: "error", id: 10, rcode: "FORMERR", opcode: 0, flags: 0 }],
  [
    "two questions: FORMERR",
    query({
      questions: [
        { type: "A", name: "a.cz" },
        { type: "A", name: "b.cz" },
      ],
    }),
    { kind: "error", id: 4242, rcode: "FORMERR", opcode: 0, flags: 0x0100 },
  ],
  ["an UPDATE (opcode 5): NOTIMP", header(11, 5 << 11, 1), { kind: "error", id: 11, rcode: "NOTIMP", opcode: 5, flags: 5 << 11 }],
])("%s", (_why, msg, expected) => {
  expect(parseQuery(msg)).toEqual(expected);
});

test("a compression pointer that points at itself, or forward, is FORMERR, not a loop", () => {
  // Question name = pointer to offset 12 (itself).
  const self = Buffer.concat([header(12, 0, 1), Buffer.from([0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01])]);
  const forward = Buffer.concat([header(13, 0, 1), Buffer.from([0xc0, 0x20, 0x00, 0x01, 0x00, 0x01])]);
  expect([parseQuery(self), parseQuery(forward)].map((p) => p.kind === "error" && p.rcode)).toEqual(["FORMERR", "FORMERR"]);
});

test("a question that would not encode back to its own bytes is FORMERR (it could not be echoed)", () => {
  const q = query();
  const notUtf8 = Buffer.from(q);
  notUtf8[13] = 0xff; // a byte of "big" that is not UTF-8
  const dotted = Buffer.from(q);
  dotted[14] = 0x2e; // "b.g" as one label
  expect([parseQuery(notUtf8), parseQuery(dotted)].map((p) => p.kind === "error" && p.rcode)).toEqual(["FORMERR", "FORMERR"]);
});

test("an error reply echoes the id and RD, sets QR and the rcode, and holds no records", () => {
  const out = dnsPacket.decode(
    errorReply({ kind: "error", id: 77, rcode: "FORMERR", opcode: 0, flags: dnsPacket.RECURSION_DESIRED }),
  ) as any;
  expect([out.id, out.type, out.flag_rd, out.rcode, out.questions, out.answers]).toEqual([77, "response", true, "FORMERR", [], []]);
});

/** Four TXT records of 200 bytes: about 950 bytes, more than 512 and less than 1232. */
const big: Reply = {
  rcode: "NOERROR",
  aa: true,
  answers: [1, 2, 3, 4].map((i) => ({
    name: "big.example.cz",
    type: "TXT",
    rrtype: "TXT",
    ttl: 300,
    data: [Buffer.alloc(200, 48 + i)],
  })),
  authorities: [],
  additionals: [],
};

test("UDP: an answer that does not fit is sent with TC and no records; TCP sends it whole", () => {
  const q = parseQuery(query()) as Extract<Incoming, { kind: "query" }>;
  const udp = dnsPacket.decode(encodeReply(q, big, "udp")) as any;
  expect([udp.flag_tc, udp.flag_aa, udp.answers.length, udp.questions[0]!.name]).toEqual([true, true, 0, "big.example.cz"]);
  const tcp = dnsPacket.decode(encodeReply(q, big, "tcp")) as any;
  expect([tcp.flag_tc, tcp.answers.length]).toEqual([false, 4]);
});

test("UDP with EDNS 4096: the answer fits in 1232 and comes whole, with this server's OPT", () => {
  const q = parseQuery(query({ additionals: [{ type: "OPT", name: ".", udpPayloadSize: 4096 } as dnsPacket.Answer] })) as Extract<
    Incoming,
    { kind: "query" }
  >;
  const out = dnsPacket.decode(encodeReply(q, big, "udp")) as any;
  expect([out.flag_tc, out.answers.length, (out.additionals[0] as dnsPacket.OptAnswer).udpPayloadSize]).toEqual([false, 4, 1232]);
});
