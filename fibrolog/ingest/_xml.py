"""Drive pyexpat over a stream safely: no DTD, no entities, no control bytes, bounded memory."""

from __future__ import annotations

import pyexpat
import re
from collections.abc import Iterator
from typing import Any

from fibrolog.ingest.records import IngestError
from fibrolog.ingest.sources import Readable

CHUNK = 1 << 20
HEAD_LIMIT = 8 << 20  # the real DTD is ~10 KB; give up on finding the root element after this
STALL_LIMIT = 4 << 20  # bytes expat may buffer without finishing one token (a record is ~300 B)

# Control bytes XML 1.0 forbids (all but tab, LF, CR): iOS 16 exports contain stray 0x0B.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 13))
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")


def strip_doctype(head: bytes, root: bytes) -> bytes:
    """Blank out the DOCTYPE (internal subset included), keeping its newlines for line numbers."""
    root_at = head.find(root)
    match = _DOCTYPE.search(head, 0, root_at)
    if match is None:
        return head
    start = match.start()
    subset_end = head.rfind(b"]>", start, root_at)
    end = subset_end + 2 if subset_end >= 0 else head.find(b">", start, root_at) + 1
    if end <= start:
        return head
    blank = b"\n" * head.count(b"\n", start, end)
    return head[:start] + blank + head[end:]


def _refuse_entities(*_: Any) -> None:
    raise _EntityRefused


class _EntityRefused(Exception):
    pass


def new_parser() -> pyexpat.XMLParserType:
    """Return an expat parser that refuses entity declarations and external references."""
    parser = pyexpat.ParserCreate()
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities  # type: ignore[assignment]
    parser.buffer_text = False
    return parser


def feed(
    parser: pyexpat.XMLParserType,
    stream: Readable,
    name: str,
    root: bytes,
    pending: list[Any],
) -> Iterator[Any]:
    """Parse the stream chunk by chunk, yielding what the handlers append to `pending`."""
    head = b""
    while root not in head:
        chunk = stream.read(CHUNK)
        if not chunk or len(head) > HEAD_LIMIT:
            raise IngestError(name, f"not the expected file: no <{root[1:].decode()}> element")
        head += chunk
    data = strip_doctype(head, root)
    at, stalled = parser.CurrentByteIndex, 0
    while True:
        try:
            parser.Parse(data.translate(None, _CONTROL), not data)
        except pyexpat.ExpatError as error:
            message = pyexpat.errors.messages[error.code]
            raise IngestError(name, message, error.lineno, error.offset + 1) from None
        except _EntityRefused:
            raise IngestError(
                name,
                "entity declarations and external references are refused (unsafe XML)",
                parser.CurrentLineNumber,
                parser.CurrentColumnNumber + 1,
            ) from None
        # One unfinished token (an endless attribute) would have expat buffer the whole file.
        stalled = stalled + len(data) if parser.CurrentByteIndex == at else 0
        at = parser.CurrentByteIndex
        if stalled > STALL_LIMIT:
            too_long = "one element is far too long (over 4 MiB): not an export"
            raise IngestError(name, too_long, parser.CurrentLineNumber)
        if pending:
            yield from pending
            pending.clear()
        if not data:
            return
        data = stream.read(CHUNK)
