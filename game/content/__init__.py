"""Levels: the model, the loader and the checks. No pygame here.

The loader (and with it PyYAML) is imported when first asked for, so code
that needs only the model, such as a saved game's progress at start-up, does
not pay for it before the first frame.
"""

from game.content.model import Card, Choice, Customer, Effects, Encounter, Problem, Stage

__all__ = ["Card", "Choice", "Customer", "Effects", "Encounter", "LevelSet", "Problem", "Stage",
           "load_file", "load_levels"]

_FROM_LOADER = {"LevelSet", "load_file", "load_levels"}


def __getattr__(name: str):
    if name in _FROM_LOADER:
        from game.content import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'game.content' has no attribute {name!r}")
