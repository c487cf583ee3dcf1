"""Test settings: the real settings, with a throwaway data directory and a real database.

SQLite (a real file) by default; `FIBROLOG_TEST_DB=postgres` runs the same suite on a throwaway
PostgreSQL cluster that tests/postgres.py starts on a Unix socket and removes at the end.
"""

import os
import tempfile

os.environ.setdefault("FIBROLOG_DATA_DIR", tempfile.mkdtemp(prefix="fibrolog-test-"))
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    # pytest -n: workers inherit the controller's directory; each gets its own database and uploads.
    os.environ["FIBROLOG_DATA_DIR"] = os.path.join(os.environ["FIBROLOG_DATA_DIR"], worker)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API in tests

from fibrolog.settings import *  # noqa: F403
from fibrolog.settings import DATA_DIR, DATABASES

TEST_DB = os.environ.get("FIBROLOG_TEST_DB", "sqlite")
if TEST_DB == "postgres":
    from tests import postgres

    DATABASES["default"] = postgres.database_settings(postgres.cluster())
elif TEST_DB == "sqlite":
    # A file, not :memory:, so the browser test's live server and the tests share one database.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
else:
    raise ValueError(f"FIBROLOG_TEST_DB={TEST_DB!r}: use sqlite or postgres")
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Jobs run at once, after the commit that queued them; tests of durability use the database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
