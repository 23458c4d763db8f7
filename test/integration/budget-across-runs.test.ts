/**
 * The request budget outlives a Pulumi run: the vendor's window does not end with the provider
 * process. A second run within the window (a fresh context, as a new `pulumi up` gets) waits for
 * the first run's grants instead of tripping WEDOS's 2006.
 */
import { makeWedosContext } from "../../provider/wedos/context";
import { useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators({ wedos: { requestsPerWindow: 3, windowSeconds: 60 } });

test("a second run within the window waits for the first run's grants, and WEDOS never answers 2006", async () => {
  const waits: number[] = [];
  const run = () =>
    makeWedosContext(
      {
        username: WEDOS_USER,
        password: WEDOS_PASSWORD,
        endpoint: h.emu.wedos.endpoint,
        format: "json",
        requestsPerWindow: 3,
        windowSeconds: 60,
        timeoutMs: 30_000,
      },
      {
        // Records the wait, and ends the run there: the test is what it would wait for, not the request.
        sleep: async (ms) => {
          waits.push(ms);
          throw new Error("waiting for the budget");
        },
      },
    );
  const first = run();
  for (let i = 0; i < 3; i++) await first.client.ping();
  expect(waits).toEqual([]);
  // The next run: a new process, a new client, a new budget object.
  const before = h.calls("wedos").length;
  await expect(run().client.ping()).rejects.toThrow("waiting for the budget");
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeGreaterThan(55_000);
  expect(h.calls("wedos").slice(before)).toEqual([]);
  expect(h.calls("wedos").map((e) => e.code)).toEqual(["1000", "1000", "1000"]);
});
