# unittest.main(): a suite with a failing and an erroring test exits with status 1
import unittest

class Broken(unittest.TestCase):
    def test_ok(self):
        self.assertTrue(True)

    def test_wrong(self):
        self.assertEqual(sum([1, 2]), 4, "sum is off")

    def test_error(self):
        {}["nope"]

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

if __name__ == "__main__":
    unittest.main()
