/**
 * The command line without the network: what each argument list means, and what run() prints and
 * returns for help, usage errors and missing credentials (all before any request).
 */

import { setStackConfig } from "../../../provider/config";
import { EXPORT_HELP, parseCommand, run, TOOL_HELP } from "../../../provider/export/cli";

describe("parseCommand", () => {
  test.each<[string[], object]>([
    [["--help"], { help: TOOL_HELP }],
    [["-h"], { help: TOOL_HELP }],
    [["export", "--help"], { help: EXPORT_HELP }],
    [["export", "wedos", "-h"], { help: EXPORT_HELP }],
    [["export", "wedos", "Example.CZ."], { api: "wedos", zone: "example.cz", format: "zone" }],
    [["export", "wedos", "example.cz", "--format", "ts"], { api: "wedos", zone: "example.cz", format: "ts" }],
    [["export", "--format=ts", "dnspod", "example.com"], { api: "dnspod", zone: "example.com", format: "ts" }],
    [["export", "dnspod", "1992403", "-f", "zone"], { api: "dnspod", zone: "1992403", format: "zone" }],
    [["export", "dnspod", "příklad.cz"], { api: "dnspod", zone: "xn--pklad-zsa96e.cz", format: "zone" }],
  ])("%j", (argv, command) => {
    expect(parseCommand(argv)).toStrictEqual(command);
  });

  test.each([
    [[], "no command given"],
    [["import"], 'unknown command "import"; the commands are "export" and "verify"'],
    [["export"], 'export needs an API: "wedos" or "dnspod"'],
    [["export", "route53", "example.com"], 'unknown API "route53"; use "wedos" or "dnspod"'],
    [["export", "wedos"], 'export wedos needs the zone to read, e.g. "example.cz"'],
    [["export", "dnspod"], 'export dnspod needs the domain to read, e.g. "example.com"'],
    [["export", "wedos", "a.cz", "b.cz"], 'unexpected argument "b.cz"'],
    [["export", "wedos", "a.cz", "--format", "json"], 'unknown format "json"; use one of zone, ts'],
    [["export", "wedos", "a.cz", "--format"], "Option '-f, --format <value>' argument missing"],
    [["export", "wedos", "a.cz", "--verbose"], "Unknown option '--verbose'."],
    [["export", "wedos", "1992403"], '"1992403" is not a domain name; give the zone\'s name, e.g. "example.cz"'],
    [["export", "dnspod", "not a domain"], '"not a domain" is not a domain name or a domain id; give the zone\'s name, e.g. "example.com"'],
  ])("%j is a usage error: %s", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message);
  });
});

describe("run", () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), now: () => new Date(0) };
  const saved = { ...process.env };
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
    setStackConfig(undefined);
    for (const k of ["WEDOS_USERNAME", "WEDOS_WAPI_PASSWORD", "DNSPOD_LOGIN_TOKEN"]) delete process.env[k];
  });
  afterAll(() => {
    process.env = saved;
  });

  test("--help prints on stdout and exits 0", async () => {
    expect(await run(["export", "--help"], io)).toBe(0);
    expect([out.join(""), err]).toEqual([EXPORT_HELP, []]);
    expect(EXPORT_HELP).toContain("      ts     a Pulumi TypeScript program (index.ts) declaring one ZoneRecords");
    expect(EXPORT_HELP).toContain("    WEDOS_WAPI_PASSWORD          WAPI password");
  });

  test("a usage error prints its line and the usage on stderr, and exits 2", async () => {
    expect(await run(["export", "wedos"], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("")).toBe(`pulumi-dnspod-wedos: export wedos needs the zone to read, e.g. "example.cz"

Usage: pulumi-dnspod-wedos export wedos <zone> [--format zone|ts|import|import-records]
       pulumi-dnspod-wedos export dnspod <domain> [--format zone|ts|import|import-records]
Run \`pulumi-dnspod-wedos export --help\` for the formats and the environment variables.
`);
  });

  test("missing credentials: one line naming the variables and the stack config keys, exit 1", async () => {
    process.env.WEDOS_USERNAME = "someone@example.com";
    expect(await run(["export", "wedos", "example.cz"], io)).toBe(1);
    expect(err).toEqual([
      "pulumi-dnspod-wedos: WEDOS: WEDOS_WAPI_PASSWORD is not set; the export command reads credentials from " +
        "the environment only (the stack config wedos:wapiPassword has no effect here). Fix: export WEDOS_WAPI_PASSWORD=… " +
        "(see pulumi-dnspod-wedos export --help)\n",
    ]);
    expect(await run(["export", "dnspod", "example.com", "--format", "ts"], io)).toBe(1);
    expect(err[1]).toBe(
      "pulumi-dnspod-wedos: DNSPod: DNSPOD_LOGIN_TOKEN is not set; the export command reads credentials from " +
        "the environment only (the stack config dnspod:loginToken has no effect here). Fix: export DNSPOD_LOGIN_TOKEN=… " +
        "(see pulumi-dnspod-wedos export --help)\n",
    );
    expect(out).toEqual([]);
  });
});
