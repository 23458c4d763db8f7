/**
 * pulumi-dnspod-wedos: Pulumi resources for DNS at DNSPod (api.dnspod.com) and WEDOS (WAPI).
 *   import { dnspod, wedos } from "pulumi-dnspod-wedos";
 */
export * as wedos from "./wedos";
export * as dnspod from "./dnspod";
