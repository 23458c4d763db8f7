/**
 * zod schemas: the only types of DNSPod responses. Lenient exactly where DNSPod is inconsistent —
 * ids as strings in one action and numbers in the next, numbers as strings, `remark: false` when
 * empty, `weight: null`, `hold` on system records — and strict about the envelope.
 */
import { z } from "zod";
import { cnLineAreas } from "./lines-cn";

const str = z.union([z.string(), z.number()]).transform(String);
/** Free text that DNSPod sends as "", false or null when empty. */
const text = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (typeof v === "string" || typeof v === "number" ? String(v) : ""));
const intLike = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);
const optInt = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === "" ? 0 : Number(v)));

export const Envelope = z.object({
  status: z.object({ code: str, message: text, created_at: text }),
});

const ListInfo = z.object({ record_total: intLike.optional(), domain_total: intLike.optional() }).passthrough();

/** Domain as Domain.List (`"id": 6`) and Domain.Info (`"id": "6"`, `"remark": false`) show it. */
export const Domain = z
  .object({
    id: str,
    name: str,
    punycode: text,
    grade: text,
    grade_title: text,
    status: text,
    records: optInt,
    group_id: text,
    is_mark: text,
    remark: text,
    searchengine_push: text,
    ttl: optInt,
    owner: text,
    created_on: text,
    updated_on: text,
  })
  .passthrough();
export type Domain = z.infer<typeof Domain>;

export const DomainList = z.object({
  info: ListInfo.optional(),
  domains: z
    .array(Domain)
    .nullish()
    .transform((v) => v ?? []),
});
export const DomainInfo = z.object({ domain: Domain });
export const DomainCreated = z.object({ domain: z.object({ id: str, punycode: text, domain: text }) });

/** One row of Record.List. `enabled` "1"/"0" and `status` "enabled"/"disabled" say the same. */
export const RecordRow = z
  .object({
    id: str,
    name: str,
    line: text,
    type: str.transform((t) => (t.toUpperCase() === "FRAMED URL" ? "Framed URL" : t.toUpperCase())),
    ttl: intLike,
    value: text,
    mx: optInt,
    enabled: text,
    status: text,
    remark: text,
    updated_on: text,
    hold: text,
    weight: z.union([z.number(), z.string(), z.null()]).optional(),
  })
  .passthrough();
export type RecordRow = z.infer<typeof RecordRow>;

export const RecordList = z.object({
  domain: z.object({ id: str, name: text, grade: text }).passthrough().optional(),
  info: ListInfo.optional(),
  records: z
    .array(RecordRow)
    .nullish()
    .transform((v) => v ?? []),
});

/** Record.Create answers the id as a string, Record.Modify and Record.Status as a number. */
/** The envelope's time of a write's answer: when DNSPod made the change (what `updated_on` then says). */
const answeredAt = { status: z.object({ created_at: text }).partial().optional() };
export const RecordWritten = z.object({ record: z.object({ id: str, name: text, status: text }).passthrough(), ...answeredAt });
export const Answered = z.object(answeredAt);

export const Share = z.object({ share_to: str, mode: text, status: text, sub_domain: text }).passthrough();
export type Share = z.infer<typeof Share>;
export const ShareList = z.object({
  share: z
    .array(Share)
    .nullish()
    .transform((v) => v ?? []),
  owner: text,
});

export const Alias = z.object({ id: str, domain: text }).passthrough();
export type Alias = z.infer<typeof Alias>;
export const AliasList = z.object({
  alias: z
    .array(Alias)
    .nullish()
    .transform((v) => v ?? []),
});
export const AliasCreated = z.object({ alias: z.object({ id: str, punycode: text }) });

export const Group = z.object({ group_id: str, group_name: str, group_type: text, size: optInt }).passthrough();
export type Group = z.infer<typeof Group>;
export const GroupList = z.object({
  groups: z
    .array(Group)
    .nullish()
    .transform((v) => v ?? []),
});
/** The seed's quirk: the new group comes back as an object under `groups`. */
export const GroupCreated = z.object({ groups: z.object({ id: str }) });

export const Locked = z.object({ lock: z.object({ domain_id: str.optional(), lock_code: str, lock_end: text }) });
export const LockStatus = z.object({ lock: z.object({ lock_status: text, start_at: text, end_at: text }) });
export type LockStatus = z.infer<typeof LockStatus>["lock"];

export const RecordTypes = z.object({ types: z.array(str) });
const LineAreas = z.record(z.string(), z.object({ name: text, sub_area: z.record(z.string(), str) }));
/**
 * Record.Line. api.dnspod.com: areas of key → name; dnsapi.cn: a list of names (plus `line_ids`),
 * given the same shape here: the default line under "default", every other name as its own key.
 */
export const RecordLines = z.union([
  z.object({ lines: LineAreas }).transform((r) => r.lines),
  z
    .object({ lines: z.array(str) })
    .passthrough()
    .transform((r) => cnLineAreas(r.lines)),
]);
export type RecordLines = z.output<typeof LineAreas>;

/**
 * Batch.Record.Create / Batch.Record.Modify: the job's id. Their `detail` only echoes the input
 * ("开发者可以忽略该字段"), so it is not read.
 */
export const BatchQueued = z.object({ job_id: str });

/** One record of a Batch.Detail answer; `record_id` appears once a record has been created. */
const BatchRecordResult = z
  .object({
    id: z.union([z.number(), z.string()]).optional(),
    record_id: z.union([str, z.null()]).optional(),
    status: text,
    err_msg: text,
  })
  .passthrough();
export type BatchRecordResult = z.infer<typeof BatchRecordResult>;

/**
 * Batch.Detail: the job's domains, each with its records and their status — waiting, running, ok
 * or error (with err_msg) — and total/success/fail as numbers. No job-level state exists.
 */
export const BatchDetail = z.object({
  detail: z
    .array(
      z
        .object({
          domain_id: str.optional(),
          status: text,
          err_msg: text,
          records: z
            .array(BatchRecordResult)
            .nullish()
            .transform((v) => v ?? []),
        })
        .passthrough(),
    )
    .nullish()
    .transform((v) => v ?? []),
  total: intLike.optional(),
  success: intLike.optional(),
  fail: intLike.optional(),
  type: text,
});
export type BatchDetail = z.infer<typeof BatchDetail>;

export const Empty = z.object({});
