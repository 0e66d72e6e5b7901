"""Splio's wire rules the sandbox's universe enforces: limits, the contact's keys, value formats and
the error envelope ``{"status": N, "errors": [{"error_key", "error", "error_description"}]}``."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

FIELD_TYPES = ("date", "text", "int", "double")
FIELD_SCOPES = ("contacts", "stores", "products", "order_products", "orders", "rewards", "loyalty")
DATA_TYPE_WORD = {"text": "string", "int": "int", "double": "double", "date": "date"}
MAX_CONTACT_FIELDS = 180
MAX_BULK = 1000
MAX_PER_PAGE = 1000
CONTACT_KEYS = frozenset({"lastname", "firstname", "creation_date", "language", "email", "cellphone", "lists",
                          "double_optin", "custom_fields", "tracking_consent"})
PATCH_KEYS = CONTACT_KEYS | {"key"}
STRING_KEYS = ("lastname", "firstname", "creation_date", "language", "email", "cellphone")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_INT = re.compile(r"^-?\d+$")
_DOUBLE = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
CREATION_DATE_RE = re.compile(r"^\d\d\d\d-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01]) "
                            r"(00|[0-9]|1[0-9]|2[0-3]):([0-9]|[0-5][0-9]):([0-9]|[0-5][0-9])$")
CUSTOM_KEY_RE = re.compile(r"^c(\d+)$")


class SplioApiError(Exception):
    """An answer in Splio's error envelope."""

    def __init__(self, status: int, error_key: str | None, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.items = [{"error_key": error_key, "error": error, "error_description": description}]

    def add(self, error_key: str | None, error: str, description: str) -> None:
        self.items.append({"error_key": error_key, "error": error, "error_description": description})

    def body(self) -> dict[str, Any]:
        return {"status": self.status, "errors": self.items}


def bad(error_key: str | None, error: str, description: str) -> SplioApiError:
    return SplioApiError(400, error_key, error, description)


def valid_value(type_: str, value: str) -> bool:
    if type_ == "int":
        return bool(_INT.match(value))
    if type_ == "double":
        return bool(_DOUBLE.match(value))
    if type_ == "date":
        if not _DATETIME.match(value):
            return False
        try:
            datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return False
        return True
    return True
