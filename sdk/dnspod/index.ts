export { Domain, type DomainArgs } from "./domain";
export { Record, type RecordArgs, type RecordType } from "./record";
export { DomainShare, type DomainShareArgs } from "./share";
export { DomainAlias, type DomainAliasArgs } from "./alias";
export { DomainGroup, type DomainGroupArgs } from "./group";
export { DomainLock, type DomainLockArgs } from "./lock";
export { getDomains, getRecords, getRecordTypes, getRecordLines, type DnspodDomainInfo, type DnspodRecordInfo, type DnspodLineArea } from "./functions";
