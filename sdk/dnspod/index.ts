export { fromZoneFile } from "../../provider/zonefile";
export {
  type DnspodDomainInfo,
  type DnspodLineArea,
  type DnspodRecordInfo,
  getDomains,
  getRecordLines,
  getRecords,
  getRecordTypes,
} from "./functions";
export * from "./resources.gen";
