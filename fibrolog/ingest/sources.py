"""Open what a person hands over (a path or an open binary file) and count the bytes read."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import IO, Protocol, Union

from fibrolog.ingest.records import IngestError, Progress

Input = Union[str, "os.PathLike[str]", IO[bytes]]


class Readable(Protocol):
    """Anything with a binary read(): a file, a zip entry, a counting wrapper."""

    def read(self, size: int = ..., /) -> bytes: ...


PROGRESS_EVERY = 1 << 20  # report at most once per MiB: a callback per read would slow parsing


def display_name(src: Input) -> str:
    """Return a short name for error messages: the file name, never the full path."""
    if isinstance(src, str | os.PathLike):
        return os.path.basename(os.fspath(src))
    name = getattr(src, "name", "")
    return os.path.basename(name) if isinstance(name, str) and name else "<upload>"


@contextlib.contextmanager
def open_binary(src: Input) -> Iterator[tuple[IO[bytes], int | None]]:
    """Yield a binary stream and its size in bytes (None when unknown); close only what we open."""
    if isinstance(src, str | os.PathLike):
        try:
            handle = open(src, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            raise IngestError(
                display_name(src), f"cannot open the file ({error.strerror})"
            ) from None
        with handle:
            yield handle, os.fstat(handle.fileno()).st_size
        return
    size, position = None, None
    with contextlib.suppress(AttributeError, OSError, io.UnsupportedOperation):
        position = src.tell()
        size = src.seek(0, io.SEEK_END) - position
        src.seek(position)
    try:
        yield src, size
    finally:
        if position is not None:  # rewind, so a preview and an import can read the same upload
            with contextlib.suppress(OSError, ValueError):
                src.seek(position)


class CountingReader(io.RawIOBase):
    """A read-only stream that counts bytes, reports progress and refuses more than `cap` bytes."""

    def __init__(
        self,
        raw: Readable,
        name: str,
        *,
        total: int | None = None,
        progress: Progress | None = None,
        cap: int | None = None,
    ) -> None:
        self._raw = raw
        self._name = name
        self._total = total
        self._progress = progress
        self._cap = cap
        self.count = 0
        self._next_report = PROGRESS_EVERY

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int | None = -1, /) -> bytes:
        data = self._raw.read(-1 if size is None else size)
        self.count += len(data)
        if self._cap is not None and self.count > self._cap:
            raise IngestError(
                self._name, f"more data than the {self._cap:,} bytes allowed: refusing it"
            )
        if self._progress is not None and (self.count >= self._next_report or not data):
            self._next_report = self.count + PROGRESS_EVERY
            self._progress(self.count, self._total)
        return data


def sniff(raw: IO[bytes], name: str, size: int = 4) -> bytes:
    """Return the first bytes of a stream and rewind it (uploads must be seekable)."""
    try:
        position = raw.tell()
        head = raw.read(size)
        raw.seek(position)
    except (OSError, io.UnsupportedOperation, AttributeError):
        raise IngestError(name, "cannot read this upload (the stream is not seekable)") from None
    return head
