"""Tests for the slug helper, runnable with or without pytest installed."""
import re

try:
    import pytest

    fail = pytest.fail
except ImportError:
    def fail(message):
        raise AssertionError(message)


def slugify(title):
    if not title.strip():
        raise ValueError("empty title")
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def test_slugify():
    assert slugify("Hello, World!") == "hello-world"


def test_empty_title():
    try:
        slugify("   ")
        fail("slugify should reject an empty title")
    except ValueError:
        pass


for test in (test_slugify, test_empty_title):
    test()
print("2 tests passed")
