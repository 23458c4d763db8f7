/**
 * pulumi-dnspod-wedos: Pulumi resources for DNS at DNSPod (api.dnspod.com, dnsapi.cn) and WEDOS (WAPI).
 *   import { dnspod, parseZoneFile, wedos } from "pulumi-dnspod-wedos";
 */
export * as wedos from "./wedos";
export * as dnspod from "./dnspod";
export { parseZoneFile, formatZoneFile, ZoneFileError, type ZoneFileRecord } from "../provider/zonefile";
