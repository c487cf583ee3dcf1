"""Walk the files of an export given as a zip, a folder, or one file, matching their names."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from fibrolog.ingest.records import IngestError, Progress
from fibrolog.ingest.safezip import SafeZip, ZipLimits, is_zip
from fibrolog.ingest.sources import (
    CountingReader,
    Input,
    Readable,
    display_name,
    open_binary,
    sniff,
)

MAX_MEMBER_BYTES = 1 << 30  # one CSV or JSON file of an export larger than 1 GiB is refused


def members(
    src: Input,
    patterns: tuple[str, ...],
    *,
    progress: Progress | None = None,
    zip_limits: ZipLimits | None = None,
) -> Iterator[tuple[str, Readable]]:
    """Yield (base name, binary stream) for every file whose base name matches a pattern.

    Folders are walked in sorted order; zips in archive order. Symbolic links in a folder are
    not followed.
    """
    if isinstance(src, str | os.PathLike) and Path(src).is_dir():
        for path in sorted(Path(src).rglob("*")):
            if path.is_file() and not path.is_symlink() and _matches(path.name, patterns):
                with open_binary(path) as (stream, size):
                    if size is not None and size > MAX_MEMBER_BYTES:
                        raise IngestError(path.name, "this file is too large to import")
                    yield path.name, CountingReader(stream, path.name, total=size)
        return
    name = display_name(src)
    with open_binary(src) as (raw, size):
        if not is_zip(sniff(raw, name)):
            yield name, CountingReader(raw, name, total=size, progress=progress)
            return
        with SafeZip(raw, name, zip_limits) as archive:
            done = 0
            for info in archive.files():
                base = info.filename.rsplit("/", 1)[-1]
                if info.filename.startswith("__MACOSX/") or not _matches(base, patterns):
                    continue
                if info.file_size > MAX_MEMBER_BYTES:
                    raise IngestError(name, f"{info.filename} is too large to import")
                report = _offset(progress, done)
                with archive.open(info, report) as stream:
                    yield base, stream
                done += info.file_size


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def _offset(progress: Progress | None, done: int) -> Progress | None:
    if progress is None:
        return None
    return lambda count, _total: progress(done + count, None)
