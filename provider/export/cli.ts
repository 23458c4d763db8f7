#!/usr/bin/env node
/**
 * pulumi-dnspod-wedos: the command-line tool (README, "Bring an existing zone under management").
 *   pulumi-dnspod-wedos export wedos <zone> [--format zone|ts|import|import-records]
 *   pulumi-dnspod-wedos export dnspod <domain> [--format zone|ts|import|import-records]
 * Exit codes: 0 printed, 2 usage error (with the usage), 1 API or other error (one line).
 * `verify` has its own module and exit codes (provider/verify/cli.ts).
 */
import { domainToASCII } from "node:url";
import { parseArgs } from "node:util";
import { SETTINGS, type Setting, setting } from "../config";
import { canonicalZone } from "../dns/stored-rdata";
import { redact } from "../http/log";
import { runVerify } from "../verify/cli";
import { WedosApiError } from "../wedos/errors";
import { DEFAULT_FORMAT, FORMATS, type FormatName, isFormatName } from "./formats";
import { readDnspod, readWedos } from "./read";

const BIN = "pulumi-dnspod-wedos";
const APIS = ["wedos", "dnspod"] as const;
type Api = (typeof APIS)[number];

/** What the user must set, per API, before anything is sent. */
const CREDENTIALS: Record<Api, Setting[]> = {
  wedos: [SETTINGS.wedosUsername, SETTINGS.wedosPassword],
  dnspod: [SETTINGS.dnspodToken],
};

const envLine = (s: Setting) => `    ${s.env.padEnd(28)} ${s.description}${s.default ? ` (default ${s.default})` : ""}`;

export const TOOL_HELP = `Usage: ${BIN} <command> [options]

Commands:
  export wedos <zone> [--format <name>]      print a WEDOS zone
  export dnspod <domain> [--format <name>]   print a DNSPod domain's records
  verify wedos|dnspod <zone> [--json]        compare what the nameservers serve with the API

Options:
  -h, --help   show help (also after a command: ${BIN} export --help)
`;

export const EXPORT_HELP = `Usage: ${BIN} export wedos <zone> [--format ${Object.keys(FORMATS).join("|")}]
       ${BIN} export dnspod <domain> [--format ${Object.keys(FORMATS).join("|")}]

Reads a live zone and prints it on stdout. Only read calls are made (WEDOS dns-domain-info and
dns-rows-list, DNSPod Domain.Info and Record.List); the zone is never changed. <domain> is a DNSPod
domain name or its numeric id. The name server records the service keeps for itself are left out.

Options:
  -f, --format <name>   output format (default ${DEFAULT_FORMAT}):
${Object.entries(FORMATS)
  .map(([name, f]) => `      ${name.padEnd(6)} ${f.summary}`)
  .join("\n")}
  -h, --help            show this help

Credentials and endpoints come from the environment (the stack config keys of a Pulumi program
have no effect here):
  WEDOS
${[SETTINGS.wedosUsername, SETTINGS.wedosPassword, SETTINGS.wedosEndpoint, SETTINGS.wedosFormat, SETTINGS.wedosPerHour].map(envLine).join("\n")}
  DNSPod
${[SETTINGS.dnspodToken, SETTINGS.dnspodEndpoint, SETTINGS.dnspodPerHour].map(envLine).join("\n")}

Exit codes: 0 printed, 1 API or other error (one line on stderr), 2 usage error.
`;

/** What a usage error prints after its one line. */
const USAGE = `Usage: ${BIN} export wedos <zone> [--format ${Object.keys(FORMATS).join("|")}]
       ${BIN} export dnspod <domain> [--format ${Object.keys(FORMATS).join("|")}]
Run \`${BIN} export --help\` for the formats and the environment variables.
`;

export class UsageError extends Error {}

type Command = { help: string } | { api: Api; zone: string; format: FormatName };

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    // node's messages go on about `--`; the first sentence is the one that helps.
    throw new UsageError((err as Error).message.split(/(?<=\.) /)[0]!);
  }
}

export function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseOptions(argv);
  const [command, api, zone, ...extra] = positionals;
  if (command === undefined) {
    if (values.help) return { help: TOOL_HELP };
    throw new UsageError("no command given");
  }
  if (command !== "export") throw new UsageError(`unknown command "${command}"; the commands are "export" and "verify"`);
  if (values.help) return { help: EXPORT_HELP };
  if (api === undefined) throw new UsageError(`export needs an API: "wedos" or "dnspod"`);
  if (!(APIS as readonly string[]).includes(api)) throw new UsageError(`unknown API "${api}"; use "wedos" or "dnspod"`);
  if (zone === undefined)
    throw new UsageError(
      `export ${api} needs the ${api === "wedos" ? "zone" : "domain"} to read, e.g. "example.${api === "wedos" ? "cz" : "com"}"`,
    );
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = values.format ?? DEFAULT_FORMAT;
  if (!isFormatName(format)) throw new UsageError(`unknown format "${format}"; use one of ${Object.keys(FORMATS).join(", ")}`);
  return { api: api as Api, zone: zoneArgument(api as Api, zone), format };
}

/** The zone as the APIs name it: lower-case ASCII (punycode), no trailing dot; DNSPod also takes an id. */
export function zoneArgument(api: Api, raw: string): string {
  const text = raw.trim().replace(/\.$/, "");
  if (api === "dnspod" && /^\d+$/.test(text)) return text;
  const zone = canonicalZone(domainToASCII(text.toLowerCase()) || text);
  if (zone) return zone;
  throw new UsageError(
    `"${raw}" is not a domain name${api === "dnspod" ? " or a domain id" : ""}; give the zone's name, e.g. "example.${api === "wedos" ? "cz" : "com"}"`,
  );
}

/** Fails before any request, naming the variables (and the stack config keys, which do not apply here). */
export function requireCredentials(api: Api, command = "export"): void {
  const missing = CREDENTIALS[api].filter((s) => !setting(s));
  if (missing.length === 0) return;
  const list = (f: (s: Setting) => string) => missing.map(f).join(" and ");
  throw new Error(
    `${api === "wedos" ? "WEDOS" : "DNSPod"}: ${list((s) => s.env)} ${missing.length === 1 ? "is" : "are"} not set; the ${command} command reads credentials from the environment only ` +
      `(the stack config ${list((s) => s.key)} ${missing.length === 1 ? "has" : "have"} no effect here). Fix: export ${missing.map((s) => `${s.env}=…`).join(" ")} (see ${BIN} ${command} --help)`,
  );
}

/**
 * The error as one line. WAPI's "wrong credentials" fix names the stack config keys, which this
 * command does not read, so the variables it does read are added.
 */
export function errorLine(err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s*[\r\n]+\s*/g, " ");
  if (err instanceof WedosApiError && err.kind === "auth")
    return `${message} (this command reads ${SETTINGS.wedosUsername.env} and ${SETTINGS.wedosPassword.env})`;
  return message;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const verb = argv.findIndex((a) => !a.startsWith("-"));
  if (argv[verb] === "verify") return runVerify([...argv.slice(0, verb), ...argv.slice(verb + 1)], io);
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`${BIN}: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if ("help" in cmd) {
    io.stdout(cmd.help);
    return 0;
  }
  try {
    requireCredentials(cmd.api);
    const exported = cmd.api === "wedos" ? await readWedos(cmd.zone) : await readDnspod(cmd.zone);
    const command = `${BIN} export ${cmd.api} ${cmd.zone}${cmd.format === DEFAULT_FORMAT ? "" : ` --format ${cmd.format}`}`;
    io.stdout(FORMATS[cmd.format].render(exported, { now: io.now(), command }));
    return 0;
  } catch (err) {
    io.stderr(`${BIN}: ${redact(errorLine(err))}\n`);
    return 1;
  }
}

if (require.main === module) {
  const io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), now: () => new Date() };
  run(process.argv.slice(2), io).then(
    // Exit once stdout is flushed: a zone of thousands of records may still be in a pipe's buffer.
    (code) => process.stdout.write("", () => process.exit(code)),
    (err: unknown) => {
      process.stderr.write(`${BIN}: ${redact(err instanceof Error ? err.message : String(err))}\n`);
      process.exit(1);
    },
  );
}
