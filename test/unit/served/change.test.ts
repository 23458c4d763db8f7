/**
 * What an operation changed, in the DNS's terms: the expectations a wait asks about, the marker a
 * timeout leaves in the outputs, and how a later change takes over from an earlier marker.
 */
import { changeOfMarker, expectationsOf, markerOf, mergeChanges } from "../../../provider/served/change";

const www = (rdata: string) => ({ name: "www.example.cz", type: "A", rdata });

test("one expectation per name and type; a record both written and removed (a ttl changed in place) must be answered", () => {
  expect(
    expectationsOf({
      present: [www("192.0.2.2"), www("192.0.2.3"), { name: "Mail.Example.cz.", type: "mx", rdata: "10 mx.example.net." }],
      absent: [www("192.0.2.1"), www("192.0.2.2"), { name: "old.example.cz", type: "TXT", rdata: "v=1" }],
    }),
  ).toEqual([
    { name: "www.example.cz", type: "A", present: ["192.0.2.2", "192.0.2.3"], absent: ["192.0.2.1"] },
    { name: "Mail.Example.cz.", type: "MX", present: ["10 mx.example.net."], absent: [] },
    { name: "old.example.cz", type: "TXT", present: [], absent: ["v=1"] },
  ]);
});

test("the marker is one line per record, and reads back as the same change", () => {
  const change = {
    present: [www("192.0.2.2"), { name: "t.example.cz", type: "TXT", rdata: 'say "hi" twice' }],
    absent: [www("192.0.2.1")],
  };
  const marker = markerOf(change);
  expect(marker).toEqual(["+www.example.cz A 192.0.2.2", '+t.example.cz TXT say "hi" twice', "-www.example.cz A 192.0.2.1"]);
  expect(changeOfMarker(marker)).toEqual(change);
  expect(changeOfMarker(["not a marker", ...marker.slice(0, 1)])).toEqual({ present: [www("192.0.2.2")], absent: [] });
  expect(changeOfMarker(undefined)).toEqual({ present: [], absent: [] });
});

test("a newer change takes over the records it names from an older marker; the rest stays to be asked", () => {
  const older = { present: [www("192.0.2.2"), { name: "a.example.cz", type: "A", rdata: "192.0.2.9" }], absent: [www("192.0.2.1")] };
  // The user changed www back: .2 must go, .1 must be answered again.
  const newer = { present: [{ name: "WWW.example.cz.", type: "a", rdata: "192.0.2.1" }], absent: [www("192.0.2.2")] };
  expect(mergeChanges(older, newer)).toEqual({
    present: [{ name: "a.example.cz", type: "A", rdata: "192.0.2.9" }, ...newer.present],
    absent: newer.absent,
  });
});
