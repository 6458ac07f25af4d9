// Years of bibliographic citations, "(Nye, 2005: 110)", "Savelchev (2024)": the date of a work, not of an event.
import type { Candidate } from "./types.js";
import { gregorian, solarHijri, type ScanText } from "./utils.js";

const PAGES = String.raw`(?:\s*[:,،]\s*(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?`;
/** One citation inside parentheses: author(s), optional comma, year, optional letter and pages. */
const PART = new RegExp(String.raw`^\s*(?:(?:see|see also|e\.g\.|cf\.|quoted in)[,\s]+)?(?<who>[\p{Lu}\u0600-\u06FF][^\d;]*?)[,،]?\s+(?<y>\d{4})[a-z]?${PAGES}\s*$`, "u");
/** Words that can open a parenthesis before a year without being an author. */
const NOT_AUTHOR = /^(?:in|since|from|until|by|during|before|after|around|circa|c\.|ca\.|est\.|founded|born|died|approved|adopted|signed|ratified|reigned|the year|year|spring|summer|autumn|fall|winter|early|mid|late)$/i;
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;
/** Capitalised words that name events or instruments, after which "(1991)" is a date, not a citation. */
const EVENT_WORD = /^(?:War|Treaty|Agreement|Accord|Accords|Revolution|Conference|Summit|Crisis|Convention|Protocol|Declaration|Resolution|Act|Law|Constitution|Charter|Plan|Programme|Program|Pact|Uprising|Election|Elections|Olympics|Games|Ceasefire|Deal|JCPOA|Initiative|Meeting|Session|Congress|Coup|Intifada|Invasion|Occupation|Independence|Referendum|Massacre|Operation|Movement|Strategy|Doctrine|Vision|Document)$/;

export function findCitations(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  const t = scan.norm;
  const push = (s: number, y: number) => {
    const e = s + 4;
    const text = scan.raw.slice(s, e);
    const persian = scan.isPersian(s);
    if (y >= 1200 && y < 1500) {
      const date = persian ? solarHijri(y, undefined, undefined, text) : undefined;
      if (date) out.push({ start: s, end: e, kind: "citation", confidence: 0.85, date });
      else if (y >= 1300) out.push({ start: s, end: e, kind: "citation", confidence: 0.85, skip: "ambiguous-calendar" });
    } else if (y >= 1500 && y <= 2100) out.push({ start: s, end: e, kind: "citation", confidence: 0.9, date: gregorian(y, undefined, undefined, text)! });
  };

  // "(Nye, 2005: 110)", "(Heshmati and Rezaii, 1398: 12; Nye, 2005)", "(دهخدا، ۱۳۷۷: ۲۱۳۰۲)".
  for (const m of t.matchAll(/\(([^()\n]{1,300})\)/g)) {
    let offset = m.index + 1;
    for (const part of m[1]!.split(";")) {
      const p = PART.exec(part);
      if (p) {
        const who = p.groups!.who!.trim().replace(/[,،]$/, "");
        if (!NOT_AUTHOR.test(who) && !MONTH.test(who.split(/\s+/).pop() ?? "")) {
          // The author has no digits, so the first four digits are the year.
          push(offset + part.search(/\d{4}/), Number(p.groups!.y));
        }
      }
      offset += part.length + 1;
    }
  }

  // Narrative citations and reference lists: "Savelchev (2024) highlights", "Alexeev, A. S. (2022).", "(2020: 12)".
  const narrative = new RegExp(String.raw`(?<who>[\p{Lu}\u0600-\u06FF][\p{L}\u0600-\u06FF'’-]*\.?|et al\.),?\s*\((?<y>\d{4})[a-z]?(?<pages>${PAGES})\)`, "gu");
  for (const m of t.matchAll(narrative)) {
    const g = m.groups!;
    if (!g.pages && (EVENT_WORD.test(g.who!) || MONTH.test(g.who!) || NOT_AUTHOR.test(g.who!))) continue;
    push(m.index + m[0].indexOf("(") + 1, Number(g.y));
  }
  return out;
}
