"""Levels: the model, the loader and the checks. No pygame here."""

from game.content.loader import LevelSet, load_file, load_levels
from game.content.model import Card, Choice, Customer, Effects, Encounter, Problem, Stage

__all__ = ["Card", "Choice", "Customer", "Effects", "Encounter", "LevelSet", "Problem", "Stage",
           "load_file", "load_levels"]
