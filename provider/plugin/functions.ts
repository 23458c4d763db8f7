/**
 * The plugins' functions (invokes), declared once like the resources: arguments and result as zod
 * schemas (validation here, types in the package schema) and the call, which is the same lookup
 * function the SDK's data sources use. A Pulumi function returns an object, so each list comes
 * back under one property (`domains`, `records`, `types`, `areas`).
 */
import { z } from "zod";
import type { ObjectSchema } from "../descriptor";
import * as dnspod from "../dnspod/functions";
import { dnspodId } from "../dnspod/resources/inputs";
import * as wedos from "../wedos/functions";
import { zoneName } from "../wedos/resources/inputs";
import type { PackageName } from "./config";

export interface FunctionDescriptor {
  module: PackageName;
  /** The last part of the token: `wedos:index:getRecords` → "getRecords". */
  name: string;
  description: string;
  args: ObjectSchema;
  result: ObjectSchema;
  call(args: Record<string, unknown>): Promise<Record<string, unknown>>;
}

// Typed where each function is declared; the list holds them erased (args are parsed by `args` before `call`).
const fn = <A extends ObjectSchema, R extends ObjectSchema>(
  d: Omit<FunctionDescriptor, "args" | "result" | "call"> & { args: A; result: R; call(args: z.output<A>): Promise<z.output<R>> },
) => d as unknown as FunctionDescriptor;

const grade = z.string().min(1).describe('Service grade of the domain, e.g. "DP_Free" (Domain.Info\'s grade).');

export const FUNCTIONS: readonly FunctionDescriptor[] = [
  fn({
    module: "wedos",
    name: "getDomains",
    description: "Every zone of the WEDOS account (dns-domains-list).",
    args: z.object({}).strict(),
    result: z.object({ domains: z.array(wedos.WedosDomainInfo).describe("The zones.") }),
    call: async () => ({ domains: await wedos.getDomains() }),
  }),
  fn({
    module: "wedos",
    name: "getRecords",
    description: 'Every row of a WEDOS zone (dns-rows-list); the apex name is "".',
    args: z.object({ domain: zoneName("domain").describe('The zone, e.g. "example.cz".') }).strict(),
    result: z.object({ records: z.array(wedos.WedosRowInfo).describe("The rows.") }),
    call: async (a) => ({ records: await wedos.getRecords(a.domain) }),
  }),
  fn({
    module: "dnspod",
    name: "getDomains",
    description: "Every domain of the DNSPod account (Domain.List, all pages).",
    args: z.object({}).strict(),
    result: z.object({ domains: z.array(dnspod.DnspodDomainInfo).describe("The domains.") }),
    call: async () => ({ domains: await dnspod.getDomains() }),
  }),
  fn({
    module: "dnspod",
    name: "getRecords",
    description: "Every record of a DNSPod domain (Record.List, all pages); lines as keys, system NS records flagged.",
    args: z.object({ domainId: dnspodId("domainId").describe("Id of the domain (`id` of a dnspod:index:Domain).") }).strict(),
    result: z.object({ records: z.array(dnspod.DnspodRecordInfo).describe("The records.") }),
    call: async (a) => ({ records: await dnspod.getRecords(a.domainId) }),
  }),
  fn({
    module: "dnspod",
    name: "getRecordTypes",
    description: "Record types a DNSPod grade allows (Record.Type).",
    args: z.object({ grade }).strict(),
    result: z.object({ types: z.array(z.string()).describe("The record types.") }),
    call: async (a) => ({ types: await dnspod.getRecordTypes(a.grade) }),
  }),
  fn({
    module: "dnspod",
    name: "getRecordLines",
    description: "Lines a DNSPod grade allows (Record.Line), by area; the keys of each area's `lines` are what recordLine takes.",
    args: z.object({ grade, domain: z.string().optional().describe("A domain of the account, for lines that depend on it.") }).strict(),
    result: z.object({ areas: z.record(z.string(), dnspod.DnspodLineArea).describe("Areas by key.") }),
    call: async (a) => ({ areas: await dnspod.getRecordLines(a.grade, a.domain) }),
  }),
];

export const functionToken = (f: FunctionDescriptor) => `${f.module}:index:${f.name}`;
