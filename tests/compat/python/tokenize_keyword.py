# tokenize and keyword: token streams of a source string, keyword checks
import io
import keyword
import token
import tokenize

src = "def f(x):\n    return x ** 2  # square\n"
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(token.tok_name[tok.type], repr(tok.string), tok.start)
print(keyword.iskeyword("lambda"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), "async" in keyword.kwlist)
print(tokenize.untokenize([(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO("a=1\n").readline)]))
