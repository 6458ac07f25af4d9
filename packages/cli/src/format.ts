// Text output helpers: tables, dates, claims and progress lines for people; the --json twin prints the data as is.
import { formatClaimValue, formatDate, type Claim, type ClaimValue, type DateValue } from "@diplograph/model";

export function table(headers: string[], rows: Array<Array<string | number | undefined>>): string {
  const cells = rows.map((r) => r.map((c) => (c === undefined ? "" : String(c))));
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((r) => [...(r[i] ?? "")].length))));
  const fit = (s: string, w: number) => {
    const chars = [...s];
    return chars.length > w ? `${chars.slice(0, w - 1).join("")}…` : s + " ".repeat(w - chars.length);
  };
  const line = (r: string[]) => r.map((c, i) => fit(c, widths[i]!)).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

export const fmtDate = (d: DateValue | undefined): string => (d ? formatDate(d) : "");

export const fmtValue = (v: ClaimValue | undefined): string => formatClaimValue(v, true);

export function fmtLocator(c: Claim): string {
  const span = c.locator.start !== undefined ? ` chars ${c.locator.start}-${c.locator.end}` : "";
  const page = c.locator.page ? ` p. ${c.locator.page}` : "";
  return `${c.source}${span}${page}`;
}

export function fmtQualifiers(q: Record<string, string>): string {
  const entries = Object.entries(q);
  return entries.length ? ` (${entries.map(([k, v]) => `${k}: ${v}`).join(", ")})` : "";
}

export function quoteLines(quote: string | undefined, indent: string): string {
  if (!quote) return "";
  const folded = quote.replace(/\s+/g, " ").trim();
  const words = folded.split(" ");
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur && cur.length + w.length + 1 > 96) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l, i) => `${indent}${i === 0 ? "“" : " "}${l}${i === lines.length - 1 ? "”" : ""}`).join("\n");
}

/** Progress on stderr: rows done, rate and time left; rewritten in place on a terminal, a line every 2 s otherwise. */
export class Progress {
  private phase = "";
  private started = 0;
  private last = 0;
  private shown = false;
  constructor(private readonly quiet: boolean) {}

  private finished = "";

  update(phase: string, done: number, total: number): void {
    if (this.quiet) return;
    if (phase === "indexes") {
      if (this.shown) process.stderr.write("rebuilding indexes …\n");
      return;
    }
    // Only the first report of a finished phase is shown.
    if (done >= total && this.finished === phase) return;
    if (done >= total) this.finished = phase;
    const now = Date.now();
    if (phase !== this.phase) {
      this.phase = phase;
      this.started = now;
    }
    const tty = process.stderr.isTTY;
    const finished = done >= total;
    if (!finished && now - this.last < (tty ? 200 : 2000)) return;
    if (total < 20_000 && !this.shown) return;
    this.last = now;
    const secs = Math.max((now - this.started) / 1000, 1e-3);
    const rate = done / secs;
    const left = rate > 0 ? (total - done) / rate : 0;
    const msg = `${phase}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows, ${Math.round(rate).toLocaleString("en-US")} rows/s, ${finished ? `done in ${secs.toFixed(1)} s` : `${left.toFixed(0)} s left`}`;
    this.shown = true;
    if (tty) process.stderr.write(`\r\x1b[K${msg}${finished ? "\n" : ""}`);
    else process.stderr.write(`${msg}\n`);
  }
}
