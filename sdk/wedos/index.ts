export { getDomains, getRecords, type WedosDomainInfo, type WedosRowInfo } from "./functions";
export * from "./resources.gen";
