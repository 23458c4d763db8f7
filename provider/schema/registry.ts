/**
 * Every resource descriptor, in the order schema.json, the README reference and the SDK list them.
 */
import type { Described, ObjectSchema } from "../descriptor";
import { DNSPOD_RESOURCES } from "../dnspod/resources/descriptors";
import { WEDOS_RESOURCES } from "../wedos/resources/descriptors";

export type AnyDescriptor = Described<ObjectSchema, ObjectSchema>;

export const RESOURCES: readonly AnyDescriptor[] = [...WEDOS_RESOURCES, ...DNSPOD_RESOURCES];
