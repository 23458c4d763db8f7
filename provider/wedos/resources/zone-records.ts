/**
 * wedos.ZoneRecords: a set of rows of one zone as one resource, id = the zone. Every operation
 * lists the zone once and writes only the difference against what the zone holds now — rows added,
 * ttl updated in place (WAPI cannot change a comment: that row is deleted and added), rows no
 * longer declared deleted — then commits once (provider/zone/resource.ts, wedos/zone-api.ts).
 */
import { defineResource } from "../../define";
import { zoneRecordsParts } from "../../zone/resource";
import { wedosZoneApi } from "../zone-api";
import { ZoneRecordsResource } from "./descriptors";

export const zoneRecordsImpl = defineResource(ZoneRecordsResource, zoneRecordsParts(wedosZoneApi, "domain", "rowId"));
