/**
 * Special values on the plugin's wire. Values arrive from the engine as plain JSON except for
 * secrets, which are objects marked with a signature key (@pulumi/pulumi runtime/rpc.js). The
 * plugin tells the engine it does not accept secrets, so the engine strips them and re-marks the
 * results itself (as for dynamic providers); unwrapping anyway keeps the resources safe should a
 * wrapper ever arrive. Outputs the engine cannot know to be secret (a DomainLock's code) are sent
 * back wrapped.
 */

/** The key that marks a special value, and the signature of a secret. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const isSecret = (v: unknown): v is { value: unknown } => isObject(v) && v[SIG_KEY] === SECRET_SIG;

/** The value with every secret wrapper replaced by what it holds, at any depth. */
export function unwrapSecrets<T>(value: T): T {
  if (isSecret(value)) return unwrapSecrets(value.value as T);
  if (Array.isArray(value)) return value.map(unwrapSecrets) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)])) as T;
  return value;
}

/** The value wrapped as a secret, which the engine stores encrypted. */
export const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

/** Outputs with the given keys (when present) wrapped as secrets. */
export function withSecrets<T extends Record<string, unknown>>(outs: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = { ...outs };
  for (const k of keys) if (out[k] !== undefined && !isSecret(out[k])) out[k] = secret(out[k]);
  return out as T;
}
