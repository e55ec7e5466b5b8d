"""The rules: encounter and stage runs, the timer, scoring. No pygame here.

The names below are imported when first used, so reading saved progress at
start-up (game.play.progress) does not build the encounter rules before the
first frame."""

from importlib import import_module

_HOMES = {"Decision": "encounter", "EncounterRun": "encounter",
          "EncounterResult": "stage", "StageRun": "stage", "Timer": "timer"}

__all__ = ["Decision", "EncounterResult", "EncounterRun", "StageRun", "Timer"]


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'game.play' has no attribute {name!r}")
    return getattr(import_module(f"game.play.{_HOMES[name]}"), name)
