/**
 * A DNSPod answer whose `status.code` is not "1": names the action, the object, the code, its
 * meaning for that action and the fix. Only -2 (rate limit) is worth retrying; -1 and -8 must never
 * be, because every failed login counts towards DNSPod's one-hour ban.
 */
import { ProviderError } from "../http/errors";
import { dnspodCodeInfo, type Kind } from "./codes";

export class DnspodApiError extends ProviderError {
  override readonly name: string;
  readonly retryable: boolean;
  readonly meaning: string;
  readonly fix: string;
  readonly kind: Kind;

  constructor(
    readonly action: string,
    readonly object: string,
    readonly code: string,
    /** The API's own status.message. */
    readonly apiMessage: string,
  ) {
    const info = dnspodCodeInfo(action, code);
    const says = apiMessage && apiMessage.toLowerCase() !== info.meaning.toLowerCase() ? `; DNSPod says "${apiMessage}"` : "";
    super(`DNSPod ${action}${object ? ` ${object}` : ""}: code ${code} (${info.meaning}${says})${info.fix ? `. Fix: ${info.fix}` : ""}`);
    this.name = `DnspodApiError[${code}]`;
    this.meaning = info.meaning;
    this.fix = info.fix;
    this.kind = info.kind;
    this.retryable = info.kind === "limit";
  }

  override get notFound(): boolean {
    return this.kind === "notfound";
  }

  override get exists(): boolean {
    return this.kind === "exists";
  }
}
