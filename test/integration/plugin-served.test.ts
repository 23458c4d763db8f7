/**
 * waitUntilServed through the native plugin over gRPC, as the engine drives it, with one WEDOS
 * nameserver lagging 3 s and wedos:nameservers / wedos:propagationTimeout from Configure: a create
 * and an update that time out answer a partial failure (ErrorResourceInitFailed with the outputs
 * and notYetServed), Diff then shows `notYetServed` changed, and the update once the lag is gone
 * writes nothing and clears it.
 */
import type { ServiceError } from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { request } from "undici";
import { type DnsLogEntry, type RunningEmulators, startEmulators } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";
import { PluginClient } from "../helpers/plugin";

const RECORD = "wedos:index:Record";
let emu: RunningEmulators;
let p: PluginClient;

beforeAll(async () => {
  emu = await startEmulators({ dns: { delayMs: { "ns.wedos.com": 3000 } } });
  p = await PluginClient.start("wedos");
  const servers = emu.wedos.nameservers.map((n) => n.address).join(",");
  await p.configure(
    "wedos",
    { username: WEDOS_USER, wapiPassword: WEDOS_PASSWORD, endpoint: emu.wedos.endpoint, nameservers: servers, propagationTimeout: "1" },
    {},
  );
});
afterAll(async () => {
  await p?.stop();
  await emu?.close();
});

/** The id and properties of a partial failure, from the gRPC status details. */
function partial(err: ServiceError): { id: string; props: Record<string, unknown> } {
  const status = statusproto.Status.deserializeBinary(err.metadata.get("grpc-status-details-bin")[0] as Uint8Array);
  const detail = provproto.ErrorResourceInitFailed.deserializeBinary(status.getDetailsList()[0]!.getValue_asU8());
  return { id: detail.getId(), props: detail.getProperties()!.toJavaScript() as Record<string, unknown> };
}

/** Until ns.wedos.com has served every publish so far (real time: the plugin has its own clock). */
async function lagGone(): Promise<void> {
  const base = emu.wedos.endpoint.replace(/\/wapi\/json$/, "");
  const served = async () => {
    const log = (await (await request(`${base}/_emulator/dns-log?api=wedos&rrsets=count`)).body.json()) as DnsLogEntry[];
    const serials = (server: string) => log.filter((e) => e.server === server).map((e) => e.serial);
    return serials("ns.wedos.com").at(-1) === serials("ns.wedos.net").at(-1);
  };
  while (!(await served())) await new Promise((r) => setTimeout(r, 200));
}

test("a create that times out is a partial failure with notYetServed; Diff shows it; the update after the lag writes nothing", async () => {
  const api = new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
  await api.addDomain({ name: "plugin.cz", type: "primary" });
  await api.commit("plugin.cz");
  await lagGone();
  const inputs = (await p.check(RECORD, { domain: "plugin.cz", name: "www", type: "A", rdata: "192.0.2.10", waitUntilServed: true }))
    .inputs;
  const err = (await p.create(RECORD, inputs).catch((e: unknown) => e)) as ServiceError;
  const lagging = emu.wedos.nameservers.find((n) => n.name === "ns.wedos.com")!.address;
  expect(err.message).toContain(`WEDOS zone plugin.cz: the change is written but a nameserver does not serve it after 1 s:\n${lagging}:\n`);
  const { id, props } = partial(err);
  expect(props).toMatchObject({ rdata: "192.0.2.10", notYetServed: ["+www.plugin.cz A 192.0.2.10"] });
  expect(await p.diff(RECORD, id, props, inputs)).toEqual({ changes: "some", replaces: [], detailed: { notYetServed: "UPDATE" } });

  await lagGone();
  emu.hub.entries.length = 0;
  const outs = await p.update(RECORD, id, props, inputs);
  expect([outs.notYetServed, emu.log().map((e) => e.op)]).toEqual([undefined, []]);
  expect(await p.diff(RECORD, id, outs, inputs)).toEqual({ changes: "none", replaces: [], detailed: {} });
});

test("an update that times out is a partial failure too: the new outputs are kept, with what is left", async () => {
  const inputs = (await p.check(RECORD, { domain: "plugin.cz", name: "api", type: "A", rdata: "192.0.2.20" })).inputs;
  const created = await p.create(RECORD, inputs);
  await lagGone();
  const news = { ...inputs, rdata: "192.0.2.21", waitUntilServed: true };
  const err = (await p.update(RECORD, created.id, created.outs, news).catch((e: unknown) => e)) as ServiceError;
  const { id, props } = partial(err);
  expect([id, props.rdata, props.notYetServed]).toEqual([
    created.id,
    "192.0.2.21",
    ["+api.plugin.cz A 192.0.2.21", "-api.plugin.cz A 192.0.2.20"],
  ]);
});
