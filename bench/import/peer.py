# Peer for the import benchmark: Python's csv module and sqlite3 executemany, the usual hand-rolled loader.
# It checks nothing (no types, no references, no dates), so it is the floor a validating importer is measured against.
import csv, sqlite3, sys, time, os

src, db = sys.argv[1], sys.argv[2]
if os.path.exists(db):
    os.remove(db)
con = sqlite3.connect(db)
con.execute("pragma journal_mode=wal")
con.execute("pragma synchronous=normal")
con.execute("create table relations (id text primary key, kind text, from_id text, to_id text, role text, start text, end_ text, track text, layers text, source text, page text)")
con.execute("create table events (id text primary key, type text, title text, date text, participants text, track text, layers text, source text, page text)")
t = time.perf_counter()
n = 0
for table, path, cols in [("relations", "relations/relations.csv", 11), ("events", "events/events.csv", 9)]:
    with open(os.path.join(src, path), newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        rows = list(r)
    con.executemany(f"insert into {table} values ({','.join('?' * cols)})", rows)
    n += len(rows)
con.commit()
secs = time.perf_counter() - t
print(f"{n} {secs:.3f}")
