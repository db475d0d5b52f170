# sqlite3: iterdump, backup to a file, row_factory as namedtuple, adapters
import sqlite3
from collections import namedtuple
from datetime import date

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE p (name TEXT, born TEXT)")
sqlite3.register_adapter(date, lambda d: d.isoformat())
con.execute("INSERT INTO p VALUES (?, ?)", ("ada", date(1815, 12, 10)))
con.execute("INSERT INTO p VALUES (?, ?)", ("alan", date(1912, 6, 23)))
con.commit()
print("\n".join(con.iterdump()))
dst = sqlite3.connect("copy.db")
con.backup(dst)
dst.close()
Row = namedtuple("Row", "name born")
cp = sqlite3.connect("copy.db")
cp.row_factory = lambda cur, row: Row(*row)
print(cp.execute("SELECT * FROM p ORDER BY born DESC").fetchall())
cp.row_factory = None
print(cp.execute("SELECT count(*) FROM p").fetchone())
