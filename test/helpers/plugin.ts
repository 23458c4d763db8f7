/**
 * A plugin (the built dist/provider/plugin/main.js) as the engine drives it: a child process that
 * prints its port, spoken to over gRPC with the engine's request messages. The environment holds
 * no credentials, so everything the plugin knows comes through Configure.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";

const MAIN = resolve(__dirname, "../../dist/provider/plugin/main.js");

const struct = (o: Record<string, unknown>) => structproto.Struct.fromJavaScript(o as never);
const urnOf = (token: string, name = "r") => `urn:pulumi:test::plugin-test::${token}::${name}`;

export class PluginClient {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: ResourceProviderClient,
    private readonly journal: string,
    readonly stderr: string[],
  ) {}

  static async start(pkg: "wedos" | "dnspod"): Promise<PluginClient> {
    const journal = mkdtempSync(join(tmpdir(), "pdw-plugin-journal-"));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WEDOS|DNSPOD)_/.test(k)));
    const child = spawn(process.execPath, [MAIN, pkg, "127.0.0.1:1"], {
      env: { ...env, PULUMI_DNSPOD_WEDOS_STATE_DIR: journal },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
    const port = await new Promise<string>((done, fail) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) done(out.split("\n")[0]!.trim());
      });
      child.once("exit", (code) => fail(new Error(`plugin exited ${code}: ${stderr.join("")}`)));
    });
    return new PluginClient(child, new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()), journal, stderr);
  }

  private rpc<Req, Res>(method: string, req: Req): Promise<Res> {
    return new Promise((done, fail) => (this.client as any)[method](req, (err: Error | null, res: Res) => (err ? fail(err) : done(res))));
  }

  async checkConfig(news: Record<string, unknown>) {
    const res = await this.rpc<provproto.CheckRequest, provproto.CheckResponse>(
      "checkConfig",
      new provproto.CheckRequest().setUrn(urnOf("pulumi:providers:p", "default")).setNews(struct(news)),
    );
    return {
      inputs: res.getInputs()?.toJavaScript(),
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** Configure as the engine sends it: variables "<pkg>:config:<key>" (plain) and args (secrets wrapped). */
  async configure(pkg: string, config: Record<string, unknown>, plain: Record<string, string>) {
    const req = new provproto.ConfigureRequest().setArgs(struct(config)).setAcceptsecrets(true).setAcceptresources(true);
    for (const [k, v] of Object.entries(plain)) req.getVariablesMap().set(`${pkg}:config:${k}`, v);
    return (await this.rpc<provproto.ConfigureRequest, provproto.ConfigureResponse>("configure", req)).toObject();
  }

  async check(token: string, news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
    const res = await this.rpc<provproto.CheckRequest, provproto.CheckResponse>(
      "check",
      new provproto.CheckRequest().setUrn(urnOf(token)).setOlds(struct(olds)).setNews(struct(news)),
    );
    return {
      inputs: res.getInputs()!.toJavaScript() as Record<string, any>,
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async create(token: string, inputs: Record<string, unknown>) {
    const res = await this.rpc<provproto.CreateRequest, provproto.CreateResponse>(
      "create",
      new provproto.CreateRequest().setUrn(urnOf(token)).setProperties(struct(inputs)),
    );
    return { id: res.getId(), outs: res.getProperties()!.toJavaScript() as Record<string, any> };
  }

  /** A read with the id alone when `props` is undefined: what `pulumi import` sends. */
  async read(token: string, id: string, props?: Record<string, unknown>) {
    const req = new provproto.ReadRequest().setId(id).setUrn(urnOf(token));
    if (props) req.setProperties(struct(props));
    const res = await this.rpc<provproto.ReadRequest, provproto.ReadResponse>("read", req);
    return {
      id: res.getId(),
      props: res.getProperties()?.toJavaScript() as Record<string, any>,
      inputs: res.getInputs()?.toJavaScript() as Record<string, any> | undefined,
    };
  }

  async diff(token: string, id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const res = await this.rpc<provproto.DiffRequest, provproto.DiffResponse>(
      "diff",
      new provproto.DiffRequest().setId(id).setUrn(urnOf(token)).setOlds(struct(olds)).setNews(struct(news)),
    );
    const C = provproto.DiffResponse.DiffChanges;
    const K = Object.fromEntries(Object.entries(provproto.PropertyDiff.Kind).map(([k, v]) => [v, k]));
    const detailed = Object.fromEntries(res.toObject().detaileddiffMap.map(([path, d]) => [path, K[d.kind]]));
    return {
      changes: res.getChanges() === C.DIFF_SOME ? "some" : res.getChanges() === C.DIFF_NONE ? "none" : "unknown",
      replaces: res.getReplacesList(),
      detailed,
    };
  }

  async update(token: string, id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const res = await this.rpc<provproto.UpdateRequest, provproto.UpdateResponse>(
      "update",
      new provproto.UpdateRequest().setId(id).setUrn(urnOf(token)).setOlds(struct(olds)).setNews(struct(news)),
    );
    return res.getProperties()!.toJavaScript() as Record<string, any>;
  }

  async delete(token: string, id: string, props: Record<string, unknown>) {
    await this.rpc("delete", new provproto.DeleteRequest().setId(id).setUrn(urnOf(token)).setProperties(struct(props)));
  }

  async invoke(token: string, args: Record<string, unknown>) {
    const res = await this.rpc<provproto.InvokeRequest, provproto.InvokeResponse>(
      "invoke",
      new provproto.InvokeRequest().setTok(token).setArgs(struct(args)),
    );
    return { outputs: res.getReturn()?.toJavaScript(), failures: res.getFailuresList().map((f) => f.getReason()) };
  }

  async schema(): Promise<Record<string, any>> {
    return JSON.parse(
      (await this.rpc<provproto.GetSchemaRequest, provproto.GetSchemaResponse>("getSchema", new provproto.GetSchemaRequest())).getSchema(),
    );
  }

  async stop(): Promise<void> {
    this.client.close();
    const exited = new Promise((done) => this.child.once("exit", done));
    this.child.kill("SIGTERM");
    await exited;
    rmSync(this.journal, { recursive: true, force: true });
  }
}

/** Import as the engine does it: Read by id alone, Check of the inputs read, Diff of the checked inputs against the read outputs. */
export async function importRoundTrip(p: PluginClient, token: string, id: string) {
  const read = await p.read(token, id);
  const checked = await p.check(token, read.inputs ?? {}, read.inputs ?? {});
  const diff = checked.failures.length ? undefined : await p.diff(token, read.id, read.props, checked.inputs);
  return { read, checked, diff };
}
