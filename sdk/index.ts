/**
 * pulumi-dnspod-wedos: Pulumi resources for DNS at DNSPod (api.dnspod.com, dnsapi.cn) and WEDOS (WAPI).
 *   import { dnspod, parseZoneFile, wedos } from "pulumi-dnspod-wedos";
 */

export { formatZoneFile, parseZoneFile, ZoneFileError, type ZoneFileRecord } from "../provider/zonefile";
export * as dnspod from "./dnspod";
export * as wedos from "./wedos";
