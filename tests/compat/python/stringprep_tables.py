# stringprep: RFC 3454 table lookups
import stringprep

for ch in ["\u00ad", "a", " ", "\u200b", "\u0627", "A"]:
    print(repr(ch), stringprep.in_table_b1(ch), stringprep.in_table_c12(ch), stringprep.in_table_d1(ch))
print(stringprep.map_table_b2("A"), stringprep.map_table_b3("\u00df"), stringprep.in_table_a1("\u0221"))
