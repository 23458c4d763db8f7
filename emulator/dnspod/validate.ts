/**
 * Input validation shared by the actions. Kept pure so the rules (which are partly guesses about an
 * undocumented service) are in one place and easy to compare with the provider's own checks.
 */
import { isIPv4, isIPv6 } from "node:net";
import { domainToASCII } from "node:url";

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Lower-case punycode form of a zone name, or undefined when it is not a registrable-looking name. */
export function asciiDomain(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const name = raw.trim().toLowerCase().replace(/\.$/, "");
  const ascii = domainToASCII(name);
  if (!ascii || ascii.length > 253) return undefined;
  const labels = ascii.split(".");
  if (labels.length < 2) return undefined;
  const tld = labels[labels.length - 1] ?? "";
  if (!/^(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(tld)) return undefined;
  return labels.every((l) => LABEL.test(l) && !l.includes("_")) ? ascii : undefined;
}

export function isEmail(raw: string | undefined): boolean {
  return !!raw && /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(raw);
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Returns the record-write code for an invalid sub_domain, or undefined when it is fine. */
export function subDomainError(sub: string): "22" | "24" | undefined {
  if (sub === "@") return undefined;
  if (sub.length === 0 || sub.length > 253) return "22";
  const labels = sub.split(".");
  for (const [i, label] of labels.entries()) {
    if (label.includes("*")) {
      // DNSPod accepts a wildcard only as the whole leftmost label: "*" or "*.foo".
      if (label !== "*" || i !== 0) return "24";
      continue;
    }
    if (!LABEL.test(label)) return "22";
  }
  return undefined;
}

function isHostname(v: string): boolean {
  const name = v.toLowerCase().replace(/\.$/, "");
  return name.length > 0 && name.length <= 253 && name.split(".").every((l) => LABEL.test(l));
}

function isUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

const HOST_TYPES = new Set(["CNAME", "MX", "NS"]);

/**
 * The value as DNSPod stores it, or undefined when invalid for the type (code 34). Host targets
 * come back lower-cased with a trailing dot, like the vendor's own examples (`f1g1ns1.dnspod.net.`).
 */
export function normaliseValue(type: string, raw: string): string | undefined {
  const v = raw.trim();
  if (v.length === 0) return undefined;
  switch (type) {
    case "A":
      return isIPv4(v) ? v : undefined;
    case "AAAA":
      return isIPv6(v) ? v.toLowerCase() : undefined;
    case "TXT":
      return raw.length <= 512 ? raw : undefined;
    case "SRV": {
      const parts = v.split(/\s+/);
      const [prio, weight, port, target] = parts;
      const nums = [prio, weight, port].every((n) => n !== undefined && /^\d{1,5}$/.test(n) && Number(n) <= 65535);
      if (parts.length !== 4 || !nums || !target || !(target === "." || isHostname(target))) return undefined;
      return `${prio} ${weight} ${port} ${target === "." ? "." : withDot(target)}`;
    }
    case "URL":
    case "Framed URL":
      return isUrl(v) ? v : undefined;
    case "CAA":
      return /^\d{1,3}\s+(issue|issuewild|iodef)\s+"[^"]*"$/.test(v) ? v : undefined;
    default:
      if (HOST_TYPES.has(type)) return isHostname(v) ? withDot(v) : undefined;
      return v;
  }
}

function withDot(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith(".") ? lower : `${lower}.`;
}
