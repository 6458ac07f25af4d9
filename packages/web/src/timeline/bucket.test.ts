import { describe, expect, it } from "vitest";
import type { Event } from "../api/types.js";
import { byDecade, byYear } from "./bucket.js";

const ev = (id: string, date?: string) => ({ id, type: "summit", title: id, participants: [], layers: [], attributes: {}, ...(date ? { date: { start: date, precision: "year", calendar: "gregorian" } } : {}) }) as unknown as Event;
const events = [ev("b", "1997-12-09"), ev("a", "1997"), ev("c", "1980"), ev("u"), ev("d", "2001")];

describe("timeline buckets", () => {
  it("groups by year, undated last", () => expect(byYear(events).map((g) => [g.year, g.events.map((e) => e.id)])).toEqual([[1980, ["c"]], [1997, ["a", "b"]], [2001, ["d"]], [undefined, ["u"]]]));
  it("counts decades, with empty ones between", () =>
    expect(byDecade(events)).toEqual([
      { decade: 1980, count: 1 },
      { decade: 1990, count: 2 },
      { decade: 2000, count: 1 },
    ]));
  it("has no decades without dates", () => expect(byDecade([ev("u")])).toEqual([]));
});
