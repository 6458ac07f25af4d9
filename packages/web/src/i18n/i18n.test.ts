import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { fa } from "./fa.js";
import { displayName, isRtlText, translate } from "./index.js";

const parliament = {
  name: "Islamic Consultative Assembly",
  aliases: [
    { name: "Majlis", lang: "en" },
    { name: "مجلس", lang: "fa", kind: "short" },
    { name: "مجلس شورای اسلامی", lang: "fa", kind: "official" },
  ],
} as Parameters<typeof displayName>[0];

describe("i18n", () => {
  it("Persian translates every English key", () => expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort()));
  it("fills placeholders", () => expect(translate("en", "search.results", { n: 3 })).toBe("3 actors"));
  it.each([
    ["en", "Islamic Consultative Assembly"],
    ["fa", "مجلس شورای اسلامی"],
  ] as const)("names in mode %s", (mode, name) => expect(displayName(parliament, mode)).toBe(name));
  it("falls back to the canonical name without a Persian alias", () => expect(displayName({ name: "Russia", aliases: [] }, "fa")).toBe("Russia"));
  it.each([["مجلس", true], ["Majlis", false], ["IPU مجلس", true]])("%s is rtl: %s", (s, rtl) => expect(isRtlText(s)).toBe(rtl));
});
