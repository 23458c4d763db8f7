/**
 * The shared skeleton of a resource: check() against the descriptor's input schema, diff() over
 * its keys, read() that treats a gone object (or zone) as gone and refreshes exactly the inputs,
 * and adopt-on-exists for creates. A resource supplies only what is its own. Whatever talks to an
 * API takes the API's context (`C`: the client, and what else the API needs) as its first parameter.
 */
import type { z } from "zod";
import type { AnyDescribed, Described, InputsOf, ObjectSchema, OutputsOf } from "./descriptor";
import { isExists, unlessGone } from "./http/errors";
import {
  type CheckResult,
  checkInputs,
  type DetailedDiffResult,
  type DiffResult,
  detailedDiff,
  diffInputs,
  pick,
  type ReadResult,
} from "./resource";

export interface ResourceParts<I, O, C> {
  /** check() of its own; `schema` is the descriptor's check of some inputs. */
  check?(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    schema: (news: Record<string, unknown>) => CheckResult<I>,
  ): CheckResult<I> | Promise<CheckResult<I>>;
  /** The inputs that outputs stand for (read hands them back; diff compares them). Default: the input keys. */
  inputsOf?(outs: O): I;
  /** For a replacement: must the old object go first (it would collide with the new one)? */
  deleteBeforeReplace?(olds: O, news: I): boolean;
  create(ctx: C, inputs: I): Promise<{ id: string; outs: O }>;
  /**
   * The object as it is now, or undefined when it is gone (a not-found answer counts as gone).
   * `pulumi import` reads with the id alone: `props` is then empty, and what the read cannot learn
   * from the API stays out (it is documented per resource, never invented).
   */
  read(ctx: C, id: string, props: O): Promise<O | undefined>;
  /**
   * Inputs the API never reports (a secondary zone's primary): an imported object has none stored,
   * and diff takes the declared value rather than see a change that would replace the object.
   */
  unreadable?: readonly (keyof I & string)[];
  /** For an import: the outputs to store and the inputs a program declares; default: the outputs' inputs, completed with their defaults. */
  imported?(outs: O): { props: O; inputs: Record<string, unknown> };
  update(ctx: C, id: string, olds: O, news: I): Promise<O>;
  delete(ctx: C, id: string, props: O): Promise<void>;
  /**
   * Work the last operation left although it wrote everything (a wait for the nameservers that
   * timed out): the output that says so, which diff then shows as changed so the engine calls update.
   */
  unfinished?(olds: O, news: I): string | undefined;
}

/**
 * A resource type: its descriptor and its implementation, as one value in its API's list. The
 * provider hosts call it through provider/runtime.ts, which hands it the configured context.
 */
// biome-ignore lint/suspicious/noExplicitAny: one list holds every type, each with its own input, output and context types
export interface Resource<I = any, O = any, C = any> {
  readonly descriptor: AnyDescribed;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult<I>>;
  diff(id: string, olds: O, news: I): Promise<DiffResult>;
  /** diff() with the change of each property (and of each record of a keyed map): native plugins show it. */
  diffDetailed(id: string, olds: O, news: I): Promise<DetailedDiffResult>;
  create(ctx: C, inputs: I): Promise<{ id: string; outs: O }>;
  read(ctx: C, id: string, props: O): Promise<ReadResult<O>>;
  update(ctx: C, id: string, olds: O, news: I): Promise<{ outs: O }>;
  delete(ctx: C, id: string, props: O): Promise<void>;
}

export function defineResource<In extends ObjectSchema, Out extends ObjectSchema, C>(
  d: Described<In, Out>,
  parts: ResourceParts<InputsOf<Described<In, Out>>, OutputsOf<Described<In, Out>>, C>,
): Resource<InputsOf<Described<In, Out>>, OutputsOf<Described<In, Out>>, C> & { readonly descriptor: Described<In, Out> } {
  type I = InputsOf<Described<In, Out>>;
  // Outputs are inputs plus what the resource adds, so their input keys are inputs (TypeScript cannot see that through the generics).
  const inputsOf = (outs: OutputsOf<Described<In, Out>>): Partial<I> =>
    parts.inputsOf ? parts.inputsOf(outs) : (pick(outs, d.inputKeys) as Partial<I>);
  /**
   * An imported object's inputs as a program declares them: what the read found, in check()'s
   * canonical form, with every default filled in, so the declaration `pulumi import` prints
   * previews with no changes. Inputs the API cannot tell stay out (check() then names them).
   */
  const completed = (outs: OutputsOf<Described<In, Out>>) => {
    const found = pick(outs, d.inputKeys) as Record<string, unknown>;
    for (const k of d.inputKeys) {
      const fallback = found[k] === undefined ? (d.inputs.shape[k] as z.ZodType).safeParse(undefined) : undefined;
      if (fallback?.success && fallback.data !== undefined) found[k] = fallback.data;
    }
    const parsed = d.inputs.safeParse(found);
    const inputs = parsed.success ? (parsed.data as Record<string, unknown>) : found;
    return { props: { ...outs, ...inputs }, inputs };
  };
  /** The one diff: over the descriptor's keys, with the change of each (native plugins show it). */
  const diff = (olds: OutputsOf<Described<In, Out>>, news: I): DetailedDiffResult => {
    const before = { ...inputsOf(olds) };
    for (const k of parts.unreadable ?? []) if (before[k] === undefined) before[k] = news[k];
    const { changes, replaces, changed } = diffInputs(d.diffKeys, d.replaceKeys, before, news);
    const unfinished = parts.unfinished?.(olds, news);
    return {
      changes: changes || unfinished !== undefined,
      replaces,
      deleteBeforeReplace: replaces.length > 0 && (parts.deleteBeforeReplace?.(olds, news) ?? false),
      detailedDiff: {
        ...detailedDiff(changed, replaces, before as Record<string, unknown>, news as Record<string, unknown>),
        ...(unfinished === undefined ? {} : { [unfinished]: "update" as const }),
      },
    };
  };
  return {
    descriptor: d,
    async check(olds, news) {
      const schema = (n: Record<string, unknown>) => checkInputs(d.inputs, n, d.tokens.label);
      return parts.check ? parts.check(olds ?? {}, news, schema) : schema(news);
    },
    async diff(_id, olds, news) {
      const { changes, replaces, deleteBeforeReplace } = diff(olds, news);
      return { changes, replaces, deleteBeforeReplace };
    },
    diffDetailed: async (_id, olds, news) => diff(olds, news),
    create: (ctx, inputs) => parts.create(ctx, inputs),
    async read(ctx, id, props): Promise<ReadResult<OutputsOf<Described<In, Out>>>> {
      const importing = !props || Object.keys(props).length === 0;
      const outs = await unlessGone(() => parts.read(ctx, id, props ?? ({} as OutputsOf<Described<In, Out>>)));
      if (!outs) return {};
      if (!importing) return { id, props: outs, inputs: inputsOf(outs) };
      return { id, ...(parts.imported ? parts.imported(outs) : completed(outs)) };
    },
    async update(ctx, id, olds, news) {
      return { outs: await parts.update(ctx, id, olds, news) };
    },
    delete: (ctx, id, props) => parts.delete(ctx, id, props),
  };
}

/**
 * Runs a create; when the API says the object exists and `adopt` is on, takes over the existing
 * one instead (`find` returns it, or nothing, and then the original error stands). Without adopt
 * the error stands too: its message already says to set adopt.
 */
export async function createOrAdopt<T>(adopt: boolean, create: () => Promise<T>, find: () => Promise<T | undefined>): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (!(adopt && isExists(err))) throw err;
    const existing = await find();
    if (existing === undefined) throw err;
    return existing;
  }
}
