/**
 * A WAPI answer with a code other than 1000: names the command, the object, the code, its meaning
 * and the fix, plus svTRID for WEDOS support.
 */
import { ProviderError } from "../http/errors";
import { wedosCodeInfo } from "./codes";

export class WedosApiError extends ProviderError {
  override readonly name: string;
  readonly retryable: boolean;
  readonly meaning: string;
  readonly fix: string;
  readonly kind: string;
  override readonly maybeExecuted: boolean;

  constructor(
    readonly code: number,
    readonly command: string,
    readonly object: string,
    readonly result: string,
    readonly svTRID: string | undefined,
  ) {
    const info = wedosCodeInfo(code);
    super(
      `WEDOS ${command} ${object}: code ${code} (${info.meaning}${result && result !== info.meaning ? `; WAPI says "${result}"` : ""})` +
        `${info.fix ? `. Fix: ${info.fix}` : ""}${svTRID ? ` [svTRID ${svTRID}]` : ""}`,
    );
    this.name = `WedosApiError[${code}]`;
    this.meaning = info.meaning;
    this.fix = info.fix;
    this.kind = info.kind;
    this.retryable = info.kind === "limit" && code === 2006 ? true : info.kind === "internal";
    // An internal error may strike after the row was written; a resend must check first.
    this.maybeExecuted = info.kind === "internal";
  }

  override get notFound(): boolean {
    return this.kind === "notfound";
  }

  /** 2316 row exists, 3303 zone exists, 3312 the copy's target exists. */
  override get exists(): boolean {
    return this.code === 2316 || this.code === 3303 || this.code === 3312;
  }
}
