"""Text and CSV files people upload: encoding detection, BOMs, row-numbered errors."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from fibrolog.ingest.records import IngestError, Progress
from fibrolog.ingest.sources import CountingReader, Readable

MAX_LINE = 1 << 20  # a "line" longer than 1 MiB is not a CSV people exported

TOO_LONG = "this line is far too long for a CSV file (over 1 MiB without a line break)"

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def text_lines(stream: IO[bytes], name: str) -> Iterator[str]:
    """Yield decoded lines: UTF-8 with or without BOM, or UTF-16 with BOM; else a clear error."""
    head = stream.read(4)
    if head.startswith(_UTF16_BOMS):
        yield from _utf16_lines(head, stream, name)
        return
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    for number, line in enumerate(_byte_lines(head, stream), start=1):
        if len(line) >= MAX_LINE:
            raise IngestError(name, TOO_LONG, number)
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as error:
            raise IngestError(name, _not_utf8(line, error), number, _column(line, error)) from None


def _byte_lines(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """Yield lines; a line reaching MAX_LINE is yielded cut there, and nothing more is read."""
    buffer = head
    while True:
        cut = buffer.find(b"\n")
        if cut >= 0:
            yield buffer[: cut + 1]
            buffer = buffer[cut + 1 :]
            continue
        if len(buffer) >= MAX_LINE:
            yield buffer
            return
        more = stream.readline(MAX_LINE - len(buffer))
        if not more:
            if buffer:
                yield buffer
            return
        buffer += more


def _utf16_lines(head: bytes, stream: IO[bytes], name: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-16")("strict")
    number, partial, data = 1, "", head
    while True:
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise IngestError(name, "this UTF-16 file has broken characters", number) from None
        lines = (partial + text).splitlines(keepends=True)
        partial = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) and data else ""
        if len(partial) >= MAX_LINE // 2:  # two bytes a character: the same bound as UTF-8
            raise IngestError(name, TOO_LONG, number)
        for line in lines:
            yield line
            number += 1
        if not data:
            if partial:
                yield partial
            return
        data = stream.read(1 << 16)


def _not_utf8(line: bytes, error: UnicodeDecodeError) -> str:
    byte = line[error.start]
    if b"\x00" in line:
        return "this looks like UTF-16 without a byte-order mark: save it as UTF-8 and try again"
    return (
        f"this file is not UTF-8 text (byte 0x{byte:02x}): save or export it as UTF-8 "
        "(or UTF-16) and try again"
    )


def _column(line: bytes, error: UnicodeDecodeError) -> int:
    return len(line[: error.start].decode("utf-8", "replace")) + 1


@dataclass(frozen=True)
class Row:
    """One CSV record: its first physical line number and its cells by column name."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


class CsvFile:
    """A CSV read as rows of named cells; the header is checked before any row is read."""

    def __init__(
        self,
        stream: Readable,
        name: str,
        *,
        progress: Progress | None = None,
        total: int | None = None,
        skip_lines: int = 0,
        delimiters: str = ",;\t",
    ) -> None:
        self.name = name
        counted = CountingReader(stream, name, total=total, progress=progress)
        lines = text_lines(io.BufferedReader(counted, 1 << 16), name)
        for _ in range(skip_lines):
            next(lines, None)
        first = next(lines, "")
        if not first.strip():
            raise IngestError(name, "the file is empty (no header line)", 1 + skip_lines)
        delimiter = max(delimiters, key=first.count)
        self._offset = skip_lines
        self._reader = csv.reader(_chain([first], lines), delimiter=delimiter)
        self.header = [cell.strip() for cell in next(self._reader)]

    def require(self, columns: Iterable[str], *, what: str = "this file") -> None:
        """Raise unless every column is in the header (naming the missing and the present)."""
        missing = [c for c in columns if c not in self.header]
        if missing:
            raise IngestError(
                self.name,
                f"{what} needs the column(s) {', '.join(missing)}; "
                f"the header has: {', '.join(self.header)}",
                1 + self._offset,
            )

    def __iter__(self) -> Iterator[Row]:
        width = len(self.header)
        line = self._reader.line_num
        try:
            for values in self._reader:
                start, line = line + 1, self._reader.line_num
                if not values or not any(v.strip() for v in values):
                    continue
                if len(values) > width:
                    raise IngestError(
                        self.name,
                        f"{len(values)} cells where the header has {width} columns",
                        start + self._offset,
                    )
                yield Row(start + self._offset, _first_wins(self.header, values))
        except csv.Error as error:
            raise IngestError(self.name, f"broken CSV ({error})", line + 1 + self._offset) from None


def _first_wins(header: Sequence[str], values: Sequence[str]) -> dict[str, str]:
    """Map names to cells; a duplicated column name (Oura's) keeps its first cell."""
    cells: dict[str, str] = {}
    for i, name in enumerate(header):
        if name not in cells:
            cells[name] = values[i] if i < len(values) else ""
    return cells


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest
