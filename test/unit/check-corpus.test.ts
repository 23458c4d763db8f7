/**
 * The bad-input corpus (test/fixtures/corpus.ts) through the real dispatcher of provider/runtime.ts:
 * each case fails check() on exactly the property it names, with a reason that states the rule
 * and a fix and starts with the resource name, and check() touches no network at all.
 */
import * as net from "node:net";
import { type Dispatcher, getGlobalDispatcher, MockAgent, setGlobalDispatcher } from "undici";
import { forHost, resourceOfKind } from "../../provider/runtime";
import { CORPUS, RESOURCE_KINDS, resourceName, VALID } from "../fixtures/corpus";

// The provider sends through undici's `request` with its own Agent, so that is where a call would
// show; fetch goes through the global dispatcher; anything else would have to open a socket.
const requests: unknown[] = [];
jest.mock("undici", () => {
  const actual = jest.requireActual<typeof import("undici")>("undici");
  return {
    ...actual,
    request: (...args: unknown[]) => {
      requests.push(args);
      return Promise.reject(new Error("check() must not call an API"));
    },
  };
});

let previous: Dispatcher;
const mock = new MockAgent();
const connects: unknown[] = [];
let connectSpy: jest.SpyInstance;

beforeAll(() => {
  previous = getGlobalDispatcher();
  mock.disableNetConnect();
  setGlobalDispatcher(mock);
  connectSpy = jest.spyOn(net.Socket.prototype, "connect").mockImplementation(function (this: net.Socket, ...args: unknown[]) {
    connects.push(args);
    throw new Error("check() must not open a socket");
  } as never);
});

afterAll(async () => {
  connectSpy.mockRestore();
  setGlobalDispatcher(previous);
  await mock.close();
});

afterEach(() => {
  expect(requests).toEqual([]);
  expect(connects).toEqual([]);
});

test("the corpus has at least 40 cases over all nine resources, at least 3 each, unique ids", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  const per = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, CORPUS.filter((c) => c.resource === k).length]));
  for (const k of RESOURCE_KINDS) expect([k, per[k]! >= 3]).toEqual([k, true]);
  expect(new Set(CORPUS.map((c) => c.resource))).toEqual(new Set(RESOURCE_KINDS));
  expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
  for (const c of CORPUS) expect(c.id).toMatch(/^[a-z0-9-]+$/);
});

describe.each(CORPUS.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  test(`fails on ${c.property}`, async () => {
    const r = await forHost(resourceOfKind(c.resource)).check(c.olds ?? {}, c.inputs);
    expect(r.inputs).toBeUndefined();
    const failures = r.failures ?? [];
    expect(failures.map((f) => f.property)).toContain(c.property);
    const mine = failures.find((f) => f.property === c.property)!;
    expect(mine.reason).toMatch(c.message);
    expect(c.message.source).toContain("Fix:");
    for (const f of failures) {
      expect(f.reason.startsWith(`${resourceName(c.resource)}.${f.property}: `)).toBe(true);
      expect(f.reason).toContain("Fix:");
    }
  });
});

describe("valid inputs pass", () => {
  test.each(VALID.map((v) => [v.id, v] as const))("%s", async (_id, v) => {
    const r = await forHost(resourceOfKind(v.resource)).check({}, v.inputs);
    expect(r.failures).toBeUndefined();
    expect(r.inputs).toBeDefined();
  });
});
