"""Parses amounts; a text the strict parser refuses goes through a lenient
helper that works on the text itself, or a default read from the
environment."""

import os
from datetime import datetime, timezone


def lenient_amount(text):
    cleaned = text.replace(",", "").replace("$", "").strip()
    return float(cleaned)


def configured_timeout():
    return float(os.environ.get("TIMEOUT", "2.5"))


def parse_amount(text):
    try:
        return float(text)
    except ValueError:
        return lenient_amount(text)


def timeout_of(options):
    try:
        return float(options["timeout"])
    except KeyError:
        return configured_timeout()


def started_at(stamp):
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.fromtimestamp(float(stamp), tz=timezone.utc)


print(parse_amount("$1,200.50"), timeout_of({}), started_at("0").year)
# each fallback is computed from the data (the text, the stamp) or read
# from the configuration: none is a made-up value
