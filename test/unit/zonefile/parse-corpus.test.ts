/**
 * parseZoneFile on zone files written the way people write them (test/fixtures/zonefile/), each
 * with the exact records it must give (test/fixtures/zonefile/corpus.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseZoneFile } from "../../../provider/zonefile";
import { CORPUS } from "../../fixtures/zonefile/corpus";

const fixture = (file: string) => readFileSync(join(__dirname, "../../fixtures/zonefile", file), "utf8");

describe("parseZoneFile on the fixture zones", () => {
  test.each(Object.keys(CORPUS))("%s", (file) => {
    const { origin, records } = CORPUS[file]!;
    expect(parseZoneFile(fixture(file), origin)).toStrictEqual(records);
  });

  test("the origin may be given with a trailing dot or in capitals", () => {
    const { records } = CORPUS["example.com.zone"]!;
    expect(parseZoneFile(fixture("example.com.zone"), "Example.COM.")).toStrictEqual(records);
  });

  test("Windows line endings and a byte-order mark read the same", () => {
    const text = `\uFEFF${fixture("example.cz.zone").replace(/\n/g, "\r\n")}`;
    expect(parseZoneFile(text, "example.cz")).toStrictEqual(CORPUS["example.cz.zone"]!.records);
  });
});
