/**
 * The waitUntilServed input of the record resources (wedos.Record, wedos.ZoneRecords, dnspod.Record,
 * dnspod.ZoneRecords): one schema, one description. It steers how operations run, so changing it
 * alone is no change.
 */
import { z } from "zod";
import { steers } from "../descriptor";
import { typeError } from "../resource";
import type { ServedApi } from "./settings";

const MORE: Record<ServedApi, string> = {
  wedos: "WEDOS: after the commit that publishes it, on every nameserver (secondaries included).",
  dnspod: "DNSPod: records of lines other than the default, and URL forwarding, are reported as not verified and not waited for.",
};

export const waitUntilServedInput = (api: ServedApi) =>
  steers(
    z
      .boolean({ error: typeError("waitUntilServed", "a boolean", "waitUntilServed: true") })
      .optional()
      .describe(
        "Return only once every authoritative nameserver answers the changed records as declared (removed ones: no " +
          "longer answered), or fail after propagationTimeout naming each lagging server; a timeout keeps the written " +
          "records in the state (notYetServed) and the next `up` asks again without writing. Default: the provider's " +
          `${api}:waitUntilServed setting (false). Changing it alone is no change. ${MORE[api]}`,
      ),
  );

export const notYetServedOutput = () =>
  z
    .array(z.string())
    .optional()
    .describe(
      'What a wait for the nameservers that timed out left unconfirmed ("+www.example.cz A 192.0.2.10": still to be ' +
        'answered, "-…": still to be no longer answered); the next `up` asks again, without writing. Absent when served.',
    );
