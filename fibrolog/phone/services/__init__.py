"""The phone's use cases: replay a queued check-in once; describe the installable app."""

from fibrolog.phone.services.install import manifest_document, worker_script
from fibrolog.phone.services.sync import ALREADY, INVALID, SAVED, SyncResult, apply_queued

__all__ = [
    "ALREADY",
    "INVALID",
    "SAVED",
    "SyncResult",
    "apply_queued",
    "manifest_document",
    "worker_script",
]
