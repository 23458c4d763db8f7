/**
 * The dnspod SDK classes as a Pulumi program constructs them (runtime mocks): type tokens, outputs
 * seeded as undefined, and DomainLock's lockCode registered as an additional secret output.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { dnspod } from "../../sdk";
import { secretOutputs } from "../../sdk/shim";

interface Registered {
  type: string;
  name: string;
  secrets: string[];
  inputs: Record<string, unknown>;
}
const registered: Registered[] = [];

beforeAll(() => {
  const original = MockMonitor.prototype.registerResource;
  jest.spyOn(MockMonitor.prototype, "registerResource").mockImplementation(function (this: MockMonitor, req: any, cb: any) {
    registered.push({
      type: req.getType(),
      name: req.getName(),
      secrets: req.getAdditionalsecretoutputsList(),
      inputs: req.getObject()?.toJavaScript() ?? {},
    });
    return original.call(this, req, cb);
  });
  pulumi.runtime.setMocks({
    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
    call: () => ({}),
  });
});

/** Resolves once the mock monitor has answered every resource's registration (its URN is known). */
const registeredAll = (resources: pulumi.Resource[]) =>
  new Promise<void>((r) => pulumi.all(resources.map((res) => res.urn)).apply(() => r()));

test("secretOutputs adds lockCode to the user's additionalSecretOutputs", () => {
  expect(secretOutputs(undefined, ["lockCode"])).toEqual({ additionalSecretOutputs: ["lockCode"] });
  expect(secretOutputs({ protect: true, additionalSecretOutputs: ["lockEnd"] }, ["lockCode"])).toEqual({
    protect: true,
    additionalSecretOutputs: ["lockEnd", "lockCode"],
  });
});

test("every dnspod resource registers as pulumi-nodejs:dynamic/dnspod:<Type>; DomainLock marks lockCode secret", async () => {
  const domain = new dnspod.Domain("d", { domain: "example.com" });
  await registeredAll([
    domain,
    new dnspod.Record("r", { domainId: domain.id, recordType: "A", value: "192.0.2.1" }),
    new dnspod.DomainShare("s", { domainId: domain.id, email: "friend@example.com" }),
    new dnspod.DomainAlias("a", { domainId: domain.id, domain: "example.net" }),
    new dnspod.DomainGroup("g", { name: "prod" }),
    new dnspod.DomainLock("l", { domainId: domain.id, days: 3 }, { additionalSecretOutputs: ["lockEnd"] }),
  ]);
  const byName = Object.fromEntries(registered.map((r) => [r.name, r]));
  expect(
    Object.values(byName)
      .map((r) => r.type)
      .sort(),
  ).toEqual(
    ["Domain", "DomainAlias", "DomainGroup", "DomainLock", "DomainShare", "Record"].map((t) => `pulumi-nodejs:dynamic/dnspod:${t}`),
  );
  expect(byName.l!.secrets.sort()).toEqual(["lockCode", "lockEnd"]);
  expect(byName.r!.secrets).toEqual([]);
});
