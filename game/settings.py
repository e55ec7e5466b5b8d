"""The player's settings: plain data, saved as ``settings.json`` in the config
folder. They apply at once and are written whenever one changes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

VERSION = 1
# How long the player has on each card, per WCAG 2.2.1 (timing adjustable):
# a factor on every time limit, or None for no time limit at all.
TIMER_MODES = {"normal": 1.0, "relaxed": 2.0, "extended": 10.0, "off": None}


@dataclass(frozen=True)
class Settings:
    language: str | None = None  # None: the system's language
    text_scale_index: int = 1
    fullscreen: bool = False
    timer: str = "normal"
    high_contrast: bool = False
    reduce_motion: bool = False
    sound: bool = True

    @property
    def timer_factor(self) -> float | None:
        return TIMER_MODES[self.timer]

    def to_json(self) -> dict:
        return {"version": VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict, languages, text_scales: int) -> Settings:
        """Known keys with values of the right kind are taken; anything else
        keeps its default, so one bad value doesn't cost the rest."""
        settings = cls()
        for item in fields(cls):
            if item.name not in data:
                continue
            value = data[item.name]
            default = getattr(settings, item.name)
            if item.name == "language":
                ok = value is None or value in languages
            elif item.name == "timer":
                ok = value in TIMER_MODES
            elif item.name == "text_scale_index":
                ok = type(value) is int and 0 <= value < text_scales
            else:
                ok = type(value) is type(default)
            if ok:
                settings = replace(settings, **{item.name: value})
        return settings
