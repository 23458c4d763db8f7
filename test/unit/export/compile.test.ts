/**
 * `--format ts` prints a program that compiles: the exported programs are type-checked (strict)
 * as a user's index.ts importing "pulumi-dnspod-wedos", which is mapped to sdk/. A program with a
 * wrongly typed value must fail, or the check would prove nothing.
 */
import { resolve } from "node:path";
import * as ts from "typescript";
import { dnspodExport } from "../../../provider/export/dnspod";
import { FORMATS } from "../../../provider/export/formats";
import { wedosExport } from "../../../provider/export/wedos";
import { DNSPOD_DOMAIN_ID, DNSPOD_ROWS, WEDOS_NAMESERVERS, WEDOS_ROWS } from "../../fixtures/export/zones";

const ROOT = resolve(__dirname, "../../..").replace(/\\/g, "/");

/** Type-checks in-memory files (absolute paths) as one program; returns "file: message" per diagnostic. */
function typecheck(files: Map<string, string>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ["lib.es2023.d.ts"],
    types: ["node"],
    typeRoots: [`${ROOT}/node_modules/@types`],
    esModuleInterop: true,
    skipLibCheck: true,
    baseUrl: ROOT,
    paths: { "pulumi-dnspod-wedos": ["sdk/index.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, lang, ...rest) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!, lang) : getSourceFile(name, lang, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName.slice(ROOT.length + 1) ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

test("the exported programs compile (strict) against sdk/; a wrongly typed value does not", () => {
  const ctx = { now: new Date("2025-03-01T12:00:00Z"), command: "pulumi-dnspod-wedos export" };
  const wedosProgram = FORMATS.ts.render(wedosExport("example.cz", WEDOS_ROWS, WEDOS_NAMESERVERS), ctx);
  const dnspodProgram = FORMATS.ts.render(dnspodExport("example.com", DNSPOD_DOMAIN_ID, DNSPOD_ROWS), ctx);
  // A record check() would refuse is written commented out, and the program stays valid.
  const spf = { ...DNSPOD_ROWS[3]!, id: "77", type: "SPF", value: "v=spf1 -all" };
  const withRefused = FORMATS.ts.render(dnspodExport("example.com", DNSPOD_DOMAIN_ID, [...DNSPOD_ROWS, spf]), ctx);
  expect(withRefused).toContain('    // { subDomain: "@", recordType: "SPF"');
  const broken = dnspodProgram.replace("ttl: 3600", 'ttl: "3600"');
  expect(broken).not.toBe(dnspodProgram);
  const dir = `${ROOT}/test/unit/export/generated`;
  const diagnostics = typecheck(
    new Map([
      [`${dir}/wedos/index.ts`, wedosProgram],
      [`${dir}/dnspod/index.ts`, dnspodProgram],
      [`${dir}/refused/index.ts`, withRefused],
      [`${dir}/broken/index.ts`, broken],
    ]),
  );
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]).toMatch(
    /^test\/unit\/export\/generated\/broken\/index\.ts: Type 'string' is not assignable to type 'Input<number> \| undefined'/,
  );
});
