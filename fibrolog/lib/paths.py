"""Where fibrolog keeps its files on this machine."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """Return the data directory (FIBROLOG_DATA_DIR or the user data dir), creating it 0700."""
    raw = os.environ.get("FIBROLOG_DATA_DIR")
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("fibrolog"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def make_private(root: Path, files: tuple[Path, ...] = ()) -> None:
    """Make `root` and every folder under it 0700 and every file 0600 (plus `files`, if present).

    Health data must not be readable by other local users, whatever created the files (an older
    version, a backup tool, a copy with an open umask). Symbolic links are left alone.
    """
    for path, mode in [(root, 0o700), *_tree(root), *((f, 0o600) for f in files)]:
        try:
            if not path.is_symlink() and path.stat().st_mode & 0o777 != mode:
                path.chmod(mode)
        except OSError:  # gone meanwhile, or not ours: nothing sensible to do at start
            continue


def _tree(root: Path) -> list[tuple[Path, int]]:
    out = []
    for folder, dirs, names in os.walk(root):
        out += [(Path(folder, d), 0o700) for d in dirs]
        out += [(Path(folder, n), 0o600) for n in names]
    return out


def read_or_create_secret(path: Path) -> str:
    """Return the secret stored at `path`, writing a new random one (mode 0600) the first time."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    secret = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race: use its key
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secret)
    return secret


def read_secret_file(path: Path) -> str:
    """Return the secret stored at `path`; raise ValueError if it is missing or empty."""
    try:
        secret = path.read_text().strip()
    except OSError as exc:
        raise ValueError(f"FIBROLOG_SECRET_KEY_FILE: cannot read {path} ({exc.strerror})") from None
    if not secret:
        raise ValueError(f"FIBROLOG_SECRET_KEY_FILE: {path} is empty")
    return secret
