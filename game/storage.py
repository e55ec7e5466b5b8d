"""Where a player's data lives, and how it is read and written safely.

Folders: platformdirs by default (settings in the user config dir, profiles
and progress in the user data dir); a folder the player names with
``--data-dir`` or the SERVICE_MARATHON_DATA variable holds both; and in
portable mode (a folder called ``portable-data`` beside the game, for a copy
on a USB stick) everything stays there.

Files are JSON documents with a ``version``. A write goes to a temporary file
in the same folder, is flushed to the disk and then replaces the old file in
one step (``os.replace``), so a crash or a second copy of the game writing at
the same moment leaves either the old file or the new one, never half of
each. A file that can't be read (corrupt, truncated, empty, not JSON, from a
newer version) is moved aside with a timestamp, never deleted, and the caller
gets defaults and a one-line notice for the player.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_VAR = "SERVICE_MARATHON_DATA"
APP_NAME = "service-marathon"
PORTABLE_FOLDER = "portable-data"
MAX_FILE_BYTES = 8 * 1024 * 1024  # a progress file this big is not ours

Upgrade = Callable[[dict], dict]


class DataDirError(Exception):
    """The data folder can't be used; the message is one line for the player."""


class SaveError(Exception):
    """A document could not be written; the message is one line for the log,
    ``file`` and ``reason`` are for the player's notice."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"can't save {file}: {reason}")
        self.file = file
        self.reason = reason


@dataclass(frozen=True)
class Folders:
    """Where settings and where profiles and progress are kept."""

    config: Path
    data: Path


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def resolve_folders(option: str | None, install: Path,
                    environ: Mapping[str, str] = os.environ) -> Folders:
    """``--data-dir``, then the environment variable, then portable mode,
    then the platform's folders."""
    chosen = option or environ.get(ENV_VAR)
    if chosen:
        folder = Path(chosen).expanduser()
        return Folders(folder, folder)
    portable = install / PORTABLE_FOLDER
    if portable.is_dir():
        return Folders(portable, portable)
    return Folders(default_config_dir(), default_data_dir())


def prepare_data_dir(path: Path) -> Path:
    """Create the folder if needed; raise DataDirError if it can't be a folder."""
    if path.exists() and not path.is_dir():
        raise DataDirError(f"the data folder {path} is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataDirError(
            f"can't create the data folder {path}: {error.strerror or error}"
        ) from None
    return path


def write_json(path: Path, document: dict) -> None:
    """Write ``document`` to ``path`` atomically; SaveError says why not."""
    write_text_atomic(path, json.dumps(document, ensure_ascii=False, indent=1,
                                       sort_keys=True) + "\n")


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` in one step (see write_bytes_atomic)."""
    write_bytes_atomic(path, text.encode(encoding))


_TEMP_NUMBERS = itertools.count()


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step: a temporary file beside it
    (created exclusively, so two copies of the game never share one),
    flushed to the disk, then renamed over it. SaveError says why not."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            candidate = path.with_name(
                f".{path.name}.{os.getpid()}.{next(_TEMP_NUMBERS)}.tmp")
            try:
                handle = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                break
            except FileExistsError:  # left by a copy of the game that was killed
                continue
        temp = candidate
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as error:
        raise SaveError(path.name, str(error.strerror or error)) from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()


@dataclass(frozen=True)
class Loaded:
    """What ``read_json`` found: the document (None: use defaults) and, if
    the file was unusable, why (one of PROBLEMS) and the name it was moved
    aside to (None if it could not be moved)."""

    document: dict | None
    problem: str | None = None
    aside: str | None = None


# why a file could not be used; the interface words each for the player
PROBLEMS = ("unreadable", "too-large", "empty", "damaged", "no-version", "newer",
            "no-upgrade")


def read_json(path: Path, version: int, upgrades: Mapping[int, Upgrade] | None = None,
              now: Callable[[], float] = time.time) -> Loaded:
    """Read a versioned document. ``upgrades[n]`` turns a version-n document
    into version n+1. A missing file is no problem (None, no notice)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return set_aside(path, "too-large", now)
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(None)
    except OSError:
        return Loaded(None, "unreadable")
    if not raw.strip():
        return set_aside(path, "empty", now)
    try:
        document: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # nested beyond reason too
        return set_aside(path, "damaged", now)
    found = document.get("version") if isinstance(document, dict) else None
    if not isinstance(found, int) or isinstance(found, bool):
        return set_aside(path, "no-version", now)
    if found > version:
        return set_aside(path, "newer", now)
    try:
        while document["version"] < version:
            document = (upgrades or {})[document["version"]](dict(document))
    except (KeyError, TypeError, ValueError, AttributeError):
        return set_aside(path, "no-upgrade", now)
    return Loaded(document)


def set_aside(path: Path, problem: str, now: Callable[[], float]) -> Loaded:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now()))
    aside = path.with_name(f"{path.stem}.{stamp}.unreadable{path.suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.stem}.{stamp}-{number}.unreadable{path.suffix}")
    try:
        os.replace(path, aside)
    except OSError:
        return Loaded(None, problem)
    return Loaded(None, problem, aside.name)
