/**
 * Domainshare.Create / List / Modify / Remove. A share is identified by domain + email (Remove
 * takes only the email), optionally narrowed to one sub domain ("" = the whole domain).
 */
import { logChange, noDomain, resolveDomain } from "./lookup";
import type { DnspodDomain, DnspodShare } from "./state";
import { isEmail, sameEmail } from "./validate";
import { badParam, type Call, fail, type Handler, type Outcome, ok } from "./wire";

/**
 * The target email checked the way every share action does: 7 when it doesn't look like an email
 * (or is the account itself, which cannot be a share target), 8 when no such account exists.
 */
export function checkTarget(call: Call): string | Outcome {
  const email = (call.params.email ?? "").trim();
  if (!isEmail(email) || sameEmail(email, call.options.accountEmail)) return fail("7");
  if (!call.options.knownAccounts.some((a) => sameEmail(a, email))) return fail("8");
  return email.toLowerCase();
}

const subDomain = (raw: string | undefined): string => (raw ?? "").trim().toLowerCase();

// The vendor: "mode … The default value is r", for Create and Modify alike.
const mode = (raw: string | undefined): DnspodShare["mode"] | undefined =>
  raw === undefined || raw === "" || raw === "r" ? "r" : raw === "rw" ? "rw" : undefined;

function withShare(call: Call, then: (d: DnspodDomain, email: string, share: DnspodShare | undefined) => Outcome): Outcome {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const email = checkTarget(call);
  if (typeof email !== "string") return email;
  return then(
    d,
    email,
    d.shares.find((s) => s.email === email),
  );
}

const create: Handler = (call) =>
  withShare(call, (d, email, existing) => {
    if (existing) return fail("9");
    const m = mode(call.params.mode);
    if (!m) return badParam("6", "mode");
    d.shares.push({ email, mode: m, subDomain: subDomain(call.params.sub_domain) });
    logChange(d, call.now, `Shared with ${email} (${m})`);
    return ok(undefined, true);
  });

const list: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  if (d.shares.length === 0 && call.errorOnEmpty) return fail("7");
  const share = d.shares.map((s) => ({
    share_to: s.email,
    mode: s.mode,
    status: "enabled",
    ...(s.subDomain ? { sub_domain: s.subDomain } : {}),
  }));
  return ok({ share, owner: call.options.accountEmail });
};

/**
 * The seed's five examples: `old_sub_domain` names what is shared now (absent = whole domain),
 * `new_sub_domain` what should be shared (absent = whole domain). A share that doesn't match
 * `old_sub_domain` is "no share for this email address" (9).
 */
const modify: Handler = (call) =>
  withShare(call, (d, email, existing) => {
    if (!existing || existing.subDomain !== subDomain(call.params.old_sub_domain)) return fail("9");
    const m = mode(call.params.mode);
    if (!m) return badParam("6", "mode");
    existing.mode = m;
    existing.subDomain = subDomain(call.params.new_sub_domain);
    logChange(d, call.now, `Changed share with ${email} (${m})`);
    return ok(undefined, true);
  });

const remove: Handler = (call) =>
  withShare(call, (d, email, existing) => {
    if (!existing) return fail("9");
    d.shares = d.shares.filter((s) => s !== existing);
    logChange(d, call.now, `Stopped sharing with ${email}`);
    return ok(undefined, true);
  });

export const shareActions: Record<string, Handler> = {
  "Domainshare.Create": create,
  "Domainshare.List": list,
  "Domainshare.Modify": modify,
  "Domainshare.Remove": remove,
};
