import { fromSolarHijri } from "@diplograph/model";
import { describe, expect, it } from "vitest";
import { findDates } from "./index.js";
import { show } from "./testing.js";

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const fa = (n: number) => String(n).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
const pad = (n: number) => String(n).padStart(2, "0");

type Piece = { text: string; dates: string[] };
type R = ReturnType<typeof rng>;

/** Numbers that are not dates, many of them in the range of years. */
const NOISE: Array<(r: R) => string> = [
  (r) => `${r.int(1, 5000)} troops`,
  (r) => `${r.int(1, 9)},${r.int(100, 999)} people`,
  (r) => `${r.int(2, 400)} parties in ${r.int(2, 200)} countries`,
  (r) => `p. ${r.int(1, 3000)}`,
  (r) => `pp. ${r.int(1000, 2000)}–${r.int(2001, 2090)}`,
  (r) => `Resolution ${r.int(1, 2800)}`,
  (r) => `Article ${r.int(1, 2100)}`,
  (r) => `section ${r.int(1, 9)}-${r.int(1, 9)}.`,
  (r) => `at ${r.int(0, 23)}:${pad(r.int(0, 59))}`,
  (r) => `${r.int(1, 99)}.${r.int(0, 9)} percent`,
  (r) => `${r.int(1, 99)}% of the vote`,
  (r) => `${r.int(1000, 2100)} km of border`,
  (r) => `a total of ${r.int(1000, 2100)} members`,
  (r) => `the ${r.int(4, 20)}th session`,
  (r) => `Vol. ${r.int(1, 40)}, No. ${r.int(1, 12)}`,
  (r) => `${r.int(1, 40)}(${r.int(1, 12)}), ${r.int(1, 1500)}–${r.int(1501, 2000)}`,
  (r) => `version ${r.int(1, 9)}.${r.int(0, 9)}.${r.int(0, 30)}`,
  (r) => `${r.int(1500, 2100)} votes to ${r.int(1, 1499)}`,
  (r) => `between ${r.int(1500, 1800)} and ${r.int(1801, 2100)} delegates`,
  (r) => `${r.int(1, 12)}/${r.int(1, 12)} of the budget`,
  (r) => `phone ${r.int(100, 999)}-${r.int(1000, 9999)}`,
  (r) => `${fa(r.int(1000, 1500))} نفر`,
  (r) => `قطعنامه ${fa(r.int(1, 2000))}`,
  (r) => `${fa(r.int(1000, 2100))} کیلومتر`,
  (r) => `ماده ${fa(r.int(1, 1500))} قانون`,
];

/** Dates, with the value they must get. */
const DATES: Array<(r: R) => Piece> = [
  (r) => {
    const [d, m, y] = [r.int(1, 28), r.int(1, 12), r.int(1900, 2030)];
    const text = `${d} ${MONTHS[m - 1]} ${y}`;
    return { text: `on ${text}`, dates: [`${text}=${y}-${pad(m)}-${pad(d)}@day`] };
  },
  (r) => {
    const [d, m, y] = [r.int(1, 28), r.int(1, 12), r.int(1900, 2030)];
    const text = `${MONTHS[m - 1]} ${d}, ${y}`;
    return { text: `on ${text}`, dates: [`${text}=${y}-${pad(m)}-${pad(d)}@day`] };
  },
  (r) => {
    const y = r.int(1500, 2100);
    return { text: `in ${y}`, dates: [`${y}=${y}@year`] };
  },
  (r) => {
    const [m, y] = [r.int(1, 12), r.int(1900, 2030)];
    return { text: `in ${MONTHS[m - 1]} ${y}`, dates: [`${MONTHS[m - 1]} ${y}=${y}-${pad(m)}@month`] };
  },
  (r) => {
    // A Solar Hijri year on a Persian line (its Gregorian bounds come from the model's converter).
    const y = r.int(1300, 1420);
    const v = fromSolarHijri(y);
    return { text: `در سال ${fa(y)} رخ داد`, dates: [`${fa(y)}=${v.start}/${v.end}@year#sh`] };
  },
  (r) => {
    const y = r.int(1500, 2000);
    const z = y + r.int(1, 50);
    return { text: `from ${y} to ${z}`, dates: [`from ${y} to ${z}=${y}/${z}@year`] };
  },
];

const OPENERS = ["The report mentions", "Officials counted", "They noted", "It lists", "The delegation cited", "Sources recorded"];
const PERSIAN_OPENERS = ["در گزارش آمده است که", "مقامات اعلام کردند", "به گفته منابع", "این سند از"];

describe("generated prose", () => {
  it.each([1, 2, 3, 4, 5])("seed %i: numbers that are not dates give no date; the dates given are found exactly", (seed) => {
    const r = rng(seed);
    const pieces: Piece[] = [];
    for (let i = 0; i < 300; i++) {
      const date = r.int(0, 4) === 0;
      const body = date ? r.pick(DATES)(r) : { text: r.pick(NOISE)(r), dates: [] };
      const persian = /[\u0600-\u06FF]/.test(body.text);
      pieces.push({ text: `${r.pick(persian ? PERSIAN_OPENERS : OPENERS)} ${body.text}.`, dates: body.dates });
    }
    // One sentence a line, so that Persian sentences are read as Persian.
    const text = pieces.map((p) => p.text).join("\n");
    const expected = pieces.flatMap((p) => p.dates);
    expect(expected.length).toBeGreaterThan(30);
    expect(findDates(text).map(show)).toEqual(expected);
  });
});
