import { z } from "zod";

/**
 * The persisted WEDOS emulator state. It is what `/_emulator/state` shows and what `--state` files
 * hold, so it stays plain JSON: rows keep the wire field names and string values of dns-rows-list.
 */
const wedosRowSchema = z.object({
  ID: z.string(),
  name: z.string(),
  ttl: z.string(),
  rdtype: z.string(),
  rdata: z.string(),
  changed_date: z.string(),
  author_comment: z.string(),
});

const wedosZoneSchema = z.object({
  name: z.string(),
  type: z.enum(["primary", "secondary"]),
  status: z.string(),
  /** Locked for editing (3305); only settable through restore(), to test clients against it. */
  tlock: z.boolean(),
  /** Secondary zones: the primary server the zone is transferred from; "" for primaries. */
  primaryIp: z.string(),
  axfrEnabled: z.boolean(),
  axfrIps: z.array(z.string()),
  /** "0" none, "1" WEDOS's own DNSSEC keyset, anything else the name of a custom KEYSET. */
  keyset: z.string(),
  ns: z.array(z.string()),
  soa: z.object({
    rname: z.string(),
    serial: z.number().int(),
    refresh: z.number().int(),
    retry: z.number().int(),
    expire: z.number().int(),
    minimum: z.number().int(),
  }),
  addDate: z.string(),
  /** Wall time ("YYYY-MM-DD HH:MM:SS", Prague) of the last change to the rows, "" if none yet. */
  changedDate: z.string(),
  commitDate: z.string(),
  reloadDate: z.string(),
  /** Epoch ms of the last uncommitted change; null when the published rows are current. */
  pendingSinceMs: z.number().nullable(),
  /** Epoch ms when a requested AXFR (dns-domain-axfr-run) runs; null when none is pending. */
  axfrDueMs: z.number().nullable(),
  /** The pending view: what WAPI lists and edits. */
  rows: z.array(wedosRowSchema),
  /** What the DNS servers serve: the rows as of the last commit. */
  published: z.array(wedosRowSchema),
  /** dns-domain-commit calls, whether or not they had anything to publish. */
  commits: z.number().int(),
  /** Commits the service made by itself, autoCommitSeconds after the last change. */
  autoCommits: z.number().int(),
});

const wedosStateSchema = z.object({
  version: z.literal(1),
  /** Row IDs are one account-wide counter; the last one handed out. */
  lastRowId: z.number().int().nonnegative(),
  domains: z.array(wedosZoneSchema),
});

export type WedosRow = z.infer<typeof wedosRowSchema>;
export type WedosZone = z.infer<typeof wedosZoneSchema>;
export type WedosState = z.infer<typeof wedosStateSchema>;

export function emptyState(): WedosState {
  return { version: 1, lastRowId: 0, domains: [] };
}

/** Loads an untrusted snapshot; throws with zod's description of what is wrong. */
export function parseState(input: unknown): WedosState {
  const result = wedosStateSchema.safeParse(input);
  if (!result.success) throw new Error(`wedos emulator: invalid state: ${z.prettifyError(result.error)}`);
  const names = new Set<string>();
  for (const d of result.data.domains) {
    if (names.has(d.name)) throw new Error(`wedos emulator: invalid state: duplicate domain ${d.name}`);
    names.add(d.name);
  }
  return result.data;
}
