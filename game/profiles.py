"""Profiles on one machine (a shared workshop laptop, a family computer), each
with its own progress file. ``profiles.json`` lists them and says which was
used last; ``progress/<id>.json`` holds each one's progress."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.play.progress import UPGRADES, Progress
from game.play.progress import VERSION as PROGRESS_VERSION
from game.storage import Loaded, read_json, set_aside, write_json

VERSION = 1
MAX_NAME = 40  # characters: fits the title screen's list at every text size


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    created: float


class BadName(ValueError):
    """A name that can't be used; ``args[0]`` is one of empty, too-long, taken."""


def clean_name(name: str) -> str:
    """The name as it is kept: composed (NFC), control characters dropped,
    spaces collapsed."""
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" or ch == " ")
    return " ".join(name.split())


class Profiles:
    def __init__(self, folder: Path, now: Callable[[], float] = time.time):
        self.folder = folder
        self.now = now
        self.entries: list[Profile] = []
        self.current: str | None = None
        self.problems: list[tuple[str, Loaded]] = []  # (file name, what went wrong)

    @property
    def file(self) -> Path:
        return self.folder / "profiles.json"

    def progress_file(self, profile_id: str) -> Path:
        return self.folder / "progress" / f"{profile_id}.json"

    def load(self) -> None:
        loaded = read_json(self.file, VERSION, now=self.now)
        self.entries, self.current = [], None
        if loaded.problem:
            self.problems.append((self.file.name, loaded))
        document = loaded.document or {}
        try:
            for item in document.get("profiles", []):
                name = clean_name(str(item["name"]))[:MAX_NAME]
                if name and str(item["id"]).isalnum():
                    self.entries.append(Profile(str(item["id"]), name,
                                                float(item.get("created", 0))))
        except (KeyError, TypeError, ValueError):
            self.entries = []
        current = document.get("current")
        if any(p.id == current for p in self.entries):
            self.current = current

    def save(self) -> None:
        """Raises SaveError when the folder can't be written."""
        write_json(self.file, {
            "version": VERSION, "current": self.current,
            "profiles": [{"id": p.id, "name": p.name, "created": round(p.created)}
                         for p in self.entries]})

    def get(self, profile_id: str | None) -> Profile | None:
        return next((p for p in self.entries if p.id == profile_id), None)

    def check_name(self, name: str, keep: str | None = None) -> str:
        name = clean_name(name)
        if not name:
            raise BadName("empty")
        if len(name) > MAX_NAME:
            raise BadName("too-long")
        if any(p.name.casefold() == name.casefold() and p.id != keep for p in self.entries):
            raise BadName("taken")
        return name

    def create(self, name: str) -> Profile:
        import uuid  # only when a profile is made, not at every start

        profile = Profile(uuid.uuid4().hex[:12], self.check_name(name), self.now())
        self.entries.append(profile)
        self.current = profile.id
        return profile

    def rename(self, profile_id: str, name: str) -> None:
        name = self.check_name(name, keep=profile_id)
        self.entries = [Profile(p.id, name, p.created) if p.id == profile_id else p
                        for p in self.entries]

    def delete(self, profile_id: str) -> None:
        """Forget the profile and its progress (the player has confirmed)."""
        self.entries = [p for p in self.entries if p.id != profile_id]
        if self.current == profile_id:
            self.current = None
        self.progress_file(profile_id).unlink(missing_ok=True)

    def load_progress(self, profile_id: str) -> Progress:
        path = self.progress_file(profile_id)
        loaded = read_json(path, PROGRESS_VERSION, UPGRADES, now=self.now)
        if loaded.problem:
            self.problems.append((path.name, loaded))
        if loaded.document is None:
            return Progress()
        try:
            return Progress.from_json(loaded.document)
        except (KeyError, TypeError, ValueError, AttributeError):
            self.problems.append((path.name, set_aside(path, "damaged", self.now)))
            return Progress()

    def save_progress(self, profile_id: str, progress: Progress) -> None:
        """Raises SaveError when the folder can't be written."""
        write_json(self.progress_file(profile_id), progress.to_json())
