/**
 * DNS from a pipeline with the Pulumi Automation API: one command per pipeline step, the program
 * inline (program.ts), run by a LocalWorkspace in this folder.
 *
 *   node bin/index.js preview [--expect-no-changes] | up | refresh | destroy
 *
 * Engine output goes to stderr, one JSON line with the result to stdout.
 *
 * Environment: WEDOS_USERNAME, WEDOS_WAPI_PASSWORD, DNSPOD_LOGIN_TOKEN (the pipeline's secrets),
 * WEDOS_ENDPOINT, DNSPOD_ENDPOINT (default: the real APIs; the emulator's in tests), WEDOS_ZONE,
 * DNSPOD_DOMAIN, STACK (default "dev"), PLUGIN_DOWNLOAD_URL (default: the plugin's release page);
 * the backend and secrets provider as for the CLI (PULUMI_BACKEND_URL, PULUMI_CONFIG_PASSPHRASE or
 * PULUMI_ACCESS_TOKEN).
 */
import * as path from "node:path";
import { LocalWorkspace, type OutputMap } from "@pulumi/pulumi/automation";
import { dnsProgram } from "./program";

const root = path.join(__dirname, "..");

function setting(name: string, fallback?: string): string {
  const value = process.env[name] || fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
}

/**
 * The providers' settings become stack config, the password and the token as secrets (encrypted in
 * Pulumi.<stack>.yaml and in state). They are then removed from this process's environment, so the
 * pulumi processes it starts never see them there: the stack config is their only source.
 */
function providerConfig() {
  const config = {
    "wedos:endpoint": { value: setting("WEDOS_ENDPOINT", "https://api.wedos.com/wapi/json") },
    "wedos:username": { value: setting("WEDOS_USERNAME") },
    "wedos:wapiPassword": { value: setting("WEDOS_WAPI_PASSWORD"), secret: true },
    "dnspod:endpoint": { value: setting("DNSPOD_ENDPOINT", "https://api.dnspod.com") },
    "dnspod:loginToken": { value: setting("DNSPOD_LOGIN_TOKEN"), secret: true },
  };
  for (const name of ["WEDOS_ENDPOINT", "WEDOS_USERNAME", "WEDOS_WAPI_PASSWORD", "DNSPOD_ENDPOINT", "DNSPOD_LOGIN_TOKEN"])
    delete process.env[name];
  return config;
}

const plain = (outputs: OutputMap) => Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, o.secret ? "[secret]" : o.value]));

async function main(command: string | undefined, flags: string[]): Promise<object> {
  const program = dnsProgram({
    zone: setting("WEDOS_ZONE", "pipeline-example.cz"),
    zoneFile: path.join(root, "example.zone"),
    domain: setting("DNSPOD_DOMAIN", "pipeline-example.com"),
    plugin: {
      version: (require("pulumi-dnspod-wedos/package.json") as { version: string }).version,
      pluginDownloadURL: setting(
        "PLUGIN_DOWNLOAD_URL",
        `https://github.com/pulumi-dnspod-wedos/pulumi-dnspod-wedos/releases/download/v\${VERSION}`,
      ),
    },
  });
  // workDir is this folder: Pulumi.yaml is here, and the dynamic provider resolves
  // pulumi-dnspod-wedos from the node_modules beside it.
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: "dns-pipeline", stackName: setting("STACK", "dev"), program },
    { workDir: root },
  );
  await stack.setAllConfig(providerConfig());
  const onOutput = (text: string) => process.stderr.write(text);
  switch (command) {
    case "preview": {
      const r = await stack.preview({ onOutput, expectNoChanges: flags.includes("--expect-no-changes") });
      return { changes: r.changeSummary };
    }
    case "up": {
      const r = await stack.up({ onOutput });
      return { changes: r.summary.resourceChanges, outputs: plain(r.outputs) };
    }
    case "refresh": {
      const r = await stack.refresh({ onOutput });
      return { changes: r.summary.resourceChanges };
    }
    case "destroy": {
      const r = await stack.destroy({ onOutput });
      return { changes: r.summary.resourceChanges };
    }
    default:
      throw new Error(`usage: node bin/index.js preview [--expect-no-changes] | up | refresh | destroy (got ${command ?? "nothing"})`);
  }
}

main(process.argv[2], process.argv.slice(3)).then(
  (result) => console.log(JSON.stringify({ command: process.argv[2], ...result })),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
