import { describe, expect, it } from "vitest";
import { findDates, scanDates } from "./index.js";
import { show } from "./testing.js";

describe("English dates", () => {
  // [input, every date it states as "text=value@precision"], written by hand.
  it.each([
    // Day precision: every order the issue lists.
    ["On March 21, 1991, Nujoma arrived.", ["March 21, 1991=1991-03-21@day"]],
    ["Nujoma arrived on 21 March 1991.", ["21 March 1991=1991-03-21@day"]],
    ["on the 21st of March, 1991", ["21st of March, 1991=1991-03-21@day"]],
    ["on the 7th of December 1997", ["7th of December 1997=1997-12-07@day"]],
    ["Mar. 21, 1991", ["Mar. 21, 1991=1991-03-21@day"]],
    ["Sept. 11, 2001", ["Sept. 11, 2001=2001-09-11@day"]],
    ["on Sunday, 5 May 2019", ["Sunday, 5 May 2019=2019-05-05@day"]],
    ["on Sunday, May 5, 2019", ["Sunday, May 5, 2019=2019-05-05@day"]],
    ["on 2nd February 2003", ["2nd February 2003=2003-02-02@day"]],
    ["on 01 May 2026", ["01 May 2026=2026-05-01@day"]],
    ["SIGNED ON 3 MARCH 2004", ["3 MARCH 2004=2004-03-03@day"]],
    ["on 29 February 2024", ["29 February 2024=2024-02-29@day"]],
    // Month and year precision.
    ["in March 1991", ["March 1991=1991-03@month"]],
    ["in March of 1991", ["March of 1991=1991-03@month"]],
    ["in September, 1986", ["September, 1986=1986-09@month"]],
    ["in 1991", ["1991=1991@year"]],
    ["In 1980, at the invitation of Iran", ["1980=1980@year"]],
    ["relations since 1979", ["1979=1979@year"]],
    ["during 2015 the talks stalled", ["2015=2015@year"]],
    ["the revolution of 1979", ["1979=1979@year"]],
    ["the Treaty of 1648", ["1648=1648@year"]],
    ["the Gulf War (1991) ended", ["1991=1991@year"]],
    // Ranges.
    ["from 1990 to 1995", ["from 1990 to 1995=1990/1995@year"]],
    ["between 1990 and 1995", ["between 1990 and 1995=1990/1995@year"]],
    ["the 1990–1995 period", ["1990–1995=1990/1995@year"]],
    ["in 1990-95", ["1990-95=1990/1995@year"]],
    ["in 1990-1995", ["1990-1995=1990/1995@year"]],
    ["from 16th to 31st August 2012", ["from 16th to 31st August 2012=2012-08-16/2012-08-31@day"]],
    ["on 16–31 August 2012", ["16–31 August 2012=2012-08-16/2012-08-31@day"]],
    ["between 16 and 31 August 2012", ["between 16 and 31 August 2012=2012-08-16/2012-08-31@day"]],
    ["August 16–31, 2012", ["August 16–31, 2012=2012-08-16/2012-08-31@day"]],
    ["16 August – 3 September 2012", ["16 August – 3 September 2012=2012-08-16/2012-09-03@day"]],
    ["August 16 to September 3, 2012", ["August 16 to September 3, 2012=2012-08-16/2012-09-03@day"]],
    ["between March and May 2010", ["between March and May 2010=2010-03/2010-05@month"]],
    ["March–May 2010", ["March–May 2010=2010-03/2010-05@month"]],
    ["from December to February 2010", ["from December to February 2010=2009-12/2010-02@month"]],
    ["from June 2010 to March 2011", ["from June 2010 to March 2011=2010-06/2011-03@month"]],
    ["from 21 March 1991 to 5 April 1992", ["from 21 March 1991 to 5 April 1992=1991-03-21/1992-04-05@day"]],
    ["from 1990 until June 1995", ["from 1990 until June 1995=1990/1995-06@month"]],
    // Decades, seasons, quarters, halves, parts of a year.
    ["in the 1990s", ["1990s=1990/1999@year"]],
    ["in the 1980's", ["1980's=1980/1989@year"]],
    ["in the early 2000s", ["early 2000s=2000/2003@year"]],
    ["in the mid-1990s", ["mid-1990s=1994/1996@year"]],
    ["the late 1970s", ["late 1970s=1977/1979@year"]],
    ["in the fall of 2007", ["fall of 2007=2007-09/2007-11@month"]],
    ["in autumn 2007", ["autumn 2007=2007-09/2007-11@month"]],
    ["in spring 2014", ["spring 2014=2014-03/2014-05@month"]],
    ["the summer of 1988", ["summer of 1988=1988-06/1988-08@month"]],
    ["the winter of 1979", ["winter of 1979=1978-12/1979-02@month"]],
    ["the winter of 2007–08", ["winter of 2007–08=2007-12/2008-02@month"]],
    ["the first quarter of 2010", ["first quarter of 2010=2010-01/2010-03@month"]],
    ["in Q3 2015", ["Q3 2015=2015-07/2015-09@month"]],
    ["the second half of 2012", ["second half of 2012=2012-07/2012-12@month"]],
    ["by mid-2012", ["mid-2012=2012-05/2012-08@month"]],
    ["in early 2012", ["early 2012=2012-01/2012-04@month"]],
    ["in late 2012", ["late 2012=2012-09/2012-12@month"]],
    ["at the end of 2012", ["the end of 2012=2012-10/2012-12@month"]],
    // Transliterated Solar Hijri and calendar markers.
    ["on 28 Dey 1403", ["28 Dey 1403=2025-01-17@day#sh"]],
    ["on 1 Farvardin 1403", ["1 Farvardin 1403=2024-03-20@day#sh"]],
    ["in Dey 1403", ["Dey 1403=2024-12-21/2025-01-19@month#sh"]],
    ["in Mordad 1399", ["Mordad 1399=2020-07-22/2020-08-21@month#sh"]],
    ["in Amordad 1399", ["Amordad 1399=2020-07-22/2020-08-21@month#sh"]],
    ["on 6 Aban 1404", ["6 Aban 1404=2025-10-28@day#sh"]],
    ["on 16–31 Mordad 1399", ["16–31 Mordad 1399=2020-08-06/2020-08-21@day#sh"]],
    ["in 1377 SH", ["1377 SH=1998-03-21/1999-03-20@year#sh"]],
    ["in 1453 AD", ["1453 AD=1453@year"]],
    ["signed in Moscow on January 17, 2025 (28 Dey 1403), covering", ["January 17, 2025=2025-01-17@day", "28 Dey 1403=2025-01-17@day#sh"]],
    // Several in one sentence.
    ["It met in 1979 and again on 17 September 1982.", ["1979=1979@year", "17 September 1982=1982-09-17@day"]],
  ] as const)("%s", (input, expected) => {
    expect(findDates(input).map(show)).toEqual(expected);
  });

  // Numbers that are not dates, and dates not stated (no year).
  it.each([
    "see p. 1991 of the report",
    "pp. 1990–1995",
    "1,500 troops crossed",
    "relations with 220 parties in 52 countries",
    "in 2000 troops were sent",
    "Resolution 598 of the Security Council",
    "Article 1990 of the code",
    "section 3-3. Resistance",
    "the meeting at 10:30 ended",
    "he may come on Friday",
    "on March 21 the envoy came",
    "the last Friday of the month of Ramadan",
    "Today Iran, Tomorrow Palestine",
    "the heads of 55 Islamic countries",
    "Mehr News reported",
    "a budget of 2012 dollars",
    "in 15 years",
    "from 1500 to 2000 troops",
    "between 1800 and 1900 people",
    "8 (2), 111-123",
    "Majlis and Rahbord, 23(88), 407–436.",
    "<http://doi.org/10.22059/jices.2026.401499.1101>",
    "DOI: 10.18384/2224-0209-2022-2-210",
    "khademi2735@gmail.com",
    "ISSN 2224-0209",
  ])("no date in %j", (input) => {
    expect(findDates(input).map(show)).toEqual([]);
  });

  it("'in 1990 and 1995' states two years, not a range", () => {
    expect(findDates("It was held in 1990 and in 1995.").map(show)).toEqual(["1990=1990@year", "1995=1995@year"]);
  });

  it("keeps the model's conventions: original text, calendar, range value", () => {
    const [m] = findDates("on 28 Dey 1403");
    expect(m).toMatchObject({ start: 3, end: 14, text: "28 Dey 1403", kind: "point", calendar: "solar-hijri", precision: "day" });
    expect(m!.date).toEqual({ start: "2025-01-17", precision: "day", calendar: "solar-hijri", original: "28 Dey 1403" });
    const [r] = findDates("the 1990s");
    expect(r).toMatchObject({ kind: "range", date: { start: "1990", end: "1999", precision: "year", original: "1990s" } });
    // An ISO date is its own value: no original.
    expect(findDates("on 2012-08-16")[0]!.date).toEqual({ start: "2012-08-16", precision: "day", calendar: "gregorian" });
  });

  it("lowers the confidence of a date whose weekday disagrees", () => {
    expect(findDates("Sunday, 5 May 2019")[0]!.confidence).toBe(0.95);
    expect(findDates("Monday, 5 May 2019")[0]!.confidence).toBe(0.6);
  });

  it("reads a single-year winter at low confidence, droppable with minConfidence", () => {
    expect(findDates("the winter of 1979", { minConfidence: 0.7 })).toEqual([]);
  });

  it("reports Hijri Qamari dates as skipped, never converted", () => {
    const s = scanDates("in Ramadan 1445 and in 1400 AH, then on 12 Rabi al-Awwal 1445");
    expect(s.dates).toEqual([]);
    expect(s.skipped.map((x) => [x.text, x.reason])).toEqual([
      ["Ramadan 1445", "hijri-qamari"],
      ["1400 AH", "hijri-qamari"],
      ["12 Rabi al-Awwal 1445", "hijri-qamari"],
    ]);
  });

  it("never guesses the calendar of a 1300–1499 year in English text", () => {
    const s = scanDates("in 1398 the plan began");
    expect(s.dates).toEqual([]);
    expect(s.skipped).toMatchObject([{ text: "1398", reason: "ambiguous-calendar" }]);
  });

  it("rejects impossible days", () => {
    const s = scanDates("on 31 Esfand 1403 and on 30 February 2012");
    expect(s.dates).toEqual([]);
    expect(s.skipped.map((x) => x.reason)).toEqual(["invalid-date", "invalid-date"]);
  });
});

describe("citations", () => {
  it.each([
    ["as argued (Nye, 2005: 110).", ["2005"]],
    ["(Heshmati and Rezaii, 2019: 12; Nye, 2005)", ["2019", "2005"]],
    ["Savelchev (2024) highlights", ["2024"]],
    ["According to Eshkunkov (2023), cooperation", ["2023"]],
    ["- Alexeev, A. S. (2022). Modern Russian parliament", ["2022"]],
    ["- Vaezi, Mahmoud, (2007), Geopolitics", ["2007"]],
    ["(Benoit & Rozenberg, 2020: 213)", ["2020"]],
    ["(Kaminska et al., 2022)", ["2022"]],
  ] as const)("%s", (input, years) => {
    // Left out by default …
    expect(findDates(input)).toEqual([]);
    // … and reported as kind "citation" on request.
    const found = findDates(input, { citations: true });
    expect(found.map((m) => m.text)).toEqual(years);
    expect(found.every((m) => m.kind === "citation" && m.precision === "year")).toBe(true);
  });

  it("does not take a dated event in parentheses for a citation", () => {
    expect(findDates("the Brazil session (Brazil, June 2025) agreed").map(show)).toEqual(["June 2025=2025-06@month"]);
  });

  it("leaves a Solar Hijri citation year in English text unconverted", () => {
    const s = scanDates("stability (Dehkhoda, 1377: 21302).", { citations: true });
    expect(s.dates).toEqual([]);
    expect(s.skipped).toMatchObject([{ text: "1377", reason: "ambiguous-calendar" }]);
  });
});
