"""Unit tests for a temperature converter."""
import unittest


def celsius_to_kelvin(c):
    if c < -273.15:
        raise ValueError(f"{c} C is below absolute zero")
    return c + 273.15


class ConverterTest(unittest.TestCase):
    def test_freezing_point(self):
        self.assertAlmostEqual(celsius_to_kelvin(0), 273.15)

    def test_below_absolute_zero(self):
        try:
            celsius_to_kelvin(-300)
            self.fail("expected ValueError")
        except ValueError:
            pass


suite = unittest.defaultTestLoader.loadTestsFromTestCase(ConverterTest)
result = unittest.TextTestRunner(verbosity=2).run(suite)
print("tests run:", result.testsRun, "failures:", len(result.failures))
