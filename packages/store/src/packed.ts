// Rows packed for passing between threads: each distinct value once, and the rows as indexes into those values. A
// structured clone costs per string it copies; rows of a large import repeat most of their values (kinds, dates,
// sources, timestamps), and the index array moves without copying.

/** Rows of one table: row r, column c is `values[idx[r * cols.length + c]]`. */
export interface PackedRows {
  table: string;
  cols: string[];
  n: number;
  values: Array<string | number | null>;
  idx: Int32Array;
}

/** Rows sampled per column to tell columns of repeated values (worth an index) from columns of distinct ones. */
const SAMPLE = 64;

/** Pack row objects that all have the columns of the first (as the row builders of rows.ts make them). */
export function packRows(table: string, rows: ReadonlyArray<object>): PackedRows {
  const cols = rows.length ? Object.keys(rows[0]!) : [];
  const width = cols.length;
  const idx = new Int32Array(rows.length * width);
  const values: Array<string | number | null> = [];
  const index = cols.map(() => new Map<string | number | null, number>());
  // Columns whose values are mostly distinct (ids, hashes, titles) skip the lookup: it would cost more than a copy.
  const distinct = new Array<boolean>(width).fill(false);
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    const vals = Object.values(rows[r]!) as Array<string | number | null>;
    if (vals.length !== width) throw new Error(`packRows: row ${r} of ${table} has ${vals.length} columns, not ${width}`);
    if (r === SAMPLE) for (let c = 0; c < width; c++) distinct[c] = index[c]!.size > SAMPLE / 2;
    for (let c = 0; c < width; c++) {
      const v = vals[c]!;
      if (distinct[c]) {
        idx[k++] = values.length;
        values.push(v);
        continue;
      }
      const map = index[c]!;
      let i = map.get(v);
      if (i === undefined) {
        i = values.length;
        values.push(v);
        map.set(v, i);
      }
      idx[k++] = i;
    }
  }
  return { table, cols, n: rows.length, values, idx };
}

/** The row objects again. */
export function unpackRows(p: PackedRows): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const width = p.cols.length;
  for (let r = 0; r < p.n; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < width; c++) row[p.cols[c]!] = p.values[p.idx[r * width + c]!];
    out.push(row);
  }
  return out;
}
