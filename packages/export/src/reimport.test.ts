// End to end: what the exporters write, the real importer reads back into the same records.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Snapshot } from "@diplograph/model";
import { importDataset } from "@diplograph/ingest";
import { Store } from "@diplograph/store";
import { afterEach, describe, expect, it } from "vitest";
import { toCsvTables } from "./csv.js";
import { everyKind, tehran } from "./fixtures.js";
import { toJson, toJsonDocument } from "./json.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dg-export-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Import a dataset folder or bundle into a fresh in-memory database and read everything back. */
async function importAndRead(path: string): Promise<Snapshot> {
  const store = await Store.open(":memory:");
  try {
    await importDataset(store, path, { display: (p) => p });
    return await store.snapshot();
  } finally {
    await store.close();
  }
}

/**
 * The Tehran snapshot with a document text holding every quote, its SHA-256, and each claim's span where its quote
 * stands, as an import would have stored them: then the importer checks the quotes against the text.
 */
function tehranWithDocument(): Snapshot {
  const s = tehran();
  const quotes = s.claims.flatMap((c) => (c.locator.quote === undefined ? [] : [c.locator.quote]));
  const text = `In short, ${quotes.join(". ")}.`;
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  return {
    ...s,
    sources: s.sources.map((src) => ({ ...src, sha256, text })),
    claims: s.claims.map((c) => {
      const q = c.locator.quote;
      if (q === undefined) return c;
      const start = text.indexOf(q);
      return { ...c, locator: { ...c.locator, start, end: start + q.length } };
    }),
  };
}

/** Every-kind snapshot with the names the importer refuses (control characters, lone surrogates) cleaned. */
function everyKindEncodable(): Snapshot {
  const s = everyKind();
  // eslint-disable-next-line no-control-regex
  return { ...s, actors: s.actors.map((a) => ({ ...a, name: a.name.replace(/\p{Cs}/gu, "").replace(/[\u0000-\u001f]/g, "") })) };
}

describe("re-import through the real importer", () => {
  it("checks that the Tehran fixture's first quote stands at its given span", () => {
    const s = tehranWithDocument();
    const founded = s.claims.find((c) => c.id === "c-apa-founded")!;
    expect(founded.locator).toMatchObject({ start: 10, end: 57 });
  });

  it.each([
    ["Tehran, with its document", tehranWithDocument],
    ["every relation kind", everyKindEncodable],
  ])("%s: a JSON export imported alone gives back the same export", async (_name, make) => {
    const original = make();
    const json = toJson(original);
    const path = join(folder({ "export.json": json }), "export.json");
    expect(toJson(await importAndRead(path))).toBe(json);
  });

  it.each([
    ["Tehran, with its document", tehranWithDocument],
    ["every relation kind", everyKindEncodable],
  ])("%s: a folder of the CSV tables gives back the same tables", async (_name, make) => {
    const original = make();
    const doc = toJsonDocument(original);
    const tables = toCsvTables(original);
    const dir = folder({
      // Sources, agreements and concepts have no CSV form: the folder carries them as JSON lists.
      "dataset.yaml": "name: export-test\n",
      "sources.json": JSON.stringify(doc.sources),
      "agreements.json": JSON.stringify(doc.agreements),
      "concepts.json": JSON.stringify(doc.concepts),
      ...tables,
    });
    const back = await importAndRead(dir);
    expect(toCsvTables(back)).toStrictEqual(tables);
    // What CSV cannot carry is lost, and only that: a Solar Hijri date comes back as its Gregorian value.
    const rel = back.relations.find((r) => r.kind === "treaty-party")!;
    expect(rel.signed).toStrictEqual({ start: "2025-01-17", precision: "day", calendar: "gregorian" });
  });
});
