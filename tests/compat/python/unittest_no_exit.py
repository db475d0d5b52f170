# unittest: main(exit=False) and a TextTestRunner on an explicit suite, results inspected in the program
import io
import unittest

class T(unittest.TestCase):
    def setUp(self):
        self.data = [3, 1, 2]
    def test_sort(self):
        self.assertEqual(sorted(self.data), [1, 2, 3])
    def test_fail(self):
        self.assertIn(5, self.data)
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

prog = unittest.main(exit=False, argv=["prog"], verbosity=0)
r = prog.result
print(r.testsRun, len(r.failures), len(r.errors), r.wasSuccessful())
suite = unittest.TestLoader().loadTestsFromTestCase(T)
stream = io.StringIO()
res = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(res.testsRun, [t.id().split(".")[-1] for t, _ in res.failures])
print(sorted(l.split(" ")[0] for l in stream.getvalue().splitlines() if l.startswith("test_")))
