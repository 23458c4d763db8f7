/** Data sources: read WEDOS DNS from a Pulumi program with the stack's wedos:* config. */

import type { WedosDomainInfo, WedosRowInfo } from "../../provider/wedos/functions";
import * as functions from "../../provider/wedos/functions";
import { useProgramConfig } from "../config";

export type { WedosDomainInfo, WedosRowInfo };

/** Every zone of the account (dns-domains-list). */
export async function getDomains(): Promise<WedosDomainInfo[]> {
  useProgramConfig();
  return functions.getDomains();
}

/** Every row of a zone (dns-rows-list); the apex name is "". */
export async function getRecords(domain: string): Promise<WedosRowInfo[]> {
  useProgramConfig();
  return functions.getRecords(domain);
}
