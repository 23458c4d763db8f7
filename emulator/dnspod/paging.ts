/** offset/length paging shared by Domain.List and Record.List. */
import { type Call, fail, intParam, type Outcome } from "./wire";

/**
 * The slice the vendor returns: with neither offset nor length only the first `pageCap` rows
 * (DNSPod: "only the first 500 … will responded"), with offset alone `pageCap` rows from there,
 * with length exactly that many. `codes` are the action's own codes for a bad offset / length.
 */
export function page<T>(call: Call, rows: readonly T[], codes: { offset: string; length: string }): { rows: T[] } | Outcome {
  const offset = intParam(call.params, "offset");
  const length = intParam(call.params, "length");
  if (Number.isNaN(offset)) return fail(codes.offset);
  if (Number.isNaN(length) || length === 0) return fail(codes.length);
  const start = offset ?? 0;
  return { rows: rows.slice(start, start + (length ?? call.options.pageCap)) };
}
