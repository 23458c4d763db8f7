/**
 * Every resource type of both APIs, in the order the schemas, the README reference and the SDK
 * list them: the two APIs' lists (provider/<api>/resources/index.ts), nothing written again here.
 */
import type { Resource } from "../define";
import { DNSPOD_RESOURCES } from "../dnspod/resources";
import { WEDOS_RESOURCES } from "../wedos/resources";

export const RESOURCES: readonly Resource[] = [...WEDOS_RESOURCES, ...DNSPOD_RESOURCES];
