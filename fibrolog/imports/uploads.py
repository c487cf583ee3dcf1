"""The upload size limit: one place for the number, the message and the request guard."""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

MB = 1024 * 1024


def max_upload_bytes() -> int:
    """Return the largest upload accepted, from FIBROLOG_MAX_UPLOAD_MB."""
    return int(settings.FIBROLOG_MAX_UPLOAD_MB * MB)


def check_upload_size(size: int) -> None:
    """Raise a ValidationError saying the size and the limit if `size` is over the limit."""
    if size > max_upload_bytes():
        raise ValidationError(
            f"This file is {size / MB:.1f} MB; uploads can be up to "
            f"{settings.FIBROLOG_MAX_UPLOAD_MB:g} MB (FIBROLOG_MAX_UPLOAD_MB). For a larger "
            "export, import it on this computer: fibrolog import KIND FILE"
        )


class TooLarge(UploadedFile):
    """What is left of an upload past the limit: its name and size, and no content."""

    def __init__(self, name: str, size: int) -> None:
        super().__init__(io.BytesIO(), name, "application/octet-stream", size)


class LimitedUploadHandler(FileUploadHandler):
    """Count each uploaded file's bytes; past the limit, keep counting but store nothing more."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        return None if self.received > max_upload_bytes() else raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if self.received > max_upload_bytes():
            return TooLarge(self.file_name or "upload", self.received)
        return None  # the next handler (memory or temporary file) returns the file
