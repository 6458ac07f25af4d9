import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "./read.js";

function dataset(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dg-read-"));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

describe("readDataset", () => {
  it("counts the lines of quoted multi-line fields when it reports a row's line", () => {
    const csv = 'id,type,title,date,outcome\ne1,summit,"A summit\nwith a title on\nthree lines",1997,\ne2,summit,Second,1998,x\ne3,summit,Third,1999\n';
    const read = readDataset(dataset({ "dataset.yaml": "name: t\n", "events/events.csv": csv }));
    const table = read.tables[0]!;
    expect(table.size).toBe(4); // three rows and the empty line at the end
    expect(table.record(0)!.loc.line()).toBe(2);
    expect(table.record(1)!.loc.line()).toBe(5);
    expect(table.record(2)!.loc.line()).toBe(6);
    expect(table.record(2)!.value).toEqual({ __fields: 4, __header: 5 });
    expect(table.record(3)).toBeUndefined();
  });

  it("maps a record field back to its CSV column", () => {
    const read = readDataset(dataset({ "dataset.yaml": "name: t\n", "relations.csv": "id,kind,from,to,start,source,quote_start\nr1,member-of,a,b,1990,s,5\n" }));
    const rec = read.tables[0]!.record(0)!;
    expect(rec.value).toEqual({ id: "r1", kind: "member-of", from: "a", to: "b", start: "1990", claims: [{ source: "s", start: 5 }] });
    expect(rec.loc.field(["claims", 0, "start"])).toBe("quote_start");
    expect(rec.loc.field(["start"])).toBe("start");
  });

  it("gives YAML fields their own lines and refuses files it does not know", () => {
    const read = readDataset(
      dataset({
        "dataset.yaml": "name: t\n",
        "actors/a.yaml": "- id: x\n  kind: state\n  name: X\n\n- id: y\n  kind: party\n  name: Y\n  aliases:\n    - Why\n",
        "notes.yaml": "[]\n",
      }),
    );
    expect(read.records.map((r) => r.loc.line())).toEqual([1, 5]);
    expect(read.records[1]!.loc.lineOf(["aliases", 0])).toBe(9);
    expect(read.issues.map((i) => i.message)).toEqual([expect.stringMatching(/not a dataset file/)]);
  });

  it("reports malformed YAML with its line", () => {
    const read = readDataset(dataset({ "dataset.yaml": "name: t\n", "actors.yaml": "- id: x\n  kind: [state\n  name: X\n" }));
    expect(read.issues[0]).toMatchObject({ file: expect.stringMatching(/actors\.yaml$/), message: expect.stringMatching(/malformed YAML/) });
    expect(read.issues[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
