/**
 * The dnspod resources, one line each. Everything that serves or describes them — the runtime, the
 * plugin, the package schema and what is rendered from it, the tests that loop over resources —
 * takes this list.
 */
import type { Resource } from "../../define";
import { aliasResource } from "./alias";
import { domainResource } from "./domain";
import { groupResource } from "./group";
import { lockResource } from "./lock";
import { recordResource } from "./record";
import { shareResource } from "./share";
import { zoneRecordsResource } from "./zone-records";

export const DNSPOD_RESOURCES: readonly Resource[] = [
  domainResource,
  recordResource,
  shareResource,
  aliasResource,
  groupResource,
  lockResource,
  zoneRecordsResource,
];
