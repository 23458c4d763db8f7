import { createHash } from "node:crypto";

const HOUR_MS = 3_600_000;

// Built once: Intl formatters are costly to construct and this runs on every request.
const pragueHourFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Prague",
  hour: "2-digit",
  hourCycle: "h23",
});

function sha1hex(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

/** Two-digit hour in Europe/Prague (CET/CEST), the clock WAPI signs with. */
export function pragueHour(at: Date): string {
  return pragueHourFormat.format(at).padStart(2, "0");
}

/** The auth string a client must send at `at`: sha1(user + sha1(password) + HH). */
export function wapiAuth(user: string, password: string, at: Date): string {
  return sha1hex(user + sha1hex(password) + pragueHour(at));
}

/**
 * Whether `auth` signs `user` now. The previous hour is optionally tolerated because a request signed at
 * 10:59:59.9 may arrive at 11:00:00; WEDOS does not document its own tolerance.
 */
export function authMatches(user: string, auth: string, password: string, now: Date, acceptPreviousHour: boolean): boolean {
  const sent = auth.toLowerCase();
  if (sent === wapiAuth(user, password, now)) return true;
  return acceptPreviousHour && sent === wapiAuth(user, password, new Date(now.getTime() - HOUR_MS));
}
