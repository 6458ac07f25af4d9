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
  it("fills in the values", () => expect(translate("en", "documents.unchanged", { file: "a{b}'.txt", version: 2 })).toBe("a{b}'.txt is stored already (version 2): nothing changed"));
  it.each([
    [0, "0 actors"],
    [1, "1 actor"],
    [2, "2 actors"],
  ])("chooses the plural form: %s", (n, text) => expect(translate("en", "search.results", { n })).toBe(text));
  it("counts with several plurals in one message", () =>
    expect(translate("en", "documents.result", { file: "f.txt", version: 1, status: "new", passages: 1, events: 2, undated: 0, actors: 1 })).toBe(
      "f.txt: version 1 (new), 1 passage, 2 events proposed, 0 stated without a date, 1 actor proposed",
    ));
  it.each(["en", "fa"] as const)("every %s message compiles and fills its values", (lang) => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const vars = Object.fromEntries([...en[key].matchAll(/\{(\w+)/g)].map((m) => [m[1]!, 7]));
      const text = translate(lang, key, vars);
      expect(text, key).not.toMatch(/[{}]/);
    }
  });
  it.each([
    ["en", "Islamic Consultative Assembly"],
    ["fa", "مجلس شورای اسلامی"],
  ] as const)("names in mode %s", (mode, name) => expect(displayName(parliament, mode)).toBe(name));
  it("falls back to the canonical name without a Persian alias", () => expect(displayName({ name: "Russia", aliases: [] }, "fa")).toBe("Russia"));
  it.each([["مجلس", true], ["Majlis", false], ["IPU مجلس", true]])("%s is rtl: %s", (s, rtl) => expect(isRtlText(s)).toBe(rtl));
});
