// Links in-text citations to references-list records by first author and year, never picking among equals.
import type { CitationLink, InTextCitation, NameMatch, PersonName, Reference, YearMatch } from "./types.js";
import { editDistance, nameKey, nameSkeleton, yearDistance, yearsMatch } from "./utils.js";

const RANK: Record<NameMatch, number> = { exact: 3, variant: 2, partial: 1, "author-order": 0 };

/** The names a person may be cited by: the family name (or body), and for an uncertain order the given name too. */
function citable(p: PersonName | undefined): string[] {
  if (!p) return [];
  if (p.literal) return [p.literal];
  const out = p.family ? [p.family] : [];
  if (p.orderUncertain && p.given) out.push(p.given, `${p.given} ${p.family}`);
  return out;
}

/** How a cited name matches a name of a reference: folded equal, transliteration variant, or one a word-prefix of the other. */
export function matchName(cited: string, name: string): Exclude<NameMatch, "author-order"> | undefined {
  if (nameKey(cited) === nameKey(name)) return "exact";
  const sc = nameSkeleton(cited);
  if (sc.length >= 2 && sc === nameSkeleton(name)) return "variant";
  // "Elasco" for "Elasco Puffleau"; "Pérez" alone is too weak, so the shared part must start both names.
  const cw = cited.split(/[\s-]+/).filter(Boolean);
  const nw = name.split(/[\s-]+/).filter(Boolean);
  const [short, long] = cw.length <= nw.length ? [cw, nw] : [nw, cw];
  if (short.length < long.length && short.join("").length >= 4 && short.every((w, i) => nameKey(w) === nameKey(long[i]!) || nameSkeleton(w) === nameSkeleton(long[i]!))) {
    return "partial";
  }
  return undefined;
}

function bestMatch(cited: string, p: PersonName | undefined): Exclude<NameMatch, "author-order"> | undefined {
  let best: Exclude<NameMatch, "author-order"> | undefined;
  for (const n of citable(p)) {
    const m = matchName(cited, n);
    if (m && (!best || RANK[m] > RANK[best])) best = m;
  }
  return best;
}

interface Candidate {
  ref: Reference;
  name: NameMatch;
  year: YearMatch;
  score: number[];
}

const firstPerson = (r: Reference) => r.authors[0] ?? r.editors?.[0];
const people = (r: Reference) => (r.authors.length ? r.authors : (r.editors ?? []));

function score(c: InTextCitation, r: Reference, name: NameMatch, year: YearMatch): number[] {
  const suffix = c.year.suffix === r.year?.suffix ? 1 : 0;
  const second = c.authors.length > 1 && people(r).slice(1).some((p) => bestMatch(c.authors[1]!, p)) ? 1 : 0;
  const count = c.etAl ? (people(r).length >= 3 || r.etAl ? 1 : 0) : c.authors.length === people(r).length ? 1 : 0;
  return [RANK[name], year === "same" ? 1 : 0, suffix, second, count];
}

const cmp = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

/**
 * Link each citation to the reference whose first author (case, diacritics, Persian letter variants and common
 * transliteration variants folded) and year (the same, or a Solar Hijri year and a Gregorian year it overlaps)
 * match. Several equally good candidates leave the citation `ambiguous` with all of them; a year suffix, the second
 * author and the number of authors tell candidates apart. When no first author matches, a reference naming every
 * cited author in another order is taken (`author-order`). Citations left unlinked carry `near` references (same
 * author and a year within two, or same year and a name within two edits) for review; they are never linked.
 */
export function linkCitations(citations: InTextCitation[], references: Reference[]): CitationLink[] {
  return citations.map((c) => linkOne(c, references));
}

function linkOne(c: InTextCitation, references: Reference[]): CitationLink {
  const dated = references.filter((r) => r.year);
  let cands: Candidate[] = [];
  for (const r of dated) {
    if (c.year.suffix && r.year!.suffix && c.year.suffix !== r.year!.suffix) continue;
    const year = yearsMatch(c.year, r.year!);
    if (!year) continue;
    // "(Qasemi, Lotfian, …)" names two authors: a single-author work is not it.
    if (c.authors.length > 1 && people(r).length === 1 && !r.etAl) continue;
    const name = bestMatch(c.authors[0]!, firstPerson(r));
    if (name) cands.push({ ref: r, name, year, score: score(c, r, name, year) });
  }
  if (cands.length === 0 && c.authors.length > 1) {
    for (const r of dated) {
      const year = yearsMatch(c.year, r.year!);
      if (!year) continue;
      const ps = people(r);
      if (c.authors.every((a) => ps.some((p) => bestMatch(a, p) === "exact" || bestMatch(a, p) === "variant"))) {
        cands.push({ ref: r, name: "author-order", year, score: score(c, r, "author-order", year) });
      }
    }
  }
  if (cands.length > 0) {
    cands.sort((x, y) => cmp(y.score, x.score));
    const top = cands.filter((x) => cmp(x.score, cands[0]!.score) === 0);
    if (top.length === 1) {
      const t = top[0]!;
      return { citation: c, status: "linked", reference: t.ref.id, match: { name: t.name, year: t.year }, candidates: [], near: [] };
    }
    cands = top;
    return { citation: c, status: "ambiguous", candidates: top.map((x) => x.ref.id), near: [] };
  }
  const near: CitationLink["near"] = [];
  for (const r of dated) {
    const sameName = bestMatch(c.authors[0]!, firstPerson(r));
    const d = yearDistance(c.year, r.year!);
    if (sameName && d <= 2) {
      near.push({ reference: r.id, reason: `same first author, year ${r.year!.original} for cited ${c.year.original}` });
      continue;
    }
    const fam = citable(firstPerson(r))[0];
    const [x, y] = [nameKey(c.authors[0]!), fam ? nameKey(fam) : ""];
    if (fam && yearsMatch(c.year, r.year!) && editDistance(x, y) <= Math.max(1, Math.round(Math.max(x.length, y.length) * 0.4))) {
      near.push({ reference: r.id, reason: `same year, similar name "${fam}" for cited "${c.authors[0]}"` });
    }
  }
  return { citation: c, status: "unlinked", candidates: [], near };
}
