/**
 * WAPI dates ("changed_date", "commit_date", "next_run") are "YYYY-MM-DD HH:MM:SS" in the service's
 * local time. WEDOS runs in Prague, so the emulator renders Europe/Prague wall time (CET/CEST) too.
 */
const pragueParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Prague",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function parts(at: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pragueParts.formatToParts(at)) out[p.type] = p.value;
  return out;
}

export function pragueDateTime(at: Date): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "YYYYMMDD" of the Prague calendar day, the prefix of SOA serials. */
export function pragueDay(at: Date): string {
  const p = parts(at);
  return `${p.year}${p.month}${p.day}`;
}

/**
 * The next SOA serial in the usual YYYYMMDDnn scheme: the first change of a day starts at nn=01,
 * later ones count up (past 99 it simply keeps incrementing, as zone tools do).
 */
export function nextSerial(current: number, at: Date): number {
  const first = Number(`${pragueDay(at)}01`);
  return current >= first ? current + 1 : first;
}
