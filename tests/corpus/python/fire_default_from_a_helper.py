"""Loads settings; text that is no JSON gets the defaults, through a helper,
a spread of the module's defaults, or an epoch date in UTC."""

import json
from datetime import datetime, timezone

DEFAULTS = {"theme": "light", "page_size": 20}


def default_settings():
    """The settings a new user starts with."""
    return {"theme": "light", "page_size": 20}


def load_settings(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return default_settings()


def load_overrides(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return {**DEFAULTS, "source": "defaults"}


def parse_event_time(text):
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)


print(load_settings("{broken"), load_overrides("nope"), parse_event_time("soon").year)
# a helper that only returns a constant, a spread of a module constant with
# constants, and a constructor whose arguments are constants (a module's
# `timezone.utc` among them) are made-up values like the literal they stand for
