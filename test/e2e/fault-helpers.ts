/**
 * What the fault tests share: the fault-stack project with credentials for both emulators, and
 * proofs over the emulators' request log that a refused request was never sent again.
 */
import { join } from "node:path";
import type { LogEntry, RunningEmulators } from "../../emulator";
import { PulumiProject, prepareExample, ROOT } from "./harness";

/** test/fixtures/fault-stack, installed with the packed package. */
export const faultProject = (): string => prepareExample(join(ROOT, "test/fixtures/fault-stack"));

const NEVER_RETRIED_WEDOS = /^(2050|2051|2052|20[0-9][0-9]|21\d\d|22\d\d|23\d\d|api-2052)$/;
const NEVER_RETRIED_DNSPOD = /^(-1|-8|-7|6|7|8|9|2[0-9]|3[0-9]|85|104)$/;

export async function stackOn(
  project: string,
  emu: RunningEmulators,
  name: string,
  extra: Record<string, string> = {},
): Promise<PulumiProject> {
  const p = new PulumiProject(project);
  await p.ok(["stack", "init", name]);
  await p.configureEmulators(emu, { "wedos:timeoutMs": "1500", "dnspod:timeoutMs": "1500", ...extra });
  return p;
}

/** Same request again = same API, operation and parameters (clTRID changes per attempt). */
export const key = (e: LogEntry) => {
  const { clTRID: _c, test: _t, ...params } = e.params as Record<string, unknown>;
  return `${e.api} ${e.op} ${JSON.stringify(params, Object.keys(params).sort())}`;
};
export const neverRetried = (e: LogEntry) => (e.api === "wedos" ? NEVER_RETRIED_WEDOS : NEVER_RETRIED_DNSPOD).test(e.code);

/** Entries of one run that got a never-retry code and were nevertheless sent again in that run. */
export function retriedAfterRefusal(run: LogEntry[]): string[] {
  const bad: string[] = [];
  run.forEach((e, i) => {
    if (!neverRetried(e)) return;
    const k = key(e);
    if (run.slice(i + 1).some((later) => key(later) === k)) bad.push(`${k} → ${e.code}`);
  });
  return bad;
}
