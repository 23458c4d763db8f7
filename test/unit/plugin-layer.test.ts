/**
 * provider/plugin/server.ts: the five methods the layer puts in front of @pulumi/pulumi's provider
 * server, driven with the gRPC request objects the engine sends, against a stand-in server and
 * provider that record what reaches them.
 */
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { type LayeredProvider, layer } from "../../provider/plugin/server";
import { secret } from "../../provider/plugin/values";

const struct = (o: Record<string, unknown>) => structproto.Struct.fromJavaScript(o as never);
const seen: [string, unknown[]][] = [];
const provider = {
  pkg: "wedos",
  configure: (values: Record<string, unknown>) => void seen.push(["configure", [values]]),
  checkConfig: (news: Record<string, unknown>) => {
    seen.push(["checkConfig", [news]]);
    return news.format === "yaml" ? [{ property: "format", reason: "wedos:format must be json or xml" }] : [];
  },
  diffConfig: (olds: Record<string, unknown>, news: Record<string, unknown>) => {
    seen.push(["diffConfig", [olds, news]]);
    return olds.endpoint === news.endpoint ? [] : ["endpoint"];
  },
  diffDetailed: async (...a: unknown[]) => {
    seen.push(["diffDetailed", a]);
    if ((a[3] as { fail?: boolean }).fail) throw new Error("boom");
    return {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
      detailedDiff: { 'records["www A 192.0.2.1"]': "delete", 'records["www A 192.0.2.2"]': "add", ttl: "update-replace" },
    };
  },
} as unknown as LayeredProvider;
const server = {
  read: (call: { request: provproto.ReadRequest }, cb: (e: unknown, v?: unknown) => void) => {
    seen.push(["server.read", [call.request.getProperties()?.toJavaScript()]]);
    cb(undefined, "read");
  },
};
const service = layer(server as never, provider);

const call = (method: string, request: unknown) =>
  new Promise<{ err: unknown; value: any }>((done) => void service[method]!({ request }, (err, value) => done({ err, value })));

beforeEach(() => (seen.length = 0));

test("configure hands the package's variables and args to the provider, secrets unwrapped, and declines secrets, resources and outputs", async () => {
  const req = new provproto.ConfigureRequest();
  req.getVariablesMap().set("wedos:config:username", "u@example.com");
  req.getVariablesMap().set("wedos:config:endpoint", "http://127.0.0.1:1/wapi/json");
  req.getVariablesMap().set("dnspod:config:loginToken", "not ours");
  req.setArgs(struct({ endpoint: "http://127.0.0.1:2/wapi/json", wapiPassword: secret("pw"), version: "0.1.0" }));
  const { err, value } = await call("configure", req);
  expect(err).toBeFalsy();
  expect(seen).toEqual([
    ["configure", [{ username: "u@example.com", endpoint: "http://127.0.0.1:2/wapi/json", wapiPassword: "pw", version: "0.1.0" }]],
  ]);
  expect((value as provproto.ConfigureResponse).toObject()).toMatchObject({
    acceptsecrets: false,
    acceptresources: false,
    acceptoutputs: false,
    supportspreview: false,
  });
});

test("checkConfig answers the inputs exactly as they came (so secrets stay encrypted) with the provider's failures", async () => {
  const news = struct({ username: "u", format: "yaml" });
  const { value } = await call("checkConfig", new provproto.CheckRequest().setUrn("u").setNews(news));
  const resp = value as provproto.CheckResponse;
  expect(resp.getInputs()!.toJavaScript()).toEqual({ username: "u", format: "yaml" });
  expect(resp.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([["format", "wedos:format must be json or xml"]]);
});

test("diffConfig: a changed setting is an update of the provider, never a replacement", async () => {
  const req = new provproto.DiffRequest()
    .setOldInputs(struct({ endpoint: "a" }))
    .setOlds(struct({ endpoint: "a" }))
    .setNews(struct({ endpoint: "b" }));
  const resp = (await call("diffConfig", req)).value as provproto.DiffResponse;
  expect(resp.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_SOME);
  expect(resp.getReplacesList()).toEqual([]);
  expect(resp.getDiffsList()).toEqual(["endpoint"]);
  const same = (
    await call("diffConfig", new provproto.DiffRequest().setOldInputs(struct({ endpoint: "a" })).setNews(struct({ endpoint: "a" })))
  ).value as provproto.DiffResponse;
  expect(same.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_NONE);
});

test("read with the id alone reaches the server's read with empty properties; with properties, unchanged", async () => {
  expect((await call("read", new provproto.ReadRequest().setId("example.cz/7"))).value).toBe("read");
  await call("read", new provproto.ReadRequest().setId("example.cz/7").setProperties(struct({ name: "www" })));
  expect(seen).toEqual([
    ["server.read", [{}]],
    ["server.read", [{ name: "www" }]],
  ]);
});

test("diff answers the provider's detailed diff: one entry per changed record key, compared with the inputs", async () => {
  const req = new provproto.DiffRequest()
    .setId("example.cz")
    .setUrn("urn")
    .setOlds(struct({ o: secret(1) }))
    .setNews(struct({ n: 1 }));
  const resp = (await call("diff", req)).value as provproto.DiffResponse;
  expect(seen).toEqual([["diffDetailed", ["example.cz", "urn", { o: 1 }, { n: 1 }]]]);
  expect(resp.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_SOME);
  expect(resp.getHasdetaileddiff()).toBe(true);
  const K = provproto.PropertyDiff.Kind;
  // Through the wire format, as the engine receives it.
  expect(provproto.DiffResponse.deserializeBinary(resp.serializeBinary()).toObject().detaileddiffMap).toEqual([
    ['records["www A 192.0.2.1"]', { kind: K.DELETE, inputdiff: true }],
    ['records["www A 192.0.2.2"]', { kind: K.ADD, inputdiff: true }],
    ["ttl", { kind: K.UPDATE_REPLACE, inputdiff: true }],
  ]);
  expect(resp.getDiffsList()).toEqual(["records", "ttl"]);
});

test("right after an import (records stored as the declared list) the record entries compare with the outputs", async () => {
  const req = new provproto.DiffRequest()
    .setOlds(struct({}))
    .setNews(struct({}))
    .setOldInputs(struct({ records: [{ name: "www" }], ttl: 300 }));
  const resp = (await call("diff", req)).value as provproto.DiffResponse;
  expect(resp.toObject().detaileddiffMap.map(([path, d]) => [path, d.inputdiff])).toEqual([
    ['records["www A 192.0.2.1"]', false],
    ['records["www A 192.0.2.2"]', false],
    ["ttl", true],
  ]);
});

test("a failing diff answers the error", async () => {
  const { err } = await call("diff", new provproto.DiffRequest().setNews(struct({ fail: true })));
  expect((err as Error).message).toBe("boom");
});
