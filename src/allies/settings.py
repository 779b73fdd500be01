"""Every ``ALLIES_*`` environment setting, read in one place.

Each setting is a function read when called (not at import), so a test or a
long-running process sees the environment as it is now. The README's
"Settings" table lists the same names; ``tests/core/test_settings.py`` checks
that no other module reads an ``ALLIES_*`` variable and that the README
documents each one.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import InputError

DEFAULT_DB = "allies.duckdb"

# name -> one line for the README table and ``settings.describe()``
SETTINGS = {
    "ALLIES_DB": "store file when no --db is given (default ./allies.duckdb)",
    "ALLIES_TOKEN": "bearer token that enables uploads on 'allies serve' (unset: uploads disabled)",
    "ALLIES_DEBUG": "set to 1 to show a traceback instead of the one-line internal error",
    "ALLIES_DEV_DATA": "folder of the evaluation data for 'allies eval' (default ../shared/data/dev)",
    "ALLIES_IMPORT_MEMORY": "DuckDB memory cap for one dataset import (default 512MB)",
    "ALLIES_IMPORT_STAGING": "folder for the staging file of an import too big to stage in memory (default: the store's folder)",
    "ALLIES_MAX_UNPACKED_BYTES": "largest size a zip member may unpack to on import (default 16 GiB)",
}


def _get(name: str) -> str | None:
    assert name in SETTINGS, name  # every setting is listed (and documented) above
    value = os.environ.get(name)
    return value if value not in (None, "") else None


def db_path() -> Path:
    """``$ALLIES_DB`` or ./allies.duckdb."""
    return Path(_get("ALLIES_DB") or DEFAULT_DB)


def token() -> str | None:
    """``$ALLIES_TOKEN``; empty or unset means uploads are disabled."""
    return _get("ALLIES_TOKEN")


def debug() -> bool:
    """Whether ``$ALLIES_DEBUG`` asks for tracebacks."""
    return (_get("ALLIES_DEBUG") or "0").lower() not in ("0", "false", "no")


def dev_data() -> Path | None:
    """``$ALLIES_DEV_DATA``, or None when unset."""
    value = _get("ALLIES_DEV_DATA")
    return Path(value) if value else None


def import_memory() -> str:
    """``$ALLIES_IMPORT_MEMORY`` (a DuckDB memory_limit such as 512MB)."""
    return _get("ALLIES_IMPORT_MEMORY") or "512MB"


_SIZE_UNITS = {"b": 1, "kb": 1000, "mb": 1000 ** 2, "gb": 1000 ** 3, "tb": 1000 ** 4,
               "k": 1000, "m": 1000 ** 2, "g": 1000 ** 3, "t": 1000 ** 4,
               "kib": 1024, "mib": 1024 ** 2, "gib": 1024 ** 3, "tib": 1024 ** 4}


def import_memory_bytes() -> int:
    """:func:`import_memory` in bytes (DuckDB reads MB and GB as powers of 1000, as here)."""
    value = import_memory()
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    unit = match.group(2).lower() if match else None
    if not match or unit not in _SIZE_UNITS or float(match.group(1)) <= 0:
        raise InputError(f"ALLIES_IMPORT_MEMORY must be a size such as 512MB or 2GB, got {value!r}")
    return int(float(match.group(1)) * _SIZE_UNITS[unit])


def import_staging() -> Path | None:
    """``$ALLIES_IMPORT_STAGING``, or None (stage next to the store)."""
    value = _get("ALLIES_IMPORT_STAGING")
    return Path(value) if value else None


def max_unpacked_bytes() -> int:
    """``$ALLIES_MAX_UNPACKED_BYTES`` as an integer number of bytes."""
    value = _get("ALLIES_MAX_UNPACKED_BYTES")
    if value is None:
        return 16 * 1024 ** 3
    try:
        number = int(value)
    except ValueError:
        raise InputError(f"ALLIES_MAX_UNPACKED_BYTES must be a whole number of bytes, got {value!r}") from None
    if number <= 0:
        raise InputError(f"ALLIES_MAX_UNPACKED_BYTES must be positive, got {value!r}")
    return number
