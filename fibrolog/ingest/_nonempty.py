"""One rule for every importer: a file that yields no records is an error, never a silent success.

`@must_yield("what the parser expected")` wraps a `parse_KIND(src, ...)` generator; when it ends
without a single record, the wrapper raises `IngestError` naming what was expected and what the
file holds (its header line, or the files of a zip or folder), read again from the start.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ParamSpec, TypeVar

from fibrolog.ingest.records import IngestError
from fibrolog.ingest.safezip import SafeZip, is_zip
from fibrolog.ingest.sources import Input, display_name, open_binary, sniff

P = ParamSpec("P")
T = TypeVar("T")

HEAD_BYTES = 4096
SHOWN = 12  # file names listed in the message, at most


def must_yield(expected: str) -> Callable[[Callable[P, Iterator[T]]], Callable[P, Iterator[T]]]:
    """Make a parser raise, naming `expected` and what the file holds, when it yields nothing."""

    def decorate(parse: Callable[P, Iterator[T]]) -> Callable[P, Iterator[T]]:
        @functools.wraps(parse)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> Iterator[T]:
            found = False
            for record in parse(*args, **kwargs):
                found = True
                yield record
            if not found:
                src = args[0] if args else kwargs["src"]
                raise IngestError(
                    display_name(src),  # type: ignore[arg-type]
                    f"nothing to import: expected {expected}; {describe(src)}",  # type: ignore[arg-type]
                )

        return wrapper

    return decorate


def describe(src: Input) -> str:
    """Say in a few words what a file, zip or folder holds (its header, or its file names)."""
    if isinstance(src, str | os.PathLike) and Path(src).is_dir():
        names = sorted(p.name for p in Path(src).rglob("*") if p.is_file())
        return _names("the folder", names)
    name = display_name(src)
    try:
        with open_binary(src) as (raw, _):
            if is_zip(sniff(raw, name)):
                with SafeZip(raw, name) as archive:
                    return _names("the zip", [i.filename for i in archive.files()])
            head = raw.read(HEAD_BYTES)
    except (IngestError, OSError):
        return "the file could not be read again to say what it holds"
    return _header(head)


def _names(what: str, names: list[str]) -> str:
    if not names:
        return f"{what} is empty"
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return f"{what} holds {', '.join(names[:SHOWN])}{more}"


def _header(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "replace")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or "\ufffd" in lines[0] or "\x00" in lines[0]:
        return "the file is not text with a header line"
    first = lines[0] if len(lines[0]) <= 300 else lines[0][:300] + "..."
    return f"the file's first line holds: {first}"
