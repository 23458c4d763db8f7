/**
 * WAPI auth: sha1(user + sha1(password) + HH), HH = the hour in Europe/Prague, always two digits.
 * https://kb.wedos.com/en/wapi-api-interface/wapi-basics-communication-authentication/
 * Tools that used host time, skipped the zero padding or hard-coded +1 h got 2050 for hours a day
 * or half the year; Intl knows Prague's daylight saving rules, so we ask it.
 */
import { createHash } from "node:crypto";

const pragueHourFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Prague",
  hour: "2-digit",
  hourCycle: "h23",
});

export function pragueHour(now: Date): string {
  return pragueHourFormat.format(now).padStart(2, "0");
}

export function sha1Hex(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

export function wapiAuth(user: string, password: string, now: Date): string {
  return sha1Hex(`${user}${sha1Hex(password)}${pragueHour(now)}`);
}
