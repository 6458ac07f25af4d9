import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDates, scanDates } from "./index.js";
import { show } from "./testing.js";

describe("Persian dates", () => {
  it.each([
    ["در ۶ آبان ۱۴۰۴ برگزار شد", ["۶ آبان ۱۴۰۴=2025-10-28@day#sh"]],
    ["در ۲۸ دی ۱۴۰۳ امضا شد", ["۲۸ دی ۱۴۰۳=2025-01-17@day#sh"]],
    ["در ۲۸ دی‌ماه ۱۴۰۳ امضا شد", ["۲۸ دی‌ماه ۱۴۰۳=2025-01-17@day#sh"]],
    ["روز ۱ فروردین ماه سال ۱۴۰۳ آغاز شد", ["۱ فروردین ماه سال ۱۴۰۳=2024-03-20@day#sh"]],
    ["در آبان ۱۴۰۴ برگزار شد", ["آبان ۱۴۰۴=2025-10-23/2025-11-21@month#sh"]],
    ["در ٢٨ دي ١٤٠٣ امضا شد", ["٢٨ دي ١٤٠٣=2025-01-17@day#sh"]],
    ["در 28 دی 1403 امضا شد", ["28 دی 1403=2025-01-17@day#sh"]],
    ["شنبه ۶ آبان ۱۴۰۴", ["شنبه ۶ آبان ۱۴۰۴=2025-10-28@day#sh"]],
    ["در سال ۱۳۹۸ تصویب شد", ["۱۳۹۸=2019-03-21/2020-03-19@year#sh"]],
    // A noun after the year that merely begins like a unit word ("عضویت", membership; "عضو", member) is no quantity.
    ["در سال ۱۴۰۲ عضویت ایران را پذیرفتند", ["۱۴۰۲=2023-03-21/2024-03-19@year#sh"]],
    ["در سال ۱۴۰۲ کشورهای عضو گرد آمدند", ["۱۴۰۲=2023-03-21/2024-03-19@year#sh"]],
    ["۱۴۰۲ نفر شرکت کردند", []],
    ["پس از انقلاب ۱۳۵۷ تشکیل شد", ["۱۳۵۷=1978-03-21/1979-03-20@year#sh"]],
    ["در ۱۳۹۸ ش تصویب شد", ["۱۳۹۸ ش=2019-03-21/2020-03-19@year#sh"]],
    ["در ۱۳۹۸ هـ.ش تصویب شد", ["۱۳۹۸ هـ.ش=2019-03-21/2020-03-19@year#sh"]],
    ["در سال ۱۳۹۸ شمسی تصویب شد", ["۱۳۹۸ شمسی=2019-03-21/2020-03-19@year#sh"]],
    ["در سال ۲۰۱۹ میلادی", ["۲۰۱۹ میلادی=2019@year"]],
    ["در سال ۲۰۱۹ برگزار شد", ["۲۰۱۹=2019@year"]],
    ["در ۲۱ مارس ۱۹۹۱ به نامیبیا رسید", ["۲۱ مارس ۱۹۹۱=1991-03-21@day"]],
    ["در ژوئن ۲۰۲۵ برگزار شد", ["ژوئن ۲۰۲۵=2025-06@month"]],
    ["از ۱۶ تا ۳۱ مرداد ۱۳۹۹ ادامه داشت", ["از ۱۶ تا ۳۱ مرداد ۱۳۹۹=2020-08-06/2020-08-21@day#sh"]],
    ["از فروردین ۱۳۹۸ تا خرداد ۱۳۹۹ ادامه داشت", ["از فروردین ۱۳۹۸ تا خرداد ۱۳۹۹=2019-03-21/2020-06-20@month#sh"]],
    ["از فروردین تا خرداد ۱۳۹۹", ["از فروردین تا خرداد ۱۳۹۹=2020-03-20/2020-06-20@month#sh"]],
    ["از سال ۱۳۹۰ تا ۱۳۹۵ ادامه داشت", ["از سال ۱۳۹۰ تا ۱۳۹۵=2011-03-21/2017-03-20@year#sh"]],
    ["طی سال‌های ۱۳۹۰-۱۳۹۵", ["۱۳۹۰-۱۳۹۵=2011-03-21/2017-03-20@year#sh"]],
    ["بین ۱۳۹۰ و ۱۳۹۵", ["بین ۱۳۹۰ و ۱۳۹۵=2011-03-21/2017-03-20@year#sh"]],
    ["در زمستان ۱۴۰۲ بود", ["زمستان ۱۴۰۲=2023-12-22/2024-03-19@month#sh"]],
    ["در بهار ۱۴۰۳ بود", ["بهار ۱۴۰۳=2024-03-20/2024-06-20@month#sh"]],
    ["در دهه ۶۰ بود", ["دهه ۶۰=1981-03-21/1991-03-20@year#sh"]],
    ["در دهه ۱۳۷۰ بود", ["دهه ۱۳۷۰=1991-03-21/2001-03-20@year#sh"]],
    ["در دهه ۱۹۹۰ میلادی", ["دهه ۱۹۹۰ میلادی=1990/1999@year"]],
    ["تاریخ ۱۴۰۳/۱۰/۲۸ ثبت شد", ["۱۴۰۳/۱۰/۲۸=2025-01-17@day#sh"]],
    ["تاریخ 1403/10/28 ثبت شد", ["1403/10/28=2025-01-17@day#sh"]],
    ["تاریخ ۲۸/۱۰/۱۴۰۳ ثبت شد", ["۲۸/۱۰/۱۴۰۳=2025-01-17@day#sh"]],
  ] as const)("%s", (input, expected) => {
    expect(findDates(input).map(show)).toEqual(expected);
  });

  it.each([
    "۱۴۰۰ نفر در راهپیمایی شرکت کردند",
    "قطعنامه ۵۹۸ شورای امنیت",
    "ماده ۱۳۹۸ قانون",
    "صفحه ۱۳۹۸ کتاب",
    "با ۲۲۰ حزب در ۵۲ کشور رابطه دارد",
    "۱۳۹۸ کیلومتر مرز",
    "در آخرین جمعه ماه رمضان",
    "می‌خواهد که ۱۲ عضو داشته باشد",
    "سه‌شنبه گذشته",
  ])("no date in %j", (input) => {
    expect(findDates(input).map(show)).toEqual([]);
  });

  it("reports Hijri Qamari dates as skipped", () => {
    const s = scanDates("در ۱۴۴۵ ق و در ۱۵ شعبان ۱۴۴۵ و سال ۱۴۴۵ هـ.ق");
    expect(s.dates).toEqual([]);
    expect(s.skipped.map((x) => [x.text, x.reason])).toEqual([
      ["۱۴۴۵ ق", "hijri-qamari"],
      ["۱۵ شعبان ۱۴۴۵", "hijri-qamari"],
      ["۱۴۴۵ هـ.ق", "hijri-qamari"],
    ]);
  });

  it("treats a whole text as Persian when told, and never when told not to", () => {
    expect(findDates("1403/10/28", { persian: true }).map(show)).toEqual(["1403/10/28=2025-01-17@day#sh"]);
    expect(scanDates("تاریخ ۱۴۰۳/۱۰/۲۸ ثبت شد", { persian: false }).skipped.map((x) => x.reason)).toEqual(["ambiguous-calendar"]);
  });

  it("finds no date in the Persian abstract of seed 003 (it states none)", () => {
    const text = readFileSync(new URL("../../../../../../shared/seeds/003_9b2c7ee10cd64283.txt", import.meta.url), "utf8");
    const persian = text.slice(0, text.indexOf("Diplomacy of Movements"));
    expect(persian.length).toBeGreaterThan(1500);
    expect(scanDates(persian, { citations: true })).toEqual({ dates: [], skipped: [] });
  });

  it("reads the Solar Hijri date of seed 001 beside its Gregorian twin", () => {
    const text = readFileSync(new URL("../../../../../../shared/seeds/001_a9b394bd303c974a.txt", import.meta.url), "utf8");
    const i = text.indexOf("signed in Moscow on");
    const found = findDates(text).filter((m) => m.start > i && m.start < i + 60);
    expect(found.map(show)).toEqual(["January 17, 2025=2025-01-17@day", "28 Dey 1403=2025-01-17@day#sh"]);
    expect(found[1]!.date.original).toBe("28 Dey 1403");
  });
});
