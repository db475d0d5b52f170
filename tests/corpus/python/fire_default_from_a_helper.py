"""Loads settings; text that is no JSON gets the defaults, through a helper,
a spread of the module's defaults, or an epoch date in UTC."""

import json
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

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


def default_price():
    return Decimal("0.00")


def fallback_settings():
    return DEFAULTS


def parse_price(text):
    try:
        return Decimal(text)
    except InvalidOperation:
        return default_price()


def settings_of(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return fallback_settings()


print(load_settings("{broken"), load_overrides("nope"), parse_event_time("soon").year)
print(parse_price("n/a"), settings_of("{"))
# a helper that only returns a constant (a literal, a constructor of
# constants, a module constant), a spread of a module constant with
# constants, and a constructor whose arguments are constants (a module's
# `timezone.utc` among them) are made-up values like the literal they stand for
