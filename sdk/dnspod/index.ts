export * from "./resources";
export { getDomains, getRecords, getRecordTypes, getRecordLines, type DnspodDomainInfo, type DnspodRecordInfo, type DnspodLineArea } from "./functions";
export { fromZoneFile } from "../../provider/zonefile";
