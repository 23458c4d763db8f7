/**
 * Hostile packets against the nameserver listeners: truncated messages, compression-pointer loops,
 * absurd counts, responses, other opcodes, random bytes, and TCP clients that stall or trickle.
 * Each gets FORMERR (or NOTIMP) or nothing, and the listener keeps answering.
 *
 * "Nothing" is shown without waiting: a valid query goes after the hostile ones on the same socket,
 * and loopback keeps the order, so every reply to a hostile packet arrives before its answer.
 */
import { createSocket } from "node:dgram";
import { connect, type Socket } from "node:net";
import * as dnsPacket from "dns-packet";
import { WedosClient } from "../../provider/wedos/client";
import { useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const IDLE_MS = 300;
const h = useEmulators({ dns: { tcpIdleMs: IDLE_MS } });

beforeEach(async () => {
  const w = new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" });
  await w.addDomain({ name: "example.cz", type: "primary" });
  await w.addRow("example.cz", { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" });
  await w.commit("example.cz");
});

const server = () => {
  const [host, port] = h.emu.wedos.nameservers[0]!.address.split(":");
  return { host: host!, port: Number(port) };
};
const FINAL_ID = 0xbeef;
const valid = (id = FINAL_ID) => dnsPacket.encode({ type: "query", id, questions: [{ type: "A", name: "www.example.cz" }] });
const header = (id: number, flags: number, qd: number, an = 0, ns = 0, ar = 0) => {
  const b = Buffer.alloc(12);
  for (const [i, v] of [id, flags, qd, an, ns, ar].entries()) b.writeUInt16BE(v, i * 2);
  return b;
};

/** "id rcode" of a reply, or what is wrong with it. */
function describe(msg: Buffer): { id: number; text: string } {
  try {
    const p = dnsPacket.decode(msg) as dnsPacket.DecodedPacket & { rcode: string };
    const answers = p.answers!.map((a) => (a as dnsPacket.StringAnswer).data).join(",");
    return { id: p.id!, text: `${p.id} ${p.rcode}${p.type === "response" ? "" : " NOT A RESPONSE"}${answers ? ` ${answers}` : ""}` };
  } catch (e) {
    return { id: -1, text: `UNPARSEABLE ${msg.toString("hex")}: ${(e as Error).message}` };
  }
}

/**
 * Sends the packets, then a valid query, in batches of 100 (so no datagram is lost to a full
 * socket buffer); returns every reply to the packets and the valid query's answer.
 */
async function udp(packets: Buffer[]): Promise<{ replies: string[]; final: string }> {
  const { host, port } = server();
  const sock = createSocket("udp4");
  const replies: string[] = [];
  let batchDone: (text: string) => void = () => undefined;
  sock.on("message", (msg) => {
    const { id, text } = describe(msg);
    if (id === FINAL_ID) batchDone(text.slice(text.indexOf(" ") + 1));
    else replies.push(text);
  });
  let final = "";
  for (let i = 0; i === 0 || i < packets.length; i += 100) {
    const answered = new Promise<string>((done) => (batchDone = done));
    for (const p of packets.slice(i, i + 100)) sock.send(p, port, host);
    sock.send(valid(), port, host);
    final = await answered;
  }
  sock.close();
  return { replies, final };
}

test("UDP: short, truncated, looping, overcounted, answered and foreign-opcode packets", async () => {
  const q = valid(1);
  const loop = Buffer.concat([header(3, 0, 1), Buffer.from([0xc0, 0x0c, 0, 1, 0, 1])]);
  const forward = Buffer.concat([header(4, 0, 1), Buffer.from([0xc0, 0x40, 0, 1, 0, 1])]);
  const twoLoop = Buffer.concat([header(5, 0, 1), Buffer.from([0xc0, 0x0e, 0xc0, 0x0c, 0, 1, 0, 1])]);
  expect(
    await udp([
      Buffer.from([1, 2, 3]), // shorter than a header: dropped
      q.subarray(0, q.length - 3), // the question cut short
      loop, // a name that points at itself
      forward, // a pointer past the end
      twoLoop, // two pointers pointing at each other
      Buffer.concat([header(6, 0, 65535, 65535, 65535, 65535), q.subarray(12)]), // absurd counts
      Buffer.concat([header(7, 0, 0, 1), q.subarray(12)]), // no question
      header(8, 0x8000, 1), // a response: never answered
      Buffer.concat([header(9, 5 << 11, 1), q.subarray(12)]), // UPDATE
      Buffer.concat([header(10, 0, 1), Buffer.alloc(60_000, 0x3f)]), // a 60 KB label soup
    ]),
  ).toEqual({
    replies: ["1 FORMERR", "3 FORMERR", "4 FORMERR", "5 FORMERR", "6 FORMERR", "7 FORMERR", "9 NOTIMP", "10 FORMERR"],
    final: "NOERROR 192.0.2.10",
  });
});

test("UDP: 5,000 random mutations of a valid query are answered or dropped, every reply a parseable response", async () => {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const base = valid(0);
  const packets = Array.from({ length: 5000 }, (_, i) => {
    const p = Buffer.from(base.subarray(0, Math.max(2, base.length - rand(4))));
    for (let k = 0; k < 1 + rand(4); k++) p[rand(p.length)] = rand(256);
    p.writeUInt16BE(i % 0xbeef, 0);
    // Half of them keep QR clear, so they are parsed rather than dropped as responses.
    if (i % 2 === 0) p[2] = p[2]! & 0x7f;
    return p;
  });
  const { replies, final } = await udp(packets);
  expect(final).toBe("NOERROR 192.0.2.10");
  expect(replies.filter((r) => r.includes("NOT A RESPONSE") || r.startsWith("UNPARSEABLE"))).toEqual([]);
  expect(replies.length).toBeGreaterThan(1000);
});

function tcp(): Promise<Socket> {
  const { host, port } = server();
  return new Promise((done, fail) => {
    const s = connect(port, host, () => done(s));
    s.once("error", fail);
  });
}
const framed = (msg: Buffer) => Buffer.concat([Buffer.from([msg.length >> 8, msg.length & 0xff]), msg]);
const closed = (s: Socket) => new Promise<string>((done) => s.once("close", () => done("closed")));

/** The DNS messages a TCP socket receives until it closes or `count` have come. */
function received(s: Socket, count: number): Promise<string[]> {
  const out: string[] = [];
  let pending = Buffer.alloc(0);
  return new Promise((done) => {
    s.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const p = dnsPacket.decode(pending.subarray(2, 2 + pending.readUInt16BE(0))) as dnsPacket.DecodedPacket & { rcode: string };
        out.push(`${p.id} ${p.rcode}`);
        pending = pending.subarray(2 + pending.readUInt16BE(0));
        if (out.length === count) done(out);
      }
    });
    s.once("close", () => done(out));
  });
}

test("TCP: a length prefix whose message never comes is cut off after the idle time; so is one trickling in", async () => {
  const stalled = await tcp();
  stalled.write(Buffer.from([0x00, 0x20, 0x12])); // 32 bytes announced, 1 sent
  const half = await tcp();
  half.write(Buffer.from([0x00])); // half a length prefix
  const trickle = await tcp();
  const msg = framed(valid(2));
  let i = 0;
  const timer = setInterval(() => (i < msg.length ? trickle.write(msg.subarray(i, ++i)) : undefined), IDLE_MS / 6);
  const results = await Promise.all([closed(stalled), closed(half), received(trickle, 1)]);
  clearInterval(timer);
  expect(results).toEqual(["closed", "closed", []]);
});

test("TCP: pipelined queries are answered in order; garbage and empty frames get FORMERR or nothing", async () => {
  const s = await tcp();
  const answers = received(s, 4);
  s.write(
    Buffer.concat([
      framed(valid(1)),
      framed(Buffer.alloc(0)),
      framed(Buffer.from("garbage")),
      framed(valid(2).subarray(0, 20)),
      framed(valid(3)),
      framed(valid(4)),
    ]),
  );
  expect(await answers).toEqual(["1 NOERROR", "2 FORMERR", "3 NOERROR", "4 NOERROR"]);
  s.destroy();
});

test("TCP: connections beyond the limit are closed at once; the listener answers again when they go", async () => {
  const sockets = await Promise.all(Array.from({ length: 80 }, () => tcp()));
  const states = await Promise.all(
    sockets.map((s) => Promise.race([closed(s), new Promise<string>((done) => setTimeout(() => done("open"), IDLE_MS / 2))])),
  );
  expect(states.filter((x) => x === "open")).toHaveLength(64);
  for (const s of sockets) s.destroy();
  await Promise.all(sockets.map((s) => (s.closed ? undefined : closed(s))));
  // The server sees the clients go a moment later; until then a new connection is still one too many.
  let answer: string[] = [];
  for (let attempt = 0; attempt < 50 && answer.length === 0; attempt++) {
    const s = await tcp();
    const got = received(s, 1);
    s.write(framed(valid(5)));
    answer = await got;
    s.destroy();
    if (answer.length === 0) await new Promise((r) => setTimeout(r, 20));
  }
  expect(answer).toEqual(["5 NOERROR"]);
  expect((await udp([])).final).toBe("NOERROR 192.0.2.10");
});
