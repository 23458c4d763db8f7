export { Domain, type DomainArgs } from "./domain";
export { Record, type RecordArgs, type RecordType } from "./record";
export { DnssecKeyset, type DnssecKeysetArgs } from "./keyset";
export { getDomains, getRecords, type WedosDomainInfo, type WedosRowInfo } from "./functions";
