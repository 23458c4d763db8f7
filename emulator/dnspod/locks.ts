/**
 * Domain.Lock / Lockstatus / Unlock. A lock blocks Domain.Remove/Status (7) and record writes (21)
 * until it is unlocked with its code or runs out; the vendor only says "for how many days", so the
 * emulator ends it exactly `days` × 24 h after it was taken and reports that date as `lock_end`.
 */
import { randomBytes } from "node:crypto";
import { activeLock, logChange, noDomain, resolveDomain } from "./lookup";
import type { DnspodLock } from "./state";
import { fail, formatDate, type Handler, ok } from "./wire";

const MAX_DAYS = 365;
const DAY_MS = 86_400_000;

function lockView(lock: DnspodLock): Record<string, string> {
  return {
    lock_status: "yes",
    start_at: formatDate(new Date(lock.startedAt)),
    end_at: formatDate(new Date(lock.endsAt)),
  };
}

const lock: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const raw = call.params.days ?? "";
  if (!/^\d+$/.test(raw) || Number(raw) < 1) return fail("8");
  const days = Number(raw);
  if (days > MAX_DAYS) return fail("9");
  if (activeLock(d, call.now)) return fail("21");
  const endsAt = new Date(call.now.getTime() + days * DAY_MS);
  d.lock = { code: randomBytes(3).toString("hex"), startedAt: call.now.toISOString(), endsAt: endsAt.toISOString() };
  logChange(d, call.now, `Locked for ${days} days`);
  // The seed's quirk: `domain_id` is a number here.
  return ok({ lock: { domain_id: d.id, lock_code: d.lock.code, lock_end: formatDate(endsAt) } }, true);
};

const lockStatus: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const held = activeLock(d, call.now);
  return held ? ok({ lock: lockView(held) }) : fail("7");
};

const unlock: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const held = activeLock(d, call.now);
  if (!held) return fail("8");
  if ((call.params.lock_code ?? "").trim().toLowerCase() !== held.code) return fail("9");
  delete d.lock;
  logChange(d, call.now, "Unlocked");
  // The seed answers an unlock with the lock as it was ("lock_status": "yes"); reproduced as is.
  return ok({ lock: lockView(held) }, true);
};

export const lockActions: Record<string, Handler> = {
  "Domain.Lock": lock,
  "Domain.Lockstatus": lockStatus,
  "Domain.Unlock": unlock,
};
