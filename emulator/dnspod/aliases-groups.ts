/** Domainalias.* and Domaingroup.* (the small per-account collections). */
import { isVipGrade } from "./grades";
import { findByName, logChange, noDomain, resolveDomain, SYSTEM_GROUPS } from "./lookup";
import { asciiDomain } from "./validate";
import { fail, type Handler, intParam, ok } from "./wire";

/** [G] Alias and custom-group quotas are not published; these are the emulator's. */
const ALIAS_LIMIT = { free: 3, vip: 10 } as const;
const CUSTOM_GROUP_LIMIT = 20;
const GROUP_NAME_MAX = 20;

const aliasList: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  if (d.aliases.length === 0 && call.errorOnEmpty) return fail("7");
  return ok({ alias: d.aliases.map((a) => ({ id: String(a.id), domain: a.domain })) });
};

const aliasCreate: Handler = (call) => {
  // Here `domain` is the alias to add, so the zone can only be named by `domain_id`.
  const id = intParam(call.params, "domain_id");
  const d = id === undefined ? undefined : call.state.domains.find((x) => x.id === id);
  if (!d) return fail("6");
  const ascii = asciiDomain(call.params.domain);
  if (!ascii) return fail("7");
  if (call.state.domains.some((x) => x.aliases.some((a) => a.domain === ascii))) return fail("8");
  if (findByName(call.state, ascii)) return fail("9");
  const limit = isVipGrade(d.grade) ? ALIAS_LIMIT.vip : ALIAS_LIMIT.free;
  if (d.aliases.length >= limit) return fail("10");
  const alias = { id: call.state.nextAliasId++, domain: ascii };
  d.aliases.push(alias);
  logChange(d, call.now, `Added alias ${ascii}`);
  return ok({ alias: { id: String(alias.id), punycode: ascii } }, true);
};

const aliasRemove: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const aliasId = intParam(call.params, "alias_id");
  const alias = d.aliases.find((a) => a.id === aliasId);
  if (!alias) return fail("7");
  d.aliases = d.aliases.filter((a) => a !== alias);
  logChange(d, call.now, `Removed alias ${alias.domain}`);
  return ok(undefined, true);
};

const groupList: Handler = (call) => {
  const size = (id: number): number => call.state.domains.filter((d) => d.groupId === id).length;
  const groups = [
    ...SYSTEM_GROUPS.map((g) => ({ group_id: g.id, group_name: g.name, group_type: "system", size: size(g.id) })),
    ...call.state.groups.map((g) => ({ group_id: g.id, group_name: g.name, group_type: "custom", size: size(g.id) })),
  ];
  return ok({ groups });
};

/** 7 for an unusable name, 8 for one taken by a system or another custom group. */
function nameError(name: string, taken: string[]): "7" | "8" | undefined {
  if (name.length === 0 || [...name].length > GROUP_NAME_MAX) return "7";
  return taken.some((t) => t.toLowerCase() === name.toLowerCase()) ? "8" : undefined;
}

const allNames = (groups: ReadonlyArray<{ name: string }>): string[] => [...SYSTEM_GROUPS.map((g) => g.name), ...groups.map((g) => g.name)];

const groupCreate: Handler = (call) => {
  // The vendor: "This API only works for VIP accounts while free accounts will get an error."
  // The error's code is not documented; -7 ("no permission to use this API") fits best.
  if (!isVipGrade(call.options.accountGrade)) return fail("-7");
  const name = (call.params.group_name ?? "").trim();
  const err = nameError(name, allNames(call.state.groups));
  if (err) return fail(err);
  if (call.state.groups.length >= CUSTOM_GROUP_LIMIT) return fail("9");
  const group = { id: call.state.nextGroupId++, name };
  call.state.groups.push(group);
  return ok({ groups: { id: String(group.id) } }, true);
};

/**
 * Modify/Remove work on custom groups only (system groups answer 6). They are not VIP-gated:
 * a free account simply has no custom groups, unless it was downgraded, and then it may still
 * tidy up what it has.
 */
const groupModify: Handler = (call) => {
  const id = intParam(call.params, "group_id");
  const group = call.state.groups.find((g) => g.id === id);
  if (!group) return fail("6");
  const name = (call.params.group_name ?? "").trim();
  const err = nameError(name, allNames(call.state.groups.filter((g) => g !== group)));
  if (err) return fail(err);
  group.name = name;
  return ok(undefined, true);
};

const groupRemove: Handler = (call) => {
  const id = intParam(call.params, "group_id");
  const group = call.state.groups.find((g) => g.id === id);
  if (!group) return fail("6");
  call.state.groups = call.state.groups.filter((g) => g !== group);
  // Domains of a removed group fall back to the default group rather than dangling.
  for (const d of call.state.domains) if (d.groupId === group.id) d.groupId = 1;
  return ok(undefined, true);
};

export const aliasGroupActions: Record<string, Handler> = {
  "Domainalias.List": aliasList,
  "Domainalias.Create": aliasCreate,
  "Domainalias.Remove": aliasRemove,
  "Domaingroup.List": groupList,
  "Domaingroup.Create": groupCreate,
  "Domaingroup.Modify": groupModify,
  "Domaingroup.Remove": groupRemove,
};
