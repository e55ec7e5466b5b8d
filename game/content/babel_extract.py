"""A Babel extractor for level files, registered as the `levels` method of
the ``babel.extractors`` entry point group (see pyproject.toml), so that
``pybabel extract -F pyproject.toml`` reads code and levels in one pass.

Each string comes out as a ``pgettext`` call: msgctxt is its id path, and a
translator comment says who speaks, the channel and the field.
"""

from __future__ import annotations

import os

from game.content.loader import load_text
from game.content.strings import level_strings


class LevelFileError(ValueError):
    """A level file the extractor can't read: fix it (``check``) first."""


def extract_levels(fileobj, keywords, comment_tags, options):
    name = getattr(fileobj, "name", "<level>")
    if isinstance(name, str) and os.path.basename(name).startswith(("_", ".")):
        return  # templates and drafts are not part of the game
    encoding = options.get("encoding", "utf-8-sig")
    stage, problems = load_text(fileobj.read().decode(encoding), str(name))
    if problems:
        raise LevelFileError(str(problems[0]))
    for item in level_strings(stage):
        yield item.line, "pgettext", (item.context, item.text), [item.comment]
