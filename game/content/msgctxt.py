"""The msgctxt of every translatable string in a level: its id path.

The UI translates level text with these contexts and the catalog extractor
writes them, so both must come from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names for the annotations only: no model built to name a string
    from game.content.model import Card, Encounter, Stage


def stage_title(stage: Stage) -> str:
    return f"{stage.id}/title"


def stage_summary(stage: Stage) -> str:
    return f"{stage.id}/summary"


def encounter_title(encounter: Encounter) -> str:
    return f"{encounter.path}/title"


def say(card: Card) -> str:
    return card.path


def narration(card: Card) -> str:
    return f"{card.path}/narration"


def choice_text(card: Card, index: int) -> str:
    return f"{card.path}/{index + 1}"


def choice_feedback(card: Card, index: int) -> str:
    return f"{card.path}/{index + 1}/feedback"


def timeout_feedback(card: Card) -> str:
    return f"{card.path}/timeout"
