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
    expect(table.size).toBe(3);
    const [rows, ...more] = [...table.chunks(() => undefined)];
    expect(more).toEqual([]);
    expect(rows!.map((r) => r?.loc.line())).toEqual([2, 5, 6, undefined]); // the last is the empty line at the end
    expect(rows![2]!.value).toEqual({ __fields: 4, __header: 5 });
  });

  it("maps a record field back to its CSV column", () => {
    const read = readDataset(dataset({ "dataset.yaml": "name: t\n", "relations.csv": "id,kind,from,to,start,source,quote_start\nr1,member-of,a,b,1990,s,5\n" }));
    const rec = [...read.tables[0]!.chunks(() => undefined)][0]![0]!;
    expect(rec.value).toEqual({ id: "r1", kind: "member-of", from: "a", to: "b", start: "1990", claims: [{ source: "s", start: 5 }] });
    expect(rec.loc.field(["claims", 0, "start"])).toBe("quote_start");
    expect(rec.loc.field(["start"])).toBe("start");
  });

  it("parses a large table in chunks whose rows keep their lines, even across quoted line breaks", () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => (i === 12_000 ? `r${i},member-of,a,"b\nc"` : `r${i},member-of,a,b`));
    const read = readDataset(dataset({ "dataset.yaml": "name: t\n", "relations.csv": `id,kind,from,to\n${rows.join("\n")}\n` }));
    const table = read.tables[0]!;
    expect(table.size).toBe(25_000);
    const chunks = [...table.chunks(() => undefined)];
    expect(chunks.length).toBe(3);
    const all = chunks.flat().filter((r) => r !== undefined);
    expect(all).toHaveLength(25_000);
    const line = (id: string) => all.find((r) => (r!.value as { id: string }).id === id)!.loc.line();
    expect(line("r0")).toBe(2);
    expect(line("r11999")).toBe(12_001);
    expect(line("r12000")).toBe(12_002);
    expect(line("r12001")).toBe(12_004); // after the quoted line break
    expect(line("r24999")).toBe(25_002);
  });

  it("reports an unterminated quote in a large table with its line", () => {
    const read = readDataset(dataset({ "dataset.yaml": "name: t\n", "events.csv": 'id,type,title,date\ne1,summit,ok,1990\ne2,summit,"broken,1991\n' }));
    const issues: Array<{ line?: number; message: string }> = [];
    for (const _ of read.tables[0]!.chunks((i) => issues.push(i)));
    expect(issues[0]).toMatchObject({ line: 3, message: expect.stringMatching(/malformed CSV/) });
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
