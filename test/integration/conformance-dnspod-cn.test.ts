/**
 * dnsapi.cn as the clients written for it meet it (`--dnspod-site cn`): raw requests exactly as
 * acme.sh's dns_dp.sh, lexicon's dnspod provider (behind certbot-dns-dnspod), ArDNSPod and
 * NewFuture/DDNS send them — `record_line=默认` writes, line ids, Chinese and English texts.
 */
import { request } from "undici";
import { type RunningEmulators, startEmulators } from "../../emulator";

const TOKEN = "10000,emulator-token";
let emu: RunningEmulators;

beforeAll(async () => {
  emu = await startEmulators({ dnspod: { site: "cn" } });
});
beforeEach(() => emu.hub.reset());
afterAll(async () => emu.close());

async function post(action: string, body: string, ua: string): Promise<string> {
  const res = await request(`${emu.dnspod.endpoint}/${action}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": ua },
  });
  return res.body.text();
}

const ACME = "acme.sh/3.1.0 (https://github.com/acmesh-official/acme.sh)";
const LEXICON = "python-requests/2.31.0";
const ARDNSPOD = "AnripDdns/6.3.0(wang@rehiy.com)";
const DDNS = "DDNS/4.0.0 (ddns@newfuture.cc)";

async function zone(name = "example.cn"): Promise<string> {
  return JSON.parse(await post("Domain.Create", `login_token=${TOKEN}&format=json&domain=${name}`, ACME)).domain.id;
}

test('acme.sh dns_dp.sh: lang=en, record_line=默认 percent-encoded, success by "successful"', async () => {
  const domainId = await zone();
  const auth = `login_token=${TOKEN}&format=json&lang=en`;
  expect(await post("Domain.Info", `${auth}&domain=www.example.cn`, ACME)).not.toContain("successful");
  const info = await post("Domain.Info", `${auth}&domain=example.cn`, ACME);
  expect(info).toContain("Operation successful");
  expect(/"id":"([^"]*)"/.exec(info)?.[1]).toBe(domainId);
  const txt = "vCjh2CzDanXVLzUrSOwX8ILr0ZqyKLYyhoL5GH9sg4I";
  const create = `${auth}&domain_id=${domainId}&sub_domain=_acme-challenge.www&record_type=TXT&value=${txt}&record_line=%E9%BB%98%E8%AE%A4`;
  expect(await post("Record.Create", create, ACME)).toContain("successful");
  expect(await post("Record.Create", create, ACME)).toContain("Domain record already exists");
  const list = await post("Record.List", `${auth}&domain_id=${domainId}&sub_domain=_acme-challenge.www`, ACME);
  const recordId = list
    .split("{")
    .filter((l) => l.includes(txt) && l.startsWith('"id"'))[0]
    ?.split(":")[1]
    ?.split('"')[1];
  expect(JSON.parse(list).records[0]).toMatchObject({ line: "默认", line_id: "0" });
  expect(await post("Record.Remove", `${auth}&domain_id=${domainId}&record_id=${recordId}`, ACME)).toContain("successful");
  expect(await post("Record.List", `${auth}&domain_id=${domainId}&sub_domain=_acme-challenge.www`, ACME)).toContain("No records");
});

test("lexicon / certbot-dns-dnspod: zone guesses skipped by 当前域名未添加, 默认 writes, Chinese texts", async () => {
  await zone();
  // certbot-dns-dnspod tries "www.example.cn" before "example.cn" and skips an error containing 当前域名未添加.
  const guess = JSON.parse(await post("Domain.Info", `domain=www.example.cn&format=json&login_token=${TOKEN}`, LEXICON));
  expect(guess.status.code).not.toBe("1");
  expect(guess.status.message).toContain("当前域名未添加");
  const auth = JSON.parse(await post("Domain.Info", `domain=example.cn&format=json&login_token=${TOKEN}`, LEXICON));
  expect(auth.status).toMatchObject({ code: "1", message: "操作已经成功完成" });
  const form = new URLSearchParams({
    domain_id: auth.domain.id,
    sub_domain: "_acme-challenge",
    record_type: "TXT",
    record_line: "默认",
    value: "challengetoken",
    login_token: TOKEN,
    format: "json",
  });
  expect(JSON.parse(await post("Record.Create", form.toString(), LEXICON)).status.code).toBe("1");
  const records = JSON.parse(await post("Record.List", `domain=example.cn&login_token=${TOKEN}&format=json`, LEXICON)).records;
  const challenge = records.filter((r: { type: string; name: string }) => r.type === "TXT" && r.name === "_acme-challenge");
  expect(challenge).toHaveLength(1);
  const removed = JSON.parse(
    await post("Record.Remove", `domain_id=${auth.domain.id}&record_id=${challenge[0].id}&login_token=${TOKEN}&format=json`, LEXICON),
  );
  expect(removed.status).toMatchObject({ code: "1", message: "操作已经成功完成" });
});

test("ArDNSPod: Record.List by domain name, Record.Ddns with record_line=默认 (lower-case escapes)", async () => {
  const domainId = await zone();
  await post(
    "Record.Create",
    `login_token=${TOKEN}&format=json&domain_id=${domainId}&sub_domain=home&record_type=A&value=192.0.2.1&record_line=%E9%BB%98%E8%AE%A4`,
    ACME,
  );
  const api = (action: string, params: string) => post(action, `login_token=${TOKEN}&format=json&lang=en&${params}`, ARDNSPOD);
  const list = await api("Record.List", "domain=example.cn&sub_domain=home&record_type=A");
  const recordId = list.replace(/[\s\S]*"id":"([0-9]*)"[\s\S]*/, "$1");
  expect(recordId).toMatch(/^\d+$/);
  const ddns = await api(
    "Record.Ddns",
    `domain=example.cn&sub_domain=home&record_id=${recordId}&record_type=A&value=192.0.2.77&record_line=%e9%bb%98%e8%ae%a4`,
  );
  expect(ddns.replace(/[\s\S]*\{"code":"([0-9]*)"[\s\S]*/, "$1")).toBe("1");
  expect(ddns.replace(/[\s\S]*,"value":"([0-9a-fA-F.:]*)"[\s\S]*/, "$1")).toBe("192.0.2.77");
});

test("NewFuture/DDNS: modifies with the line it read back, and line ids (10%3D0) write as well", async () => {
  const domainId = await zone();
  const send = (action: string, params: Record<string, string>) =>
    post(action, new URLSearchParams({ ...params, login_token: TOKEN, format: "json" }).toString(), DDNS).then((t) => JSON.parse(t));
  expect(
    (
      await send("Record.Create", {
        domain_id: domainId,
        sub_domain: "ddns",
        value: "192.0.2.1",
        record_type: "A",
        record_line: "默认",
        ttl: "600",
      })
    ).status.code,
  ).toBe("1");
  const [old] = (await send("Record.List", { domain_id: domainId, sub_domain: "ddns", record_type: "A" })).records;
  expect(old.line).toBe("默认");
  const modified = await send("Record.Modify", {
    domain_id: domainId,
    record_id: old.id,
    sub_domain: old.name,
    record_type: "A",
    value: "192.0.2.2",
    record_line: old.line,
  });
  expect(modified.record).toMatchObject({ id: Number(old.id), value: "192.0.2.2" });
  const telecom = await post(
    "Record.Create",
    `login_token=${TOKEN}&format=json&domain_id=${domainId}&sub_domain=ddns&record_type=A&record_line_id=10%3D0&value=192.0.2.3`,
    DDNS,
  );
  expect(JSON.parse(telecom).status.code).toBe("1");
  const lines = (await send("Record.List", { domain_id: domainId, sub_domain: "ddns" })).records.map(
    (r: { line: string; line_id: string }) => `${r.line} ${r.line_id}`,
  );
  expect(lines).toEqual(["默认 0", "电信 10=0"]);
});

test("the international key `default` and an English line name are refused (26), in the answer's language", async () => {
  const domainId = await zone();
  const body = (line: string, lang = "") =>
    `login_token=${TOKEN}&format=json${lang}&domain_id=${domainId}&record_type=A&value=192.0.2.1&record_line=${line}`;
  expect(JSON.parse(await post("Record.Create", body("default"), ACME)).status).toMatchObject({ code: "26", message: "记录线路错误" });
  expect(JSON.parse(await post("Record.Create", body("Default", "&lang=en"), ACME)).status).toMatchObject({
    code: "26",
    message: "Record line invalid",
  });
});
