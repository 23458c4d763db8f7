/**
 * The wedos resources, one line each. Everything that serves or describes them — the runtime, the
 * plugin, the package schema and what is rendered from it, the tests that loop over resources —
 * takes this list.
 */
import type { Resource } from "../../define";
import { domainResource } from "./domain";
import { keysetResource } from "./keyset";
import { recordResource } from "./record";
import { zoneRecordsResource } from "./zone-records";

export const WEDOS_RESOURCES: readonly Resource[] = [domainResource, recordResource, keysetResource, zoneRecordsResource];
