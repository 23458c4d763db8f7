type ListShape = "array" | "keyed";

export interface WedosEmulatorOptions {
  username: string;
  /** The WAPI password (not the account password). */
  password: string;
  /** WAPI IP allow-list: full addresses or prefixes like "127.0.0."; undefined allows all, else 2051. */
  allowedIps?: string[];
  /** Also accept auth signed with the previous Prague hour (boundary tolerance). */
  acceptPreviousHour?: boolean;
  /** Pending changes auto-commit this long after the last change. */
  autoCommitSeconds?: number;
  /** Authenticated requests per window per account; 2006 beyond. */
  requestsPerWindow?: number;
  windowSeconds?: number;
  /** Invalid requests per IP tolerated (10); the next one blocks the IP for 60 s (2052), each further one adds 60 s. */
  invalidBeforeBlock?: number;
  /** Answers that count as invalid requests: codes and ranges, "2000-5999" (every error) by default. */
  invalidCodes?: string;
  /** JSON shape of dns-domains-list data.domain: an array, or {"domain1":{…}} as in the seed. */
  domainsListShape?: ListShape;
  /** JSON shape of dns-rows-list data.row: an array, or {"row1":{…}} as in the seed. */
  rowsListShape?: ListShape;
  maxRowsPerDomain?: number;
  maxDomains?: number;
}

export type ResolvedWedosOptions = Required<Omit<WedosEmulatorOptions, "allowedIps">> & Pick<WedosEmulatorOptions, "allowedIps">;

const DEFAULT_WEDOS_OPTIONS: Readonly<ResolvedWedosOptions> = {
  username: "emulator@example.com",
  password: "emulator-password",
  allowedIps: undefined,
  acceptPreviousHour: true,
  autoCommitSeconds: 300,
  requestsPerWindow: 1000,
  windowSeconds: 3600,
  invalidBeforeBlock: 10,
  invalidCodes: "2000-5999",
  domainsListShape: "array",
  rowsListShape: "array",
  maxRowsPerDomain: 1000,
  maxDomains: 100,
};

/** Defaults under the caller's options; a bad `invalidCodes` list fails here, at start-up. */
export function resolveOptions(options: Partial<WedosEmulatorOptions> | undefined): ResolvedWedosOptions {
  const out: ResolvedWedosOptions = { ...DEFAULT_WEDOS_OPTIONS };
  // Skip explicit undefineds so `{ password: undefined }` (an unset CLI flag) keeps the default.
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
