/**
 * `pulumi-dnspod-wedos verify wedos|dnspod <zone> [--zone-file FILE] [--nameservers LIST] [--json]`:
 * exit 0 when every nameserver serves what the API holds (or the file declares), 1 when any
 * differs, 2 on an error (usage, API, zone file, a nameserver name that does not resolve).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SETTINGS } from "../config";
import { type CliIo, errorLine, requireCredentials, UsageError, zoneArgument } from "../export/cli";
import { redact } from "../http/log";
import { parseNameservers } from "../served/servers";
import { renderText } from "./report";
import { type VerifyDeps, verify } from "./verify";

const BIN = "pulumi-dnspod-wedos";

const VERIFY_HELP = `Usage: ${BIN} verify wedos <zone> [--zone-file FILE] [--nameservers LIST] [--json]
       ${BIN} verify dnspod <domain> [--zone-file FILE] [--nameservers LIST] [--json]

Asks each nameserver of the zone for every name and type the zone holds, and compares the answers
with the API's records (read with export's read calls: WEDOS dns-domain-info and dns-rows-list,
DNSPod Domain.Info and Record.List) or with a zone file. Prints the differences per nameserver.
Use it as the CI step after \`pulumi up\`, and on a schedule as a drift check.

What is compared: WEDOS serves every row as of its last commit, so an uncommitted change shows as
a difference; DNSPod serves the enabled records of the default line (records of other lines and
URL forwarding are listed as not verified). TTLs are not compared; names and host names ignore
case and the trailing dot; TXT compares the text with its strings joined.

Options:
  --zone-file FILE      compare with this BIND zone file instead of the API (its SOA and apex NS
                        are the service's and not compared; the API is read only to find the
                        nameservers, unless --nameservers or the variable below names them)
  --nameservers LIST    the nameservers to ask, host[:port],… (default: ${SETTINGS.wedosNameservers.env} /
                        ${SETTINGS.dnspodNameservers.env}, else the zone's NS names, resolved by the system)
  --json                print the report as JSON
  -h, --help            show this help

Credentials and endpoints come from the environment, as for \`${BIN} export\` (see its --help).

Exit codes: 0 every nameserver agrees, 1 a nameserver differs, 2 error.
`;

const USAGE = `Usage: ${BIN} verify wedos|dnspod <zone> [--zone-file FILE] [--nameservers LIST] [--json]
Run \`${BIN} verify --help\` for the options.
`;

interface VerifyCommand {
  api: "wedos" | "dnspod";
  zone: string;
  zoneFile?: string;
  nameservers?: string;
  json: boolean;
}

const OPTIONS = {
  "zone-file": { type: "string" },
  nameservers: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function options(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    // node's messages go on about `--`; the first sentence is the one that helps.
    throw new UsageError((err as Error).message.split(/(?<=\.) /)[0]!);
  }
}

function parse(argv: string[]): VerifyCommand | { help: true } {
  const { values, positionals } = options(argv);
  if (values.help) return { help: true };
  const [api, zone, ...extra] = positionals;
  if (api !== "wedos" && api !== "dnspod")
    throw new UsageError(api === undefined ? `verify needs an API: "wedos" or "dnspod"` : `unknown API "${api}"; use "wedos" or "dnspod"`);
  if (zone === undefined) throw new UsageError(`verify ${api} needs the zone, e.g. "example.${api === "wedos" ? "cz" : "com"}"`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const zoneFile = values["zone-file"];
  const name = zoneArgument(api, zone);
  if (zoneFile && /^\d+$/.test(name))
    throw new UsageError(`with --zone-file, give the domain's name (the zone file's origin), not its id ${name}`);
  const nameservers = values.nameservers;
  if (nameservers !== undefined) {
    try {
      parseNameservers(nameservers);
    } catch (err) {
      throw new UsageError(`--nameservers: ${(err as Error).message}`);
    }
  }
  return { api, zone: name, ...(zoneFile ? { zoneFile } : {}), ...(nameservers ? { nameservers } : {}), json: values.json === true };
}

export async function runVerify(argv: string[], io: CliIo, deps: VerifyDeps = {}): Promise<number> {
  let cmd: ReturnType<typeof parse>;
  try {
    cmd = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`${BIN} verify: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if ("help" in cmd) {
    io.stdout(VERIFY_HELP);
    return 0;
  }
  try {
    const listed = cmd.nameservers ?? process.env[cmd.api === "wedos" ? SETTINGS.wedosNameservers.env : SETTINGS.dnspodNameservers.env];
    if (!cmd.zoneFile || !listed) requireCredentials(cmd.api, "verify");
    const zoneFile = cmd.zoneFile ? { path: cmd.zoneFile, text: readFileSync(cmd.zoneFile, "utf8") } : undefined;
    const report = await verify(
      {
        api: cmd.api,
        zone: cmd.zone,
        ...(zoneFile ? { zoneFile } : {}),
        ...(cmd.nameservers ? { nameservers: parseNameservers(cmd.nameservers) } : {}),
      },
      deps,
    );
    io.stdout(cmd.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
    return report.agree ? 0 : 1;
  } catch (err) {
    io.stderr(`${BIN} verify: ${redact(errorLine(err))}\n`);
    return 2;
  }
}
