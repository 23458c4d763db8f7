/**
 * A faithful fake of the legacy DNSPod API as api.dnspod.com serves it (`site: "intl"`) or as
 * dnsapi.cn does (`site: "cn"`): `POST /<Action>` with a form body, answers in the vendor's
 * `{"status":{…}, …}` envelope with the shapes of its documentation examples, quirks included, and
 * the status texts the live services give today (messages.ts). See emulator/types.ts for the server
 * contract.
 *
 * Choices where the vendor is silent:
 * - An unknown action answers HTTP 404 with status code "-99" ("API is not open"); so do the batch
 *   actions on api.dnspod.com, whose documents never had them (dnsapi.cn: batch-state.ts).
 * - `format` defaults to XML (root `<dnspod>`, arrays as repeated `<item>`), as the vendor documents.
 * - The remaining per-action choices are marked [G] next to the code that makes them.
 */
import type { ApiEmulator, EmulatedRequest, EmulatedResponse, EmulatorContext } from "../types";
import { aliasGroupActions } from "./aliases-groups";
import { batchActions } from "./batch-actions";
import { BatchRunner, type BatchTimer } from "./batch-run";
import { domainActions } from "./domains";
import { checkLogin, FrequencyLimit } from "./gate";
import { lockActions } from "./locks";
import { languageOf, statusMessage } from "./messages";
import { recordReadActions } from "./records-read";
import { recordWriteActions } from "./records-write";
import { shareActions } from "./shares";
import { type DnspodDomain, type DnspodEmulatorOptions, type DnspodState, emptyState, isDnspodState, resolveOptions } from "./state";
import { transferActions } from "./transfer";
import { envelope, type Handler, type Outcome, type Params, parseForm, wireFormat } from "./wire";

export type {
  DnspodEmulatorOptions,
  DnspodSite,
  DnspodState,
} from "./state";

const ACTIONS: Readonly<Record<string, Handler>> = {
  ...domainActions,
  ...lockActions,
  ...shareActions,
  ...transferActions,
  ...aliasGroupActions,
  ...recordReadActions,
  ...recordWriteActions,
};

/** Parameters that are credentials and must never reach the request log. */
const SECRET_PARAMS = new Set(["login_token", "user_token", "login_password", "login_code"]);

export class DnspodEmulator implements ApiEmulator {
  readonly api = "dnspod" as const;
  private readonly options: DnspodEmulatorOptions;
  private state: DnspodState = emptyState();
  private readonly frequency = new FrequencyLimit();
  /** dnsapi.cn's batch jobs (batch-*.ts); `timer` lets unit tests run them by hand. */
  private readonly batch: BatchRunner;

  constructor(
    private readonly ctx: EmulatorContext,
    options: Partial<DnspodEmulatorOptions> = {},
    timer?: BatchTimer,
  ) {
    this.options = resolveOptions(options);
    this.batch = new BatchRunner(ctx, this.options, () => this.state, timer);
  }

  handle(req: EmulatedRequest): EmulatedResponse {
    const action = this.opOf(req);
    const params = parseForm(req.body);
    const now = this.ctx.now();
    let loggedIn = false;
    const answer = (outcome: Outcome, httpStatus = 200): EmulatedResponse => {
      const userAgent = req.headers["user-agent"];
      this.ctx.log({
        op: action,
        params: loggable(params),
        code: outcome.code,
        ...(userAgent ? { userAgent } : {}),
      });
      const language = languageOf(this.options, params, loggedIn);
      const message = statusMessage(this.options, language, action, outcome.code, outcome.reason);
      return envelope(outcome.code, message, now, outcome.payload, wireFormat(params), httpStatus);
    };

    if (req.method.toUpperCase() !== "POST") return answer({ code: "2" });
    const handler = ACTIONS[action] ?? (this.options.site === "cn" ? batchActions[action] : undefined);
    if (!handler) return answer({ code: "-99", reason: { key: "unknownAction", arg: action || req.path } }, 404);

    const login = checkLogin(this.state.security, this.options, req.ip, params, now.getTime());
    if (login.changed) this.ctx.changed();
    if (login.code) return answer({ code: login.code });
    loggedIn = true;
    if (!this.frequency.admit(this.options, now.getTime())) return answer({ code: "-2" });
    // Whatever is asked, the batch records due by now have run.
    if (this.batch.runDue()) {
      this.ctx.changed();
      this.ctx.served?.(now);
    }

    const outcome = handler({
      action,
      params,
      state: this.state,
      options: this.options,
      now,
      ip: req.ip,
      errorOnEmpty: params.error_on_empty?.toLowerCase() !== "no",
      userId: this.options.loginToken.split(",")[0] ?? "",
    });
    if (outcome.mutated) {
      this.ctx.changed();
      this.ctx.served?.(now);
    }
    if (outcome.mutated && action in batchActions) this.batch.arm();
    return answer(outcome);
  }

  apiFault(code: string, req: EmulatedRequest): EmulatedResponse {
    const params = parseForm(req.body);
    // An injected fault stands for an answer after login (-2, 3, …), so it speaks the account's language.
    const message = statusMessage(this.options, languageOf(this.options, params, true), this.opOf(req), code);
    return envelope(code, message, this.ctx.now(), {}, wireFormat(params));
  }

  /** "Record.List" from "/Record.List" (trailing slash tolerated; "Batch.Record.Create" too); "" when it isn't an action name. */
  opOf(req: EmulatedRequest): string {
    const name = req.path.replace(/^\/+|\/+$/g, "");
    return /^[A-Za-z]+(\.[A-Za-z]+)+$/.test(name) ? name : "";
  }

  paramsOf(req: EmulatedRequest): Record<string, unknown> {
    return loggable(parseForm(req.body));
  }

  /** The domains as they are now, for the nameservers. */
  servedDomains(): readonly DnspodDomain[] {
    return this.state.domains;
  }

  snapshot(): DnspodState {
    return structuredClone(this.state);
  }

  restore(state: unknown): void {
    if (!isDnspodState(state)) throw new TypeError("dnspod emulator: restore() got something that is not a DNSPod state");
    this.state = structuredClone(state);
    this.batch.arm();
  }

  reset(): void {
    this.batch.stop();
    this.state = emptyState();
    this.frequency.reset();
  }
}

function loggable(params: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !SECRET_PARAMS.has(k)));
}
