export * from "./resources";
export { getDomains, getRecords, type WedosDomainInfo, type WedosRowInfo } from "./functions";
