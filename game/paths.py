"""Where the game's own files are: levels, assets and catalogs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    root: Path

    @classmethod
    def of_install(cls) -> Paths:
        """The folder that holds `game/`, `levels/`, `assets/` and `locales/`."""
        return cls(Path(__file__).resolve().parent.parent)

    @property
    def levels(self) -> Path:
        return self.root / "levels"

    @property
    def locales(self) -> Path:
        return self.root / "locales"

    @property
    def fonts(self) -> Path:
        return self.root / "assets" / "fonts"
