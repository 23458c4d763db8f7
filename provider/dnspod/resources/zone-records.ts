/**
 * dnspod.ZoneRecords: a set of records of one domain as one resource, id = the domain id. Every
 * operation lists the domain once (paged) and writes only the difference against what it holds
 * now — records created, changed in place, removed (provider/zone/resource.ts, dnspod/zone-api.ts).
 */
import { defineResource } from "../../define";
import { zoneRecordsParts } from "../../zone/resource";
import { dnspodZoneApi } from "../zone-api";
import { ZoneRecordsResource } from "./descriptors";

export const zoneRecordsImpl = defineResource(ZoneRecordsResource, zoneRecordsParts(dnspodZoneApi, "domainId", "recordId"));
