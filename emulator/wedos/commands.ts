import * as domain from "./domain-commands";
import type { Command } from "./params";
import * as row from "./row-commands";

/** WAPI command names verbatim, so tests and the log use the vendor's spelling. */
const WedosCommand = {
  Ping: "ping",
  DnsDomainsList: "dns-domains-list",
  DnsDomainInfo: "dns-domain-info",
  DnsDomainAdd: "dns-domain-add",
  DnsDomainDelete: "dns-domain-delete",
  DnsDomainAxfrRun: "dns-domain-axfr-run",
  DnsDomainCopy: "dns-domain-copy",
  DnsDomainUpdateKeyset: "dns-domain-update-keyset",
  DnsDomainCommit: "dns-domain-commit",
  DnsRowsList: "dns-rows-list",
  DnsRowDetail: "dns-row-detail",
  DnsRowAdd: "dns-row-add",
  DnsRowUpdate: "dns-row-update",
  DnsRowDelete: "dns-row-delete",
} as const;

type WedosCommandName = (typeof WedosCommand)[keyof typeof WedosCommand];

const COMMANDS: ReadonlyMap<string, Command> = new Map<WedosCommandName, Command>([
  [WedosCommand.Ping, domain.ping],
  [WedosCommand.DnsDomainsList, domain.domainsList],
  [WedosCommand.DnsDomainInfo, domain.domainInfoCommand],
  [WedosCommand.DnsDomainAdd, domain.domainAdd],
  [WedosCommand.DnsDomainDelete, domain.domainDelete],
  [WedosCommand.DnsDomainAxfrRun, domain.domainAxfrRun],
  [WedosCommand.DnsDomainCopy, domain.domainCopy],
  [WedosCommand.DnsDomainUpdateKeyset, domain.domainUpdateKeyset],
  [WedosCommand.DnsDomainCommit, domain.domainCommit],
  [WedosCommand.DnsRowsList, row.rowsList],
  [WedosCommand.DnsRowDetail, row.rowDetail],
  [WedosCommand.DnsRowAdd, row.rowAdd],
  [WedosCommand.DnsRowUpdate, row.rowUpdate],
  [WedosCommand.DnsRowDelete, row.rowDelete],
]);

/** Command names are matched exactly: WAPI documents them in lower case only. */
export function commandFor(name: string): Command | undefined {
  return COMMANDS.get(name);
}
