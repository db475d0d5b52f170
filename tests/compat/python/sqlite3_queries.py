# sqlite3: in-memory and on-disk databases, parameters, rows, transactions, aggregates, errors
import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL)")
con.executemany("INSERT INTO t (name, score) VALUES (?, ?)", [("ann", 9.5), ("bob", 7.0), ("cy", None)])
con.commit()
for row in con.execute("SELECT * FROM t ORDER BY id"):
    print(dict(row))
print(con.execute("SELECT count(*), avg(score), max(score) FROM t").fetchone()[:])
print(con.execute("SELECT name FROM t WHERE score > :min", {"min": 8}).fetchall()[0]["name"])
con.create_function("twice", 1, lambda x: x * 2)
print(con.execute("SELECT twice(score) FROM t WHERE name = 'bob'").fetchone()[0])
try:
    with con:
        con.execute("INSERT INTO t (name) VALUES ('dee')")
        con.execute("INSERT INTO t (name) VALUES (NULL)")
except sqlite3.IntegrityError as exc:
    print("IntegrityError:", exc)
print(con.execute("SELECT count(*) FROM t").fetchone()[0])
print(con.execute("SELECT json_extract('{\"a\": [1, 2]}', '$.a[1]')").fetchone()[0])
disk = sqlite3.connect("file.db")
disk.execute("CREATE TABLE kv (k TEXT, v BLOB)")
disk.execute("INSERT INTO kv VALUES ('x', ?)", (b"\x00\x01",))
disk.commit()
disk.close()
print(sqlite3.connect("file.db").execute("SELECT * FROM kv").fetchall())
try:
    con.execute("SELEC 1")
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)
print([r[0] for r in con.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<5) SELECT x FROM c")])
