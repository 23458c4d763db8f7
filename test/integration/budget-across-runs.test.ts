/**
 * The request budget outlives a Pulumi run: the vendor's window does not end with the provider
 * process. A second run within the window (a fresh context, as a new `pulumi up` gets) waits for
 * the first run's grants instead of tripping WEDOS's 2006.
 */
import { resetWedosContext, setWedosOverrides, wedosContext } from "../../provider/wedos/context";
import { useEmulators } from "../helpers/emulators";

const h = useEmulators({ wedos: { requestsPerWindow: 3, windowSeconds: 60 } });

test("a second run within the window waits for the first run's grants, and WEDOS never answers 2006", async () => {
  process.env.WEDOS_REQUESTS_PER_HOUR = "3";
  process.env.WEDOS_REQUEST_WINDOW_SECONDS = "60";
  try {
    const waits: number[] = [];
    setWedosOverrides({ sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 3; i++) await wedosContext().client.ping();
    expect(waits).toEqual([]);
    resetWedosContext(); // the next run: a new process, a new client, a new budget object
    const before = h.calls("wedos").length;
    // The budget of the new run waits (here: records the wait) before its first request.
    await wedosContext().budget.take();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(55_000);
    expect(h.calls("wedos").slice(before)).toEqual([]);
    expect(h.calls("wedos").map((e) => e.code)).toEqual(["1000", "1000", "1000"]);
  } finally {
    process.env.WEDOS_REQUESTS_PER_HOUR = "100000";
    delete process.env.WEDOS_REQUEST_WINDOW_SECONDS;
  }
});
