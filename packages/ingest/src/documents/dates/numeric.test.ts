import { describe, expect, it } from "vitest";
import { findDates, scanDates } from "./index.js";
import { show } from "./testing.js";

describe("numeric dates", () => {
  it.each([
    ["on 2012-08-16", {}, ["2012-08-16=2012-08-16@day"]],
    ["on 2012/08/16", {}, ["2012/08/16=2012-08-16@day"]],
    ["on 2012.8.6", {}, ["2012.8.6=2012-08-06@day"]],
    ["on 16/08/2012", {}, ["16/08/2012=2012-08-16@day"]],
    ["on 08/16/2012", {}, ["08/16/2012=2012-08-16@day"]],
    ["on 16.08.2012", {}, ["16.08.2012=2012-08-16@day"]],
    ["on 16-08-2012", {}, ["16-08-2012=2012-08-16@day"]],
    ["on 05/05/2012", {}, ["05/05/2012=2012-05-05@day"]],
    ["on 05/06/2012", { dayMonthOrder: "dmy" }, ["05/06/2012=2012-06-05@day"]],
    ["on 05/06/2012", { dayMonthOrder: "mdy" }, ["05/06/2012=2012-05-06@day"]],
    ["on 1403/10/28 SH", {}, ["1403/10/28 SH=2025-01-17@day#sh"]],
    ["on SH 1403/10/28", {}, ["SH 1403/10/28=2025-01-17@day#sh"]],
    ["on 1403-10-28 AD", {}, ["1403-10-28 AD=1403-10-28@day"]],
    ["on 1403/10/28 ه.ش", {}, ["1403/10/28 ه.ش=2025-01-17@day#sh"]],
    ["from 2012-08-16 to 2012-08-31", {}, ["from 2012-08-16 to 2012-08-31=2012-08-16/2012-08-31@day"]],
  ] as const)("%s %j", (input, options, expected) => {
    expect(findDates(input, options).map(show)).toEqual(expected);
  });

  it.each([
    ["on 05/06/2012", "ambiguous-day-month"],
    ["on 1403/10/28", "ambiguous-calendar"],
    ["on 28/10/1403", "ambiguous-calendar"],
    ["on 2012-02-30", "invalid-date"],
    ["on 31/02/2012", "invalid-date"],
    ["on 1403/12/31 SH", "invalid-date"],
    ["on 1445/09/01 AH", "hijri-qamari"],
  ] as const)("skips %s (%s)", (input, reason) => {
    const s = scanDates(input);
    expect(s.dates).toEqual([]);
    expect(s.skipped).toMatchObject([{ text: input.slice(3), reason }]);
  });

  it.each(["version 1.2.2012", "3.3.3", "12/2012 ratio", "phone 021-6111-2012", "16/08/12", "13/13/2012", "10.22059/jices.2026.401499.1101", "score 2012/08/16 not"])(
    "no date in %j",
    (input) => {
      const found = findDates(input).map(show);
      // "score 2012/08/16 not" is a date written year first; everything else is not a date.
      expect(found).toEqual(input.startsWith("score") ? ["2012/08/16=2012-08-16@day"] : []);
    },
  );

  it("ignores numbers inside URLs and DOIs", () => {
    expect(findDates("see http://x.org/2012/08/16/a and doi:10.1000/2012-08-16")).toEqual([]);
  });
});
