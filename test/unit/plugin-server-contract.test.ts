/**
 * The contract provider/plugin/server.ts relies on: the shape and behaviour of @pulumi/pulumi's
 * provider server (pinned in package.json). The layer replaces configure, checkConfig, diffConfig,
 * read and diff and delegates everything else; these tests describe the server it was written
 * against, so a new @pulumi/pulumi that changes any of it fails here, naming what to revisit.
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { main, type Provider } from "@pulumi/pulumi/provider";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { LAYERED_METHODS } from "../../provider/plugin/server";

type Service = Record<string, (call: { request: unknown }, cb: (err: any, value?: any) => void) => unknown>;

const calls: [string, unknown[]][] = [];
/** Records the call and answers `result`. */
const logged = <T>(name: string, a: unknown[], result: T): T => {
  calls.push([name, a]);
  return result;
};
const provider: Provider & { configure?: (...a: unknown[]) => unknown } = {
  version: "0.0.1",
  configure: (...a) => calls.push(["configure", a]),
  check: async (...a) => logged("check", a, { inputs: { checked: true } }),
  diff: async (...a) =>
    logged("diff", a, { changes: true, replaces: ["name"], detailedDiff: { name: { kind: "UPDATE_REPLACE" } } } as never),
  create: async (...a) => logged("create", a, { id: "new-id", outs: { a: 1 } }),
  read: async (...a) => logged("read", a, { id: "read-id", props: { a: 1 }, inputs: { a: 1 } }),
  update: async (...a) => logged("update", a, { outs: { a: 2 } }),
  delete: async (...a) => void calls.push(["delete", a]),
  invoke: async (...a) => logged("invoke", a, { outputs: { x: 1 } }),
};

let service: Service;
let server: grpc.Server;

beforeAll(async () => {
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (this: grpc.Server, def, impl) {
    service = impl as unknown as Service;
    server = this;
    return addService.call(this, def, impl);
  };
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    await main(provider, ["127.0.0.1:1"]);
  } finally {
    grpc.Server.prototype.addService = addService;
    log.mockRestore();
  }
});

afterAll(() => server?.forceShutdown());
beforeEach(() => (calls.length = 0));

const invoke = (method: string, request: unknown) =>
  new Promise<{ err: any; value: any }>((done) => {
    const r = service[method]!({ request }, (err, value) => done({ err, value }));
    if (r instanceof Promise) r.catch((err) => done({ err, value: undefined }));
  });
const struct = (o: Record<string, unknown>) => structproto.Struct.fromJavaScript(o as never);

test("main registers its service object through grpc's Server.addService, with every method the layer wraps or delegates", () => {
  expect(service).toBeDefined();
  for (const m of [...LAYERED_METHODS, "check", "create", "update", "delete", "invoke", "getSchema", "getPluginInfo"])
    expect(typeof service[m]).toBe("function");
  expect(Object.keys(ResourceProviderService)).toEqual(expect.arrayContaining([...LAYERED_METHODS]));
});

test("configure ignores the request (provider config never reaches the provider) and accepts secrets, resources and outputs", async () => {
  const req = new provproto.ConfigureRequest();
  req.getVariablesMap().set("wedos:config:username", "u");
  req.setArgs(struct({ username: "u" }));
  const { err, value } = await invoke("configure", req);
  expect(err).toBeFalsy();
  expect(calls).toEqual([]);
  expect((value as provproto.ConfigureResponse).toObject()).toMatchObject({
    acceptsecrets: true,
    acceptresources: true,
    acceptoutputs: true,
  });
});

test.each(["checkConfig", "diffConfig"])("%s is unimplemented", async (method) => {
  const { err } = await invoke(method, method === "checkConfig" ? new provproto.CheckRequest() : new provproto.DiffRequest());
  expect(err).toMatchObject({ code: grpc.status.UNIMPLEMENTED });
});

test("read with no properties (what `pulumi import` sends) fails before reaching the provider", async () => {
  const req = new provproto.ReadRequest().setId("example.cz/1").setUrn("urn:pulumi:s::p::wedos:index:Record::r");
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const { err } = await invoke("read", req);
  expect(logged).toHaveBeenCalledTimes(1);
  logged.mockRestore();
  expect(err).toBeInstanceOf(TypeError);
  expect(calls).toEqual([]);
});

test("read with properties passes id, urn and properties, and answers the provider's id, props and inputs", async () => {
  const req = new provproto.ReadRequest()
    .setId("i")
    .setUrn("u")
    .setProperties(struct({ p: 1 }));
  const { value } = await invoke("read", req);
  expect(calls).toEqual([["read", ["i", "u", { p: 1 }]]]);
  expect((value as provproto.ReadResponse).getId()).toBe("read-id");
  expect((value as provproto.ReadResponse).getInputs()?.toJavaScript()).toEqual({ a: 1 });
});

test("diff passes the old outputs and new inputs, and drops anything but changes, replaces and deleteBeforeReplace", async () => {
  const req = new provproto.DiffRequest()
    .setId("i")
    .setUrn("u")
    .setOlds(struct({ o: 1 }))
    .setNews(struct({ n: 2 }))
    .setOldInputs(struct({ oi: 1 }));
  const { value } = await invoke("diff", req);
  expect(calls).toEqual([["diff", ["i", "u", { o: 1 }, { n: 2 }]]]);
  const resp = value as provproto.DiffResponse;
  expect(resp.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_SOME);
  expect(resp.getReplacesList()).toEqual(["name"]);
  expect(resp.getHasdetaileddiff()).toBe(false);
  expect(resp.getDetaileddiffMap().getLength()).toBe(0);
});

test("check, create, update, delete and invoke pass their arguments in the order the plugin's provider takes them", async () => {
  await invoke(
    "check",
    new provproto.CheckRequest()
      .setUrn("u")
      .setOlds(struct({ o: 1 }))
      .setNews(struct({ n: 1 })),
  );
  await invoke("create", new provproto.CreateRequest().setUrn("u").setProperties(struct({ c: 1 })));
  await invoke(
    "update",
    new provproto.UpdateRequest()
      .setId("i")
      .setUrn("u")
      .setOlds(struct({ o: 1 }))
      .setNews(struct({ n: 1 })),
  );
  await invoke(
    "delete",
    new provproto.DeleteRequest()
      .setId("i")
      .setUrn("u")
      .setProperties(struct({ d: 1 })),
  );
  await invoke("invoke", new provproto.InvokeRequest().setTok("wedos:index:getDomains").setArgs(struct({})));
  expect(calls).toEqual([
    ["check", ["u", { o: 1 }, { n: 1 }]],
    ["create", ["u", { c: 1 }]],
    ["update", ["i", "u", { o: 1 }, { n: 1 }]],
    ["delete", ["i", "u", { d: 1 }]],
    ["invoke", ["wedos:index:getDomains", {}]],
  ]);
});

test("a create error with id, properties and reasons is a partial failure (ErrorResourceInitFailed in the status details)", async () => {
  const failing: Provider = {
    ...provider,
    create: async () => Promise.reject(Object.assign(new Error("half done"), { id: "z", properties: { a: 1 }, reasons: ["half done"] })),
  };
  const saved = (service as unknown as { provider: Provider }).provider;
  (service as unknown as { provider: Provider }).provider = failing;
  try {
    const { err } = await invoke("create", new provproto.CreateRequest().setUrn("u").setProperties(struct({})));
    expect(err.message).toBe("half done");
    expect(err.metadata.get("grpc-status-details-bin")).toHaveLength(1);
  } finally {
    (service as unknown as { provider: Provider }).provider = saved;
  }
});
