"""Build a FHIR R4 Bundle (type collection) of a person's diary, questionnaires and treatments.

The resources come from fhir_resources (shared with the FHIR API); here they are gathered in
one file, pointing at each other by `urn:uuid:<id>`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fibrolog.archive.export import fhir_resources as fr
from fibrolog.archive.export.fhir_resources import SOURCE_SYSTEM, Ids, Source

__all__ = ["SOURCE_SYSTEM", "Ids", "bundle", "entry", "resources", "write_fhir"]


def entry(resource: dict[str, Any]) -> dict[str, Any]:
    """Return a Bundle entry for `resource`."""
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def resources(user, *, name: str = "") -> list[dict[str, Any]]:
    """Return every resource of the export, in the file's order."""
    src = Source(user)
    out = [fr.patient(src, name=name), *fr.daily(src), *fr.flares(src)]
    return out + fr.responses(src) + fr.medications(src)


def bundle(user, *, name: str = "", exported_at: datetime | None = None) -> dict[str, Any]:
    """Return the Bundle; the Patient carries a name only when `name` is given."""
    moment = (exported_at or datetime.now(UTC)).astimezone(UTC)
    return {
        "resourceType": "Bundle",
        "id": Ids(user)("bundle"),
        "type": "collection",
        "timestamp": moment.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "entry": [entry(r) for r in resources(user, name=name)],
    }


def write_fhir(user, path, *, name: str = "") -> int:
    """Write the Bundle as JSON to `path` and return the number of resources."""
    import json

    from fibrolog.archive.export.document import write_private

    doc = bundle(user, name=name)
    write_private(path, (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
    return len(doc["entry"])
