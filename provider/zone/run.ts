/**
 * Running a zone's writes: a fixed number at a time (the request budget still paces them), every
 * write attempted even when others fail, and one error at the end that names each failed record
 * and says that a re-run converges (written records are adopted, nothing is duplicated).
 */
import { ProviderError } from "../http/errors";

interface Failed<T> {
  item: T;
  error: unknown;
}

/** Runs `task` over `items`, at most `limit` at once; resolves with the failures, in item order. */
async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<Failed<T>[]> {
  const failed: (Failed<T> | undefined)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        await task(items[i]!);
      } catch (error) {
        failed[i] = { item: items[i]!, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failed.filter((f): f is Failed<T> => f !== undefined);
}

/** Writes of one zone in flight at once; the request budget paces them further. */
export const WRITES_AT_ONCE = 16;

const MAX_LISTED = 5;

/** Some writes of one operation failed; the message lists them (the first few) with their causes. */
export class ZoneWriteError extends Error {
  override readonly name = "ZoneWriteError";
  constructor(
    resource: string,
    zone: string,
    readonly failures: readonly { key: string; what: string; error: unknown }[],
    total: number,
  ) {
    const listed = failures
      .slice(0, MAX_LISTED)
      .map((f) => `\n  - ${f.what} "${f.key}": ${f.error instanceof Error ? f.error.message : String(f.error)}`);
    const more = failures.length > MAX_LISTED ? `\n  - … and ${failures.length - MAX_LISTED} more` : "";
    const retry = failures.some((f) => f.error instanceof ProviderError && !f.error.retryable && !(f.error as { exists?: boolean }).exists)
      ? "Fix the cause above, then re-run"
      : "Re-run `pulumi up`";
    super(
      `${resource} ${zone}: ${failures.length} of ${total} write(s) failed:${listed.join("")}${more}\n` +
        `${retry}: records already written are found in the zone and adopted, so nothing is written twice.`,
    );
  }
}

/** Runs one kind of write over records, `limit` at a time, and names what failed. */
export async function writeAll<T extends { key: string }>(
  what: string,
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<{ key: string; what: string; error: unknown }[]> {
  return (await runPool(items, limit, task)).map((f) => ({ key: f.item.key, what, error: f.error }));
}
