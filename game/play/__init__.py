"""The rules: encounter and stage runs, the timer, scoring. No pygame here."""

from game.play.encounter import Decision, EncounterRun
from game.play.stage import EncounterResult, StageRun
from game.play.timer import Timer

__all__ = ["Decision", "EncounterResult", "EncounterRun", "StageRun", "Timer"]
