"""Read zip archives people upload without trusting them: every parser opens zips through here.

Nothing is ever extracted to disk. An archive is refused whole when any entry has `..` or an
absolute path, is a link, is encrypted, declares an absurd size or compression ratio, or when
there are too many entries; an entry is read through a byte cap equal to its declared size.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from fibrolog.ingest.records import IngestError, Progress
from fibrolog.ingest.sources import CountingReader

GiB = 1 << 30


@dataclass(frozen=True)
class ZipLimits:
    """What an archive may hold; the defaults fit the largest real exports (4 GB of XML)."""

    max_entries: int = 100_000
    max_entry_bytes: int = 16 * GiB
    max_total_bytes: int = 64 * GiB
    max_ratio: float = 100.0  # real exports compress 17-20x; deflate bombs reach ~1000x
    ratio_checked_above: int = 1 << 20  # tiny files may compress very well and harm nobody


class _Guarded(CountingReader):
    """Turn the zip module's many failure modes into one clear IngestError."""

    def read(self, size: int | None = -1, /) -> bytes:
        try:
            return super().read(size)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise IngestError(self._name, f"the archive is damaged ({error})") from None

    def close(self) -> None:
        closer = getattr(self._raw, "close", None)
        if closer is not None:
            closer()
        super().close()


class SafeZip:
    """An uploaded zip archive, checked entry by entry before anything is read from it."""

    def __init__(self, fileobj: IO[bytes], name: str, limits: ZipLimits | None = None) -> None:
        self.name = name
        self.limits = limits or ZipLimits()
        try:
            self._zip = zipfile.ZipFile(fileobj)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError):
            raise IngestError(
                name,
                "this is not a complete zip archive: it may be truncated "
                "(was the download or copy finished?)",
            ) from None
        self._check()

    def _check(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            self._refuse(f"it has {len(infos):,} entries (at most {self.limits.max_entries:,})")
        total = 0
        for info in infos:
            total += info.file_size
            self._check_entry(info)
        if total > self.limits.max_total_bytes:
            self._refuse(f"it would unpack to {total:,} bytes")

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if ".." in parts:
            self._refuse(f"the entry {name!r} points outside the archive ('..')")
        if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
            self._refuse(f"the entry {name!r} has an absolute path")
        if info.create_system == 3 and (info.external_attr >> 16) & 0o170000 == 0o120000:
            self._refuse(f"the entry {name!r} is a symbolic link")
        if info.flag_bits & 0x1:
            self._refuse(f"the entry {name!r} is encrypted")
        if info.file_size > self.limits.max_entry_bytes:
            self._refuse(f"the entry {name!r} declares {info.file_size:,} bytes")
        if info.file_size > self.limits.ratio_checked_above and (
            info.compress_size == 0 or info.file_size / info.compress_size > self.limits.max_ratio
        ):
            ratio = info.file_size / max(info.compress_size, 1)
            self._refuse(f"the entry {name!r} expands {ratio:,.0f} times (a zip bomb?)")

    def _refuse(self, why: str) -> None:
        raise IngestError(self.name, f"refusing this archive: {why}")

    def files(self) -> list[zipfile.ZipInfo]:
        """Return the file entries (not folders), in archive order."""
        return [info for info in self._zip.infolist() if not info.is_dir()]

    def open(self, info: zipfile.ZipInfo, progress: Progress | None = None) -> CountingReader:
        """Open one entry for streaming, capped at its declared size."""
        try:
            raw = self._zip.open(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
            raise IngestError(self.name, f"cannot read {info.filename!r} ({error})") from None
        return _Guarded(
            raw,
            f"{self.name}:{info.filename}",
            total=info.file_size,
            progress=progress,
            cap=info.file_size,
        )

    def head(self, info: zipfile.ZipInfo, size: int = 1024) -> bytes:
        """Return the first `size` bytes of an entry."""
        reader = self.open(info)
        try:
            return reader.read(size)
        finally:
            reader.close()

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_zip(head: bytes) -> bool:
    """Return True when these first bytes start a zip archive (or an empty one)."""
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")
