"""The person at the keyboard: their settings, their profile and its
progress, loaded at start and saved on every change.

Nothing here stops play. A file that can't be read is set aside and noted in
``problems``; a save that fails is noted in ``save_error`` and tried again on
the next change. With no folders (the demo, the checker) nothing is saved.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from dataclasses import replace

from game.play.progress import Attempt, Progress
from game.profiles import Profile, Profiles
from game.settings import VERSION as SETTINGS_VERSION
from game.settings import Settings
from game.storage import Folders, Loaded, SaveError, read_json, write_json


class Player:
    def __init__(self, folders: Folders | None, now: Callable[[], float] = time.time):
        self.folders = folders
        self.now = now
        self.settings = Settings()
        self.profiles = Profiles(folders.data, now) if folders else None
        self.progress = Progress()
        self.problems: list[tuple[str, Loaded]] = []  # files set aside, for notices
        self.save_error: SaveError | None = None  # the last save that failed

    @property
    def settings_file(self):
        return self.folders.config / "settings.json" if self.folders else None

    def load(self, languages: Collection[str], text_scales: int) -> None:
        if self.folders is None:
            return
        loaded = read_json(self.settings_file, SETTINGS_VERSION, now=self.now)
        if loaded.problem:
            self.problems.append((self.settings_file.name, loaded))
        if loaded.document is not None:
            self.settings = Settings.from_json(loaded.document, languages, text_scales)
        self.profiles.load()
        if self.profiles.current:
            self.progress = self.profiles.load_progress(self.profiles.current)
        self._take_profile_problems()

    # profiles ------------------------------------------------------------------
    @property
    def profile(self) -> Profile | None:
        return self.profiles.get(self.profiles.current) if self.profiles else None

    def switch(self, profile_id: str) -> None:
        self.profiles.current = profile_id
        self.progress = self.profiles.load_progress(profile_id)
        self._take_profile_problems()
        self._save(self.profiles.save)

    def create_profile(self, name: str) -> Profile:
        """Raises profiles.BadName for a name that can't be used."""
        profile = self.profiles.create(name)
        self.progress = Progress()
        self._save(self.profiles.save)
        return profile

    def rename_profile(self, profile_id: str, name: str) -> None:
        self.profiles.rename(profile_id, name)
        self._save(self.profiles.save)

    def delete_profile(self, profile_id: str) -> None:
        was_current = self.profiles.current == profile_id
        self.profiles.delete(profile_id)
        if was_current:
            self.progress = Progress()
        self._save(self.profiles.save)

    # progress and settings -----------------------------------------------------
    def record(self, attempt: Attempt) -> None:
        self.progress.add(attempt)
        if self.profiles is not None and self.profiles.current:
            self._save(lambda: self.profiles.save_progress(self.profiles.current,
                                                           self.progress))

    def change(self, **changes) -> Settings:
        self.settings = replace(self.settings, **changes)
        if self.folders is not None:
            self._save(lambda: write_json(self.settings_file, self.settings.to_json()))
        return self.settings

    def _save(self, write: Callable[[], None]) -> None:
        if self.folders is None:
            return
        try:
            write()
            self.save_error = None
        except SaveError as error:
            self.save_error = error

    def _take_profile_problems(self) -> None:
        if self.profiles is not None:
            self.problems.extend(self.profiles.problems)
            self.profiles.problems.clear()
