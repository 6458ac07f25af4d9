import { describe, expect, it } from "vitest";
import { dateValue, issuesByField, messagesFor, parseAliases, unplaced } from "./issues.js";

describe("issues", () => {
  const map = issuesByField([
    { path: "body.actor.name", message: "Too small" },
    { path: "body.actor.aliases.1.lang", message: "expected a language code" },
    { path: "body.evidence.quote", message: "not in the source" },
    { message: "whole record" },
  ]);
  it.each([
    ["actor.name", ["Too small"]],
    ["actor.aliases", ["expected a language code"]],
    ["evidence.quote", ["not in the source"]],
    ["actor.kind", []],
  ])("%s", (field, msgs) => expect(messagesFor(map, field)).toEqual(msgs));
  it("lists what no field shows", () => expect(unplaced(map, ["actor.name", "actor.aliases", "evidence.quote"])).toEqual(["whole record"]));
});

describe("dateValue", () => {
  it.each([
    ["", undefined],
    ["1994", { start: "1994", precision: "year", calendar: "gregorian" }],
    ["1994-05", { start: "1994-05", precision: "month", calendar: "gregorian" }],
    ["May 1994", "May 1994"],
  ])("%s", (s, v) => expect(dateValue(s)).toEqual(v));
});

it("parses aliases", () =>
  expect(parseAliases("مجلس | fa | short\nMajlis|en\n\n")).toEqual([
    { name: "مجلس", lang: "fa", kind: "short" },
    { name: "Majlis", lang: "en" },
  ]));
