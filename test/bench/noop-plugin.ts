/**
 * `pulumi-resource-noop`: a provider plugin that does nothing, for `make bench` only (built by
 * noop-build.ts into .tools/bench/, never shipped). It measures the engine's floor: `noop:index:Record`
 * takes the inputs of dnspod.Record and `noop:index:Zone` those of dnspod.ZoneRecords; check returns
 * the inputs, create stores them as the outputs, diff compares, nothing calls anything. It is served
 * through the same layer as the real plugins (provider/plugin/server.ts), so what a real resource's
 * row costs beyond this one's is what our provider does per resource.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type LayeredProvider, serve } from "../../provider/plugin/server";

/** Plain JSON compared regardless of key order. */
const canon = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canon)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
        )
      : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

let created = 0;

const provider: LayeredProvider = {
  pkg: "noop",
  version: "0.0.1",
  // Written beside the bundle by noop-build.ts.
  getSchema: async () => readFileSync(join(__dirname, "schema.json"), "utf8"),
  checkConfig: () => [],
  diffConfig: () => [],
  configure: () => undefined,
  check: async (_urn, _olds, news) => ({ inputs: news }),
  diff: async (_id, _urn, olds, news) => ({ changes: !same(olds, news) }),
  diffDetailed: async (_id, _urn, olds, news) => ({ changes: !same(olds, news) }),
  // Ids as long as a dnspod.Record's ("1992403/16894439").
  create: async (_urn, inputs) => ({ id: `1992403/${16894439 + created++}`, outs: inputs }),
  read: async (id, _urn, props) => ({ id, props }),
  update: async (_id, _urn, _olds, news) => ({ outs: news }),
  delete: async () => undefined,
};

serve(provider, process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
