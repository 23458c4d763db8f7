/**
 * Moving domains between accounts: Domainshare.Transfer gives a domain away; Domain.Acquire,
 * Acquiresend and Acquirevalidate take a domain back by proving control of a WHOIS email. Other
 * accounts are not modelled, so a transferred domain is parked in `state.transferred`.
 */
import { randomInt } from "node:crypto";
import { noDomain, resolveDomain } from "./lookup";
import { checkTarget } from "./shares";
import type { DnspodTransferred } from "./state";
import { asciiDomain, isEmail, sameEmail } from "./validate";
import { type Call, fail, type Handler, type Outcome, ok } from "./wire";

const transfer: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const raw = (call.params.email ?? "").trim();
  if (isEmail(raw) && sameEmail(raw, call.options.accountEmail)) return fail("9");
  const email = checkTarget(call);
  if (typeof email !== "string") return email;
  call.state.domains = call.state.domains.filter((x) => x !== d);
  call.state.transferred.push({ domain: d, toEmail: email });
  return ok(undefined, true);
};

/** [G] Real answers come from WHOIS; the emulator offers two role addresses of the domain. */
const whoisEmails = (domain: string): string[] => [`admin@${domain}`, `hostmaster@${domain}`];

/** The parked domain a Domain.Acquire* call is about, or the action's code for why not. */
function parked(call: Call): DnspodTransferred | Outcome {
  const raw = (call.params.domain ?? "").trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "not ASCII", NUL included on purpose
  if (/[^\x00-\x7f]/.test(raw)) return fail("7");
  const ascii = asciiDomain(raw);
  if (!ascii) return fail("6");
  if (ascii.endsWith(".tk")) return fail("9");
  return call.state.transferred.find((t) => t.domain.punycode === ascii) ?? fail("10");
}

const acquire: Handler = (call) => {
  const t = parked(call);
  return "code" in t ? t : ok({ emails: whoisEmails(t.domain.punycode) });
};

const acquireSend: Handler = (call) => {
  const t = parked(call);
  if ("code" in t) return t;
  const email = call.params.email ?? "";
  if (!whoisEmails(t.domain.punycode).some((e) => sameEmail(e, email))) return fail("16");
  // The code is "emailed": tests read it from the snapshot (state.transferred[].acquireCode).
  t.acquireCode = String(randomInt(0, 1_000_000)).padStart(6, "0");
  return ok(undefined, true);
};

const acquireValidate: Handler = (call) => {
  const t = parked(call);
  if ("code" in t) return t;
  if (!t.acquireCode || (call.params.code ?? "").trim() !== t.acquireCode) return fail("15");
  call.state.transferred = call.state.transferred.filter((x) => x !== t);
  t.domain.shares = [];
  call.state.domains.push(t.domain);
  return ok(undefined, true);
};

export const transferActions: Record<string, Handler> = {
  "Domainshare.Transfer": transfer,
  "Domain.Acquire": acquire,
  "Domain.Acquiresend": acquireSend,
  "Domain.Acquirevalidate": acquireValidate,
};
