import { describe, expect, it } from "vitest";
import type { ClaimWithSource, Event, Relation } from "../api/types.js";
import { agreementIds, byTarget, chunks, evidenceTargets } from "./evidence.js";

const rel = (id: string, kind: string, from: string, to: string) => ({ id, kind, from, to }) as unknown as Relation;
const relations = [
  rel("r1", "member-of", "irn-parliament", "apa"),
  rel("r2", "ratifies", "irn-parliament", "eaeu-irn-fta"),
  rel("r3", "ratifies", "irn-parliament", "eaeu-irn-fta"),
  rel("r4", "treaty-party", "irn-parliament", "irn-rus-treaty"),
  rel("r5", "treaty-party", "rus", "other-treaty"), // the actor is not the party
];

describe("actor evidence", () => {
  it("finds the agreements an actor is party to or adopted, each once", () => {
    expect(agreementIds("irn-parliament", relations, [{ id: "model-law", adoptedBy: "irn-parliament" }, { id: "x", adoptedBy: "ipu" }, { id: "eaeu-irn-fta" }])).toEqual([
      "eaeu-irn-fta",
      "irn-rus-treaty",
      "model-law",
    ]);
  });
  it("names every listed record as a claims target", () => {
    expect(evidenceTargets(relations.slice(0, 2), [{ id: "e1" } as Event], ["a1"])).toEqual(["relation:r1", "relation:r2", "event:e1", "agreement:a1"]);
  });
  it("groups claims by target, keeping their order", () => {
    const c = (id: string, type: string, tid: string) => ({ id, target: { type, id: tid } }) as unknown as ClaimWithSource;
    const g = byTarget([c("c1", "relation", "r1"), c("c2", "event", "e1"), c("c3", "relation", "r1")]);
    expect([...g.keys()]).toEqual(["relation:r1", "event:e1"]);
    expect(g.get("relation:r1")!.map((x) => x.id)).toEqual(["c1", "c3"]);
  });
  it("chunks long target lists", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});
