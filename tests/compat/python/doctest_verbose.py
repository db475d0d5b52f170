# doctest: run the docstring examples of one function verbosely and with option flags
import doctest

def items():
    """
    >>> items()  # doctest: +NORMALIZE_WHITESPACE
    [1,   2,
     3]
    >>> print(list(range(20)))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> raise ValueError("boom")
    Traceback (most recent call last):
        ...
    ValueError: boom
    """
    return [1, 2, 3]

runner = doctest.DocTestRunner(verbose=False)
finder = doctest.DocTestFinder()
for test in finder.find(items, "items", globs={"items": items}):
    runner.run(test)
print(runner.summarize(verbose=False))
parser = doctest.DocTestParser()
examples = parser.get_examples(">>> 1 + 1\n2\n>>> x = 5\n")
print([(e.source.strip(), e.want.strip()) for e in examples])
