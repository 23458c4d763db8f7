/** BIND master files: parse, format, and the mapping to DNSPod records. Pure functions only. */

export { type DnspodExportRecord, fromZoneFile, toZoneFileRecord } from "./dnspod";
export { type FormattedRecord, formatZoneFile } from "./format";
export { parseZoneFile, type ZoneFileRecord } from "./parse";
export { ZONE_FILE_TYPES } from "./presented-rdata";
export { ZoneFileError } from "./tokenize";
