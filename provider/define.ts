/**
 * The shared skeleton of a resource: check() against the descriptor's input schema, diff() over
 * its keys, read() that treats a gone object (or zone) as gone and refreshes exactly the inputs,
 * and adopt-on-exists for creates. A resource supplies only what is its own.
 */
import type { Described, InputsOf, ObjectSchema, OutputsOf } from "./descriptor";
import { isExists, unlessGone } from "./http/errors";
import { checkInputs, diffInputs, pick, type CheckResult, type DiffResult, type ResourceImpl } from "./resource";

export interface ResourceParts<I, O> {
  /** check() of its own; `schema` is the descriptor's check of some inputs. */
  check?(olds: Record<string, unknown>, news: Record<string, unknown>, schema: (news: Record<string, unknown>) => CheckResult<I>): CheckResult<I> | Promise<CheckResult<I>>;
  /** The inputs that outputs stand for (read hands them back; diff compares them). Default: the input keys. */
  inputsOf?(outs: O): I;
  /** For a replacement: must the old object go first (it would collide with the new one)? */
  deleteBeforeReplace?(olds: O, news: I): boolean;
  create(inputs: I): Promise<{ id: string; outs: O }>;
  /** The object as it is now, or undefined when it is gone (a not-found answer counts as gone). */
  read(id: string, props: O): Promise<O | undefined>;
  update(id: string, olds: O, news: I): Promise<O>;
  delete(id: string, props: O): Promise<void>;
}

export function defineResource<In extends ObjectSchema, Out extends ObjectSchema>(
  d: Described<In, Out>,
  parts: ResourceParts<InputsOf<Described<In, Out>>, OutputsOf<Described<In, Out>>>,
): ResourceImpl<InputsOf<Described<In, Out>>, OutputsOf<Described<In, Out>>> {
  type I = InputsOf<Described<In, Out>>;
  // Outputs are inputs plus what the resource adds, so their input keys are inputs (TypeScript cannot see that through the generics).
  const inputsOf = (outs: OutputsOf<Described<In, Out>>): Partial<I> => (parts.inputsOf ? parts.inputsOf(outs) : (pick(outs, d.inputKeys) as Partial<I>));
  return {
    async check(olds, news) {
      const schema = (n: Record<string, unknown>) => checkInputs(d.inputs, n, d.label);
      return parts.check ? parts.check(olds ?? {}, news, schema) : schema(news);
    },
    async diff(_id, olds, news): Promise<DiffResult> {
      const { changes, replaces } = diffInputs(d.diffKeys, d.replaceOnChange, inputsOf(olds), news);
      return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && (parts.deleteBeforeReplace?.(olds, news) ?? false) };
    },
    create: (inputs) => parts.create(inputs),
    async read(id, props) {
      const outs = await unlessGone(() => parts.read(id, props));
      return outs ? { id, props: outs, inputs: inputsOf(outs) } : {};
    },
    async update(id, olds, news) {
      return { outs: await parts.update(id, olds, news) };
    },
    delete: (id, props) => parts.delete(id, props),
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
