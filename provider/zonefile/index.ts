/** BIND master files: parse, format, and the mapping to DNSPod records. Pure functions only. */
export { parseZoneFile, type ZoneFileRecord } from "./parse";
export { formatZoneFile, type FormatOptions, type FormattedRecord } from "./format";
export { fromZoneFile, toZoneFileRecord, type DnspodExportRecord, type DnspodZoneRecord } from "./dnspod";
export { ZoneFileError } from "./tokenize";
export { ZONE_FILE_TYPES, type ZoneFileType } from "./rdata";
