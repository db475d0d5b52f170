# unittest.main(): a passing suite (exits 0; the summary goes to stderr and ends with OK)
import unittest

def slugify(s):
    return "-".join(s.lower().split())

class SlugTests(unittest.TestCase):
    def test_basic(self):
        self.assertEqual(slugify("Hello World"), "hello-world")

    def test_spaces(self):
        self.assertEqual(slugify("  a   b "), "a-b")

    def test_raises(self):
        with self.assertRaises(AttributeError):
            slugify(None)

    @unittest.skip("not ready")
    def test_skipped(self):
        self.fail("never runs")

    def test_subtests(self):
        for s in ["x", "y z"]:
            with self.subTest(s=s):
                self.assertNotIn(" ", slugify(s))

if __name__ == "__main__":
    print("running")
    unittest.main()
