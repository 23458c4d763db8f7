/**
 * The layer around @pulumi/pulumi's provider server (`main` of @pulumi/pulumi/provider, pinned in
 * package.json). That server is complete for resources and invokes, but as of 3.276.0 it
 *   - answers Configure without reading the request, so provider config never reaches the code;
 *   - leaves CheckConfig and DiffConfig unimplemented;
 *   - crashes on a Read with no properties, which is exactly what `pulumi import` sends;
 *   - cannot return a detailed diff.
 * There is no extension point for any of these: the package exports only `main`, whose Server class
 * is private, and the Provider interface has no config or detailed-diff methods. `main` builds its
 * gRPC service object internally; the layer catches it as it is registered (grpc's
 * Server.addService) and replaces those five methods, delegating the rest unchanged.
 * test/unit/plugin-server-contract.test.ts pins the server's shape: a new @pulumi/pulumi that
 * changes it fails there first.
 */
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { main, type Provider } from "@pulumi/pulumi/provider";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import type { CheckFailure, DetailedDiffResult, PropertyChange } from "../resource";
import { unwrapSecrets } from "./values";

/** What the layer adds to a provider: config handling and the detailed diff. */
export interface LayeredProvider extends Provider {
  /** The package name: config variables arrive as "<pkg>:config:<key>". */
  pkg: string;
  checkConfig(news: Record<string, unknown>): CheckFailure[];
  diffConfig(olds: Record<string, unknown>, news: Record<string, unknown>): string[];
  configure(values: Record<string, unknown>): void;
  diffDetailed(id: string, urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DetailedDiffResult>;
}

/** The methods of the server's service object that the layer replaces. */
export const LAYERED_METHODS = ["configure", "checkConfig", "diffConfig", "read", "diff"] as const;

type Callback = (err: unknown, value?: unknown) => void;
type Call<R> = { request: R };
// biome-ignore lint/suspicious/noExplicitAny: each gRPC method takes its own request class
type Service = Record<string, (call: Call<any>, callback: Callback) => unknown>;

const KIND: Record<PropertyChange, provproto.PropertyDiff.Kind> = {
  add: provproto.PropertyDiff.Kind.ADD,
  "add-replace": provproto.PropertyDiff.Kind.ADD_REPLACE,
  delete: provproto.PropertyDiff.Kind.DELETE,
  "delete-replace": provproto.PropertyDiff.Kind.DELETE_REPLACE,
  update: provproto.PropertyDiff.Kind.UPDATE,
  "update-replace": provproto.PropertyDiff.Kind.UPDATE_REPLACE,
};

const plainStruct = (s: structproto.Struct | undefined): Record<string, unknown> =>
  unwrapSecrets((s?.toJavaScript() ?? {}) as Record<string, unknown>);

/** Configure's settings: the variables ("wedos:config:username"), overridden by the args struct. */
function configValues(pkg: string, req: provproto.ConfigureRequest): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const prefix = `${pkg}:config:`;
  for (const [k, v] of req.getVariablesMap().entries()) if (k.startsWith(prefix)) values[k.slice(prefix.length)] = v;
  return { ...values, ...plainStruct(req.getArgs()) };
}

/**
 * The diff response, with a detailed diff when the provider gave one. Its entries compare with the
 * old inputs, except under a property whose stored inputs are a list where the entry names a key:
 * a ZoneRecords just imported stores the list it is declared with until its first update, so its
 * records are compared with the outputs (keyed, each with its id) instead.
 */
function diffResponse(r: DetailedDiffResult, oldInputs: Record<string, unknown> = {}): provproto.DiffResponse {
  const resp = new provproto.DiffResponse();
  const C = provproto.DiffResponse.DiffChanges;
  resp.setChanges(r.changes === true ? C.DIFF_SOME : r.changes === false ? C.DIFF_NONE : C.DIFF_UNKNOWN);
  if (r.replaces?.length) resp.setReplacesList(r.replaces);
  if (r.deleteBeforeReplace) resp.setDeletebeforereplace(true);
  if (r.detailedDiff) {
    const map = resp.getDetaileddiffMap();
    for (const [path, kind] of Object.entries(r.detailedDiff)) {
      const listed = path.includes("[") && Array.isArray(oldInputs[path.split("[")[0]!]);
      map.set(path, new provproto.PropertyDiff().setKind(KIND[kind]).setInputdiff(!listed));
    }
    resp.setDiffsList([...new Set(Object.keys(r.detailedDiff).map((p) => p.split("[")[0]!))]);
    resp.setHasdetaileddiff(true);
  }
  return resp;
}

/** The server's service object with the five methods replaced; the others are the server's own. */
export function layer(server: Service, provider: LayeredProvider): Service {
  const layered: Service = Object.create(server);
  const fail = (callback: Callback, e: unknown) => callback(e instanceof Error ? e : new Error(String(e)));

  layered.configure = (call: Call<provproto.ConfigureRequest>, callback) => {
    try {
      provider.configure(configValues(provider.pkg, call.request));
      // Like the dynamic-provider host: the engine strips secrets before each call and marks the
      // results itself, and never sends output values or resource references.
      const resp = new provproto.ConfigureResponse().setAcceptsecrets(false).setAcceptresources(false).setAcceptoutputs(false);
      callback(undefined, resp);
    } catch (e) {
      fail(callback, e);
    }
  };

  layered.checkConfig = (call: Call<provproto.CheckRequest>, callback) => {
    try {
      const failures = provider.checkConfig(plainStruct(call.request.getNews()));
      // The inputs go back exactly as they came, so the engine keeps secret values encrypted.
      const resp = new provproto.CheckResponse().setInputs(call.request.getNews() ?? new structproto.Struct());
      resp.setFailuresList(failures.map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason)));
      callback(undefined, resp);
    } catch (e) {
      fail(callback, e);
    }
  };

  layered.diffConfig = (call: Call<provproto.DiffRequest>, callback) => {
    try {
      const req = call.request;
      const changed = provider.diffConfig(plainStruct(req.getOldInputs() ?? req.getOlds()), plainStruct(req.getNews()));
      callback(
        undefined,
        diffResponse({ changes: changed.length > 0, detailedDiff: Object.fromEntries(changed.map((k) => [k, "update" as const])) }),
      );
    } catch (e) {
      fail(callback, e);
    }
  };

  layered.read = (call: Call<provproto.ReadRequest>, callback) => {
    // `pulumi import` sends the id alone; the server would call toJavaScript() on nothing.
    if (!call.request.hasProperties()) call.request.setProperties(new structproto.Struct());
    return server.read!.call(server, call, callback);
  };

  layered.diff = async (call: Call<provproto.DiffRequest>, callback) => {
    try {
      const req = call.request;
      const result = await provider.diffDetailed(req.getId(), req.getUrn(), plainStruct(req.getOlds()), plainStruct(req.getNews()));
      callback(undefined, diffResponse(result, plainStruct(req.getOldInputs())));
    } catch (e) {
      fail(callback, e);
    }
  };
  return layered;
}

/**
 * Serves the provider: @pulumi/pulumi's `main` (binds 127.0.0.1:0, prints the port) with the
 * layer put around its service object as `main` registers it.
 */
export async function serve(provider: LayeredProvider, args: string[]): Promise<void> {
  const addService = grpc.Server.prototype.addService;
  let layered = false;
  grpc.Server.prototype.addService = function (this: grpc.Server, service, impl) {
    grpc.Server.prototype.addService = addService;
    layered = true;
    // grpc types the implementation per service; the layer treats it as the plain method table it is.
    return addService.call(this, service, layer(impl as unknown as Service, provider) as unknown as grpc.UntypedServiceImplementation);
  };
  try {
    await main(provider, args);
  } finally {
    grpc.Server.prototype.addService = addService;
  }
  if (!layered) {
    throw new Error(
      "pulumi-resource-" +
        provider.pkg +
        ": @pulumi/pulumi's provider server no longer registers its service through @grpc/grpc-js Server.addService; the plugin's server layer (provider/plugin/server.ts) must be revisited",
    );
  }
}
