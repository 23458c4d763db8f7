/**
 * A release page on loopback, as the engine meets one: the plugin archives `make plugins` writes
 * (scripts/build-plugins.sh, built here with PLUGIN_DOWNLOAD_URL naming this server), served over
 * HTTP under /releases/v<version>/, with every request recorded. Programs name it as their
 * pluginDownloadURL (`url`, in the engine's `${VERSION}` form).
 */
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { ROOT, tempDir, toolchainPath } from "./harness";

export interface PluginServer {
  /** `http://127.0.0.1:<port>/releases/v${VERSION}`: what a program or schema names. */
  url: string;
  /** Base of the server, for URLs that lead nowhere. */
  origin: string;
  /** "GET <path> <status>" per request, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function servePlugins(): Promise<PluginServer> {
  const root = tempDir("pdw-release-");
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = join(root, path);
    const ok = req.method === "GET" && file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    requests.push(`${req.method} ${path} ${ok ? 200 : 404}`);
    if (!ok) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    res.writeHead(200, { "content-type": "application/gzip", "content-length": statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${origin}/releases/v\${VERSION}`;
  const version = (require(join(ROOT, "package.json")) as { version: string }).version;
  execFileSync("bash", [join(ROOT, "scripts/build-plugins.sh"), join(root, "releases", `v${version}`)], {
    cwd: ROOT,
    env: { ...process.env, PATH: toolchainPath(), PLUGIN_DOWNLOAD_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return {
    url,
    origin,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
