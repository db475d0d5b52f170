# an uncaught exception with a note: the note is the last stderr line
err = ValueError("bad row")
err.add_note("while reading line 3 of input.csv")
raise err
