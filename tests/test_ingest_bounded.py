"""A file with an endless line is refused early, naming the line, without filling memory."""

from __future__ import annotations

import codecs
import tracemalloc

import pytest

from fibrolog.ingest import IngestError, parse_apple_health
from fibrolog.ingest.text import CsvFile

SIZE = 40 * 1024 * 1024  # far beyond any line a person's export holds
SMALL = 8 * 1024 * 1024  # what reading it may cost at most


class Generated:
    """A binary stream of `head` then `size` bytes of `fill`, made as it is read."""

    def __init__(self, head: bytes, size: int, fill: bytes = b"7") -> None:
        self.head, self.left, self.fill = head, size, fill
        self.read_so_far = 0

    def read(self, size: int = -1, /) -> bytes:
        if size < 0:
            raise AssertionError("a reader asked for everything at once")
        out, self.head = self.head[:size], self.head[size:]
        more = min(size - len(out), self.left)
        self.left -= more
        out += self.fill * (more // len(self.fill))
        self.read_so_far += len(out)
        return out


def _refused_cheaply(stream: Generated) -> IngestError:
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as caught:
            list(CsvFile(stream, "endless.csv"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < SMALL, f"reading used {peak / 2**20:.0f} MiB"
    assert stream.read_so_far < SMALL, "it kept reading after the line was too long"
    return caught.value


def test_it_refuses_a_header_without_an_end():
    error = _refused_cheaply(Generated(b"date,", SIZE))
    assert (error.file, error.line) == ("endless.csv", 1)
    assert "too long" in error.message


def test_it_refuses_a_row_without_an_end_naming_its_line():
    error = _refused_cheaply(Generated(b"date,pain\n2026-01-01,4\n2026-01-02,", SIZE))
    assert error.line == 3 and "too long" in error.message


def test_it_refuses_an_endless_utf16_line():
    head = codecs.BOM_UTF16_LE + "date,pain\n".encode("utf-16-le")
    error = _refused_cheaply(Generated(head, SIZE, "7".encode("utf-16-le")))
    assert error.line == 2 and "too long" in error.message


def test_it_refuses_an_endless_xml_attribute_naming_its_line(tmp_path):
    export = tmp_path / "export.xml"
    with export.open("wb") as out:
        out.write(b'<?xml version="1.0"?>\n<HealthData locale="en">\n<Record value="')
        for _ in range(SIZE >> 20):
            out.write(b"7" * (1 << 20))
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as caught:
            list(parse_apple_health(export))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * SMALL, f"reading used {peak / 2**20:.0f} MiB"
    assert caught.value.line == 3 and "too long" in caught.value.message
