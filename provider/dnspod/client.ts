/**
 * DNSPod client: one thin method per action the resources use, every one through the shared
 * request path (provider/http/client-core.ts) with the DNSPod protocol of codec.ts. Deletes treat
 * "already gone" as done; creates reconcile by listing before a resend, so a create whose answer
 * was lost never makes a duplicate. https://docs.dnspod.com/api-legacy/
 */
import type { z } from "zod";
import { ApiClientCore, type CallOptions, type CoreOptions, type Params } from "../http/client-core";
import { unlessGone } from "../http/errors";
import { ListCache } from "../http/list-cache";
import { dnspodProtocol, PAGE_SIZE } from "./codec";
import { DnspodAction as A } from "./codes";
import { type RecordWrite, sameRecord } from "./convert";
import * as S from "./schemas";

/** What identifies the account, plus the options every client takes (provider/http/client-core.ts). */
export interface DnspodClientOptions extends CoreOptions {
  /** "ID,Token". */
  loginToken: string;
  endpoint: string;
  /** Rows per Record.List request: 500 (api.dnspod.com's cap; the default), up to 3000 on dnsapi.cn. */
  pageSize?: number;
}

/**
 * Batch.Record.Modify's `change`: the one field a job sets on every record it names. The vendor's
 * list also has sub_domain, record_type, area and value; the provider changes only these in place.
 */
export type BatchChange = "mx" | "ttl" | "status";

const domain = (id: string) => `domain ${id}`;
const record = (domainId: string, id: string) => `record ${id} of domain ${domainId}`;
const yesNo = (b: boolean) => (b ? "yes" : "no");

/** How fresh a listing must be: `fresh` asks for one sent after the call, so it sees every write made before. */
export interface Freshness {
  fresh?: boolean;
}

export class DnspodClient {
  private readonly core: ApiClientCore;
  private readonly recordPage: number;
  /** Identifies the account in journals and caches: endpoint and the token's ID, never the token. */
  readonly account: string;
  /** Record.List per domain, shared by concurrent readers; every record write drops its domain's. */
  private readonly recordListings: ListCache<S.RecordRow>;

  constructor(options: DnspodClientOptions) {
    const { loginToken, endpoint, pageSize, ...rest } = options;
    this.core = new ApiClientCore(dnspodProtocol(loginToken, endpoint), rest);
    this.recordPage = pageSize ?? PAGE_SIZE;
    this.account = `${endpoint}|${loginToken.split(",")[0]}`;
    this.recordListings = new ListCache((domainId) =>
      this.paged(
        A.RecordList,
        { domain_id: domainId },
        S.RecordList,
        domain(domainId),
        (r) => r.records,
        (r) => r.info?.record_total,
        this.recordPage,
      ),
    );
  }

  /** A write to a domain's records: listings started before it ends cannot show it, so they are dropped. */
  private async writing<T>(domainId: string, send: () => Promise<T>): Promise<T> {
    this.recordListings.invalidate(domainId);
    try {
      return await send();
    } finally {
      this.recordListings.invalidate(domainId);
    }
  }

  /** Requests sent (attempts, including retries); read by tests and `make bench`. */
  get requests(): number {
    return this.core.requests;
  }

  private call<Sch extends z.ZodType>(
    action: string,
    params: Params,
    schema: Sch,
    opts: CallOptions<z.output<Sch>>,
  ): Promise<z.output<Sch>> {
    return this.core.call(action, params, schema, opts);
  }

  private write(action: string, params: Params, object: string): Promise<unknown> {
    return this.call(action, params, S.Empty, { object });
  }

  /**
   * Every row of a list action, paged with offset/length: without them DNSPod returns only the
   * first 500. The first page tells the total; the others are fetched concurrently.
   */
  private async paged<Sch extends z.ZodType, T>(
    action: string,
    params: Params,
    schema: Sch,
    object: string,
    items: (r: z.infer<Sch>) => T[],
    total: (r: z.infer<Sch>) => number | undefined,
    size = PAGE_SIZE,
  ): Promise<T[]> {
    const page = (offset: number) => this.call(action, { ...params, offset, length: size }, schema, { object });
    const first = await page(0);
    const out = items(first);
    const n = total(first);
    if (n === undefined) {
      // No total given: read on until a short page.
      for (let last = out.length; last === size; ) {
        const next = items(await page(out.length));
        out.push(...next);
        last = next.length;
      }
      return out;
    }
    const offsets: number[] = [];
    for (let off = size; off < n; off += size) offsets.push(off);
    for (const rest of await Promise.all(offsets.map(page))) out.push(...items(rest));
    return out;
  }

  /** Domain.List, every page. */
  async listDomains(): Promise<S.Domain[]> {
    return this.paged(
      A.DomainList,
      { type: "all" },
      S.DomainList,
      "(all domains)",
      (r) => r.domains,
      (r) => r.info?.domain_total,
    );
  }

  /**
   * Record.List of one domain, every page (a zone of 1,234 records takes three requests), from a
   * listing shared with concurrent callers (one sent after the call when `fresh`).
   */
  listRecords(domainId: string, { fresh = false }: Freshness = {}): Promise<S.RecordRow[]> {
    return fresh ? this.recordListings.fresh(domainId) : this.recordListings.get(domainId);
  }

  /** Record.Type: the record types a grade allows. */
  async recordTypes(grade: string): Promise<string[]> {
    return (await this.call(A.RecordType, { domain_grade: grade }, S.RecordTypes, { object: `grade ${grade}` })).types;
  }

  /** Record.Line: the lines a grade allows, by area (keys are what recordLine takes, on either site). */
  async recordLines(grade: string, domainName?: string): Promise<S.RecordLines> {
    return this.call(A.RecordLine, { domain_grade: grade, domain: domainName }, S.RecordLines, { object: `grade ${grade}` });
  }

  // ── domains ────────────────────────────────────────────────────────────────

  /** Domain.Info by id or name; undefined when the domain does not exist (6). */
  async domainInfo(idOrName: { id: string } | { name: string }): Promise<S.Domain | undefined> {
    const params = "id" in idOrName ? { domain_id: idOrName.id } : { domain: idOrName.name };
    const object = "id" in idOrName ? domain(idOrName.id) : `domain "${idOrName.name}"`;
    return (await unlessGone(() => this.call(A.DomainInfo, params, S.DomainInfo, { object })))?.domain;
  }

  /** Domain.Create; returns the new domain id. */
  async createDomain(name: string, opts: { groupId?: number; isMark?: boolean } = {}): Promise<string> {
    const r = await this.call(
      A.DomainCreate,
      { domain: name, group_id: opts.groupId, is_mark: opts.isMark === undefined ? undefined : yesNo(opts.isMark) },
      S.DomainCreated,
      {
        object: `domain "${name}"`,
        reconcile: async () => {
          const d = await this.domainInfo({ name });
          return d && { domain: { id: d.id, punycode: d.punycode, domain: d.name } };
        },
      },
    );
    return r.domain.id;
  }

  /** Domain.Remove; a domain that is already gone counts as removed. */
  async removeDomain(id: string): Promise<void> {
    await this.writing(id, () => unlessGone(() => this.write(A.DomainRemove, { domain_id: id }, domain(id))));
  }

  async setDomainStatus(id: string, status: "enable" | "disable"): Promise<void> {
    await this.write(A.DomainStatus, { domain_id: id, status }, domain(id));
  }

  async setSearchEnginePush(id: string, push: boolean): Promise<void> {
    await this.write(A.DomainSearchenginepush, { domain_id: id, status: yesNo(push) }, domain(id));
  }

  async changeGroup(id: string, groupId: number): Promise<void> {
    await this.write(A.DomainChangegroup, { domain_id: id, group_id: groupId }, domain(id));
  }

  async setDomainMark(id: string, mark: boolean): Promise<void> {
    await this.write(A.DomainIsmark, { domain_id: id, is_mark: yesNo(mark) }, domain(id));
  }

  /** Domain.Remark; "" clears it. */
  async setDomainRemark(id: string, remark: string): Promise<void> {
    await this.write(A.DomainRemark, { domain_id: id, remark }, domain(id));
  }

  // ── records ────────────────────────────────────────────────────────────────

  /** Record.Create; returns the new record id. */
  async createRecord(domainId: string, w: RecordWrite): Promise<string> {
    return (await this.createRecordAt(domainId, w)).id;
  }

  /**
   * Record.Create; returns the new record id and when DNSPod made it (its `updated_on`), which a
   * create reconciled after a lost answer cannot tell.
   */
  async createRecordAt(domainId: string, w: RecordWrite): Promise<{ id: string; at: string | undefined }> {
    const r = await this.writing(domainId, () =>
      this.call(A.RecordCreate, { domain_id: domainId, ...w }, S.RecordWritten, {
        object: `record "${w.sub_domain}" ${w.record_type} "${w.value}" of ${domain(domainId)}`,
        reconcile: async () => {
          const row = (await this.listRecords(domainId, { fresh: true })).find((x) => sameRecord(x, w));
          return row && { record: { id: row.id, name: row.name, status: "enable" } };
        },
      }),
    );
    return { id: r.record.id, at: r.status?.created_at };
  }

  /** Record.Modify: DNSPod needs every field, not only the changed ones. Returns when DNSPod made the change. */
  async modifyRecord(domainId: string, recordId: string, w: RecordWrite): Promise<string | undefined> {
    const r = await this.writing(domainId, () =>
      this.call(A.RecordModify, { domain_id: domainId, record_id: recordId, ...w }, S.RecordWritten, {
        object: record(domainId, recordId),
      }),
    );
    return r.status?.created_at;
  }

  /** Record.Remove; a record or domain that is already gone counts as removed. */
  async removeRecord(domainId: string, recordId: string): Promise<void> {
    await this.writing(domainId, () =>
      unlessGone(() => this.write(A.RecordRemove, { domain_id: domainId, record_id: recordId }, record(domainId, recordId))),
    );
  }

  /** Record.Status; returns when DNSPod made the change. */
  async setRecordStatus(domainId: string, recordId: string, status: "enable" | "disable"): Promise<string | undefined> {
    const r = await this.writing(domainId, () =>
      this.call(A.RecordStatus, { domain_id: domainId, record_id: recordId, status }, S.RecordWritten, {
        object: record(domainId, recordId),
      }),
    );
    return r.status?.created_at;
  }

  /** Record.Remark ("" clears it); returns when DNSPod made the change. */
  async setRecordRemark(domainId: string, recordId: string, remark: string): Promise<string | undefined> {
    const r = await this.writing(domainId, () =>
      this.call(A.RecordRemark, { domain_id: domainId, record_id: recordId, remark }, S.Answered, { object: record(domainId, recordId) }),
    );
    return r.status?.created_at;
  }

  // ── batch jobs (dnsapi.cn) ─────────────────────────────────────────────────

  /**
   * Batch.Record.Create: queues one job adding `records` to the domain; returns its id. The job runs
   * later (batchDetail tells). A resend after a lost answer queues a second job, whose records
   * DNSPod refuses as duplicates. https://docs.dnspod.cn/api/bulk-add-records/
   */
  async batchCreateRecords(domainId: string, records: readonly RecordWrite[]): Promise<string> {
    const object = `${records.length} record(s) of ${domain(domainId)}`;
    const params = { domain_id: domainId, records: JSON.stringify(records) };
    return (await this.writing(domainId, () => this.call(A.BatchRecordCreate, params, S.BatchQueued, { object }))).job_id;
  }

  /**
   * Batch.Record.Modify: queues one job setting `change` to `changeTo` on the records named (of
   * `domainId`, whose listing it drops); returns its id. (批量修改记录, https://support.dnspod.cn/api/5f5630eae75cf42d25bf68df/)
   */
  async batchModifyRecords(domainId: string, recordIds: readonly string[], change: BatchChange, changeTo: string): Promise<string> {
    const params = { record_id: recordIds.join(","), change, change_to: changeTo };
    const object = `${recordIds.length} record(s) of ${domain(domainId)}, ${change} → ${changeTo}`;
    return (await this.writing(domainId, () => this.call(A.BatchRecordModify, params, S.BatchQueued, { object }))).job_id;
  }

  /** A job this client queued has run on the server: the domain's listings no longer show it as it is. */
  jobRan(domainId: string): void {
    this.recordListings.invalidate(domainId);
  }

  /** Batch.Detail: the job's records so far, each waiting, running, ok or error. (获取任务详情, https://docs.dnspod.cn/api/get-task-details/) */
  async batchDetail(jobId: string): Promise<S.BatchDetail> {
    return this.call(A.BatchDetail, { job_id: jobId }, S.BatchDetail, { object: `job ${jobId}` });
  }

  // ── shares ─────────────────────────────────────────────────────────────────

  async listShares(domainId: string): Promise<S.Share[]> {
    return (await this.call(A.DomainshareList, { domain_id: domainId }, S.ShareList, { object: domain(domainId) })).share;
  }

  /** Domainshare.Create; `subDomain` "" shares the whole domain. */
  async createShare(domainId: string, email: string, mode: "r" | "rw", subDomain: string): Promise<void> {
    await this.call(A.DomainshareCreate, { domain_id: domainId, email, mode, sub_domain: subDomain || undefined }, S.Empty, {
      object: `share with ${email} of ${domain(domainId)}`,
      reconcile: async () => ((await this.listShares(domainId)).some((s) => s.share_to.toLowerCase() === email) ? {} : undefined),
    });
  }

  /** Domainshare.Modify: `old_sub_domain` names what is shared now, `new_sub_domain` what should be ("" = whole domain). */
  async modifyShare(domainId: string, email: string, mode: "r" | "rw", oldSub: string, newSub: string): Promise<void> {
    await this.write(
      A.DomainshareModify,
      { domain_id: domainId, email, mode, old_sub_domain: oldSub || undefined, new_sub_domain: newSub || undefined },
      `share with ${email} of ${domain(domainId)}`,
    );
  }

  async removeShare(domainId: string, email: string): Promise<void> {
    await unlessGone(() => this.write(A.DomainshareRemove, { domain_id: domainId, email }, `share with ${email} of ${domain(domainId)}`));
  }

  // ── aliases and groups ─────────────────────────────────────────────────────

  async listAliases(domainId: string): Promise<S.Alias[]> {
    return (await this.call(A.DomainaliasList, { domain_id: domainId }, S.AliasList, { object: domain(domainId) })).alias;
  }

  /** Domainalias.Create; returns the alias id. */
  async createAlias(domainId: string, name: string): Promise<string> {
    const r = await this.call(A.DomainaliasCreate, { domain_id: domainId, domain: name }, S.AliasCreated, {
      object: `alias "${name}" of ${domain(domainId)}`,
      reconcile: async () => {
        const a = (await this.listAliases(domainId)).find((x) => x.domain === name);
        return a && { alias: { id: a.id, punycode: a.domain } };
      },
    });
    return r.alias.id;
  }

  async removeAlias(domainId: string, aliasId: string): Promise<void> {
    await unlessGone(() =>
      this.write(A.DomainaliasRemove, { domain_id: domainId, alias_id: aliasId }, `alias ${aliasId} of ${domain(domainId)}`),
    );
  }

  async listGroups(): Promise<S.Group[]> {
    return (await this.call(A.DomaingroupList, {}, S.GroupList, { object: "(all groups)" })).groups;
  }

  /** Domaingroup.Create (VIP accounts only); returns the group id. */
  async createGroup(name: string): Promise<string> {
    const r = await this.call(A.DomaingroupCreate, { group_name: name }, S.GroupCreated, {
      object: `group "${name}"`,
      reconcile: async () => {
        const g = (await this.listGroups()).find((x) => x.group_name === name);
        return g && { groups: { id: g.group_id } };
      },
    });
    return r.groups.id;
  }

  async modifyGroup(id: string, name: string): Promise<void> {
    await this.write(A.DomaingroupModify, { group_id: id, group_name: name }, `group ${id}`);
  }

  async removeGroup(id: string): Promise<void> {
    await unlessGone(() => this.write(A.DomaingroupRemove, { group_id: id }, `group ${id}`));
  }

  // ── locks ──────────────────────────────────────────────────────────────────

  /** Domain.Lock; the lock code is the only way to unlock early, so it must not be lost. */
  async lockDomain(domainId: string, days: number): Promise<{ lockCode: string; lockEnd: string }> {
    const r = await this.call(A.DomainLock, { domain_id: domainId, days }, S.Locked, {
      object: domain(domainId),
      reconcile: async () => {
        if (!(await this.lockStatus(domainId))) return undefined;
        throw new Error(
          `DNSPod Domain.Lock ${domain(domainId)}: the lock was taken but its answer (with the lock code) was lost in transit. ` +
            "Fix: the domain stays locked until the lock's end date; unlock it in the DNSPod console, or wait, then re-run",
        );
      },
    });
    return { lockCode: r.lock.lock_code, lockEnd: r.lock.lock_end };
  }

  /** Domain.Lockstatus; undefined when the domain is not locked (or gone). */
  async lockStatus(domainId: string): Promise<S.LockStatus | undefined> {
    return (await unlessGone(() => this.call(A.DomainLockstatus, { domain_id: domainId }, S.LockStatus, { object: domain(domainId) })))
      ?.lock;
  }

  /** Domain.Unlock; a lock that has already ended counts as unlocked. */
  async unlockDomain(domainId: string, lockCode: string): Promise<void> {
    await unlessGone(() => this.write(A.DomainUnlock, { domain_id: domainId, lock_code: lockCode }, domain(domainId)));
  }
}
