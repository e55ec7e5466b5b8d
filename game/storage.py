"""Where a player's data lives: platformdirs by default, or a folder the
player names (``--data-dir``, or the SERVICE_MARATHON_DATA variable) for tests
and for a portable copy on a USB stick."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "SERVICE_MARATHON_DATA"
APP_NAME = "service-marathon"


class DataDirError(Exception):
    """The data folder can't be used; the message is one line for the player."""


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    chosen = option or environ.get(ENV_VAR)
    return Path(chosen).expanduser() if chosen else default_data_dir()


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
