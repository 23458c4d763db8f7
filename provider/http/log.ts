/**
 * The provider's one logging path. The Pulumi engine shows a provider process's stderr lines as
 * diagnostics, so this is how a waiting budget or a retry becomes visible in `pulumi up`.
 * Every message passes through redaction of the secrets currently configured.
 */
const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join("[secret]");
  return out;
}

export type Logger = (message: string) => void;

export const stderrLogger: Logger = (message) => {
  process.stderr.write(`pulumi-dnspod-wedos: ${redact(message)}\n`);
};
