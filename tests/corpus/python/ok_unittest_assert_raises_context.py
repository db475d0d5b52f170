# must stay quiet: `with self.assertRaises(E):` fails the test when no exception comes (issue item 7)
import unittest


def parse_port(text):
    port = int(text)
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port


class ParsePortTest(unittest.TestCase):
    def test_rejects_words(self):
        with self.assertRaises(ValueError):
            parse_port("http")

    def test_rejects_out_of_range(self):
        with self.assertRaisesRegex(ValueError, "out of range"):
            parse_port("70000")

    def test_accepts_a_port(self):
        self.assertEqual(parse_port("8080"), 8080)


unittest.main(exit=False, verbosity=0)
