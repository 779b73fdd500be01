"""Finding input files (paths, folders, globs) and opening archives.

DuckDB reads plain and ``.gz`` files itself. A ``.zip`` is unpacked member by member
into a temporary folder first (DuckDB has no zip reader); a truncated or corrupt archive
is an :class:`InputError` before anything is stored.
"""
from __future__ import annotations

import glob
import gzip
import os
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .. import settings
from ..errors import InputError

_GLOB_CHARS = set("*?[")

# Zip bombs: real event exports compress about 10:1, a bomb thousands to one.
# A member is refused when it would inflate past MAX_RATIO (once it is big
# enough to matter) or past MAX_UNPACKED_BYTES, counted on the bytes actually
# written, since a zip's declared sizes can lie.
MAX_RATIO = 200
RATIO_APPLIES_ABOVE = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = settings.max_unpacked_bytes()


@dataclass(frozen=True)
class InputFile:
    """One file to import: ``name`` is what reports and provenance show, ``path`` what
    DuckDB reads (an unpacked copy for zip members)."""

    name: str
    path: Path

    @property
    def compression(self) -> str:
        return "gzip" if self.path.name.lower().endswith(".gz") else "none"

    @property
    def base_name(self) -> str:
        """The file name without compression suffixes, lower case (for format detection)."""
        name = self.name.rsplit("!", 1)[-1].rsplit("/", 1)[-1].lower()
        for suffix in (".gz", ".zip"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        return name


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named by ``paths``: files as given, folders recursively (skipping hidden
    files and Spark's ``_SUCCESS``-style markers), globs expanded. Raises InputError for
    a path that matches nothing."""
    found: list[Path] = []
    for raw in paths:
        text = str(raw)
        if _GLOB_CHARS & set(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(f"no files match {text}")
            found.extend(matches)
            continue
        path = Path(text)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
            )
            if not files:
                raise InputError(f"folder {path} holds no files")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"no such file or folder: {path}")
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


@contextmanager
def opened(path: Path) -> Iterator[list[InputFile]]:
    """The readable files inside ``path``: itself, or the members of a zip archive
    unpacked to a temporary folder that is removed afterwards."""
    if path.suffix.lower() != ".zip":
        yield [InputFile(str(path), path)]
        return
    with tempfile.TemporaryDirectory(prefix="allies-zip-") as tmp:
        members: list[InputFile] = []
        try:
            with zipfile.ZipFile(path) as archive:
                for number, info in enumerate(archive.infolist()):
                    if info.is_dir() or info.filename.rsplit("/", 1)[-1].startswith("."):
                        continue
                    target = Path(tmp) / f"{number:05d}_{Path(info.filename).name}"
                    _check_declared_size(path, info)
                    _unpack_capped(archive, info, target, path)
                    members.append(InputFile(f"{path}!{info.filename}", target))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise InputError(f"{path}: truncated or corrupt zip archive ({exc}); nothing imported from it") from None
        if not members:
            raise InputError(f"{path}: zip archive holds no files")
        yield members


def _refuse_bomb(path: Path, info: zipfile.ZipInfo, size: int) -> InputError:
    return InputError(f"{path}: member {info.filename} inflates to over {size:,} bytes from "
                      f"{info.compress_size:,} (possible zip bomb); nothing imported from it")


def _check_declared_size(path: Path, info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_UNPACKED_BYTES or (
            info.file_size > RATIO_APPLIES_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
        raise _refuse_bomb(path, info, info.file_size)


def _unpack_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, path: Path) -> None:
    limit = min(MAX_UNPACKED_BYTES, max(RATIO_APPLIES_ABOVE, MAX_RATIO * max(info.compress_size, 1)))
    written = 0
    with archive.open(info) as src, open(target, "wb") as dst:
        while True:
            chunk = src.read(1 << 20)
            if not chunk:
                return
            written += len(chunk)
            if written > limit:
                raise _refuse_bomb(path, info, limit)
            dst.write(chunk)


def first_line(file: InputFile, limit: int = 1 << 16) -> str:
    """The first line of a plain or gzip file, decoded leniently (for format sniffing)."""
    try:
        if file.compression == "gzip":
            with gzip.open(file.path, "rb") as handle:
                raw = handle.readline(limit)
        else:
            with open(file.path, "rb") as handle:
                raw = handle.readline(limit)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{file.name}: cannot read ({exc})") from None
    return raw.decode("utf-8", errors="replace").lstrip("\ufeff").rstrip("\r\n")
