"""Levels: the model, the loader and the checks. No pygame here.

The loader (and with it PyYAML) and the model are imported when first asked
for, so the title's first frame pays for neither.
"""

__all__ = ["Card", "Choice", "Customer", "Effects", "Encounter", "LevelSet", "Problem", "Stage",
           "load_file", "load_levels"]

_FROM_LOADER = {"LevelSet", "load_file", "load_levels"}
_FROM_MODEL = {"Card", "Choice", "Customer", "Effects", "Encounter", "Problem", "Stage"}


def __getattr__(name: str):
    if name in _FROM_LOADER:
        from game.content import loader

        return getattr(loader, name)
    if name in _FROM_MODEL:
        from game.content import model

        return getattr(model, name)
    raise AttributeError(f"module 'game.content' has no attribute {name!r}")
