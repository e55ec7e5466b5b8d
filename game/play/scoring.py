"""Skill scores, mood, and the best an encounter or stage allows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from game.content.model import SKILLS, Effects, Encounter, Stage
from game.content.model import best_choice_index as best_choice_index  # re-exported

MOOD_MIN, MOOD_MAX = 0, 100
STAR_THRESHOLDS = (0.2, 0.5, 0.8)  # share of the stage's best score for 1, 2, 3 stars


@dataclass
class Skills:
    attention: int = 0
    problem_solving: int = 0
    partnership: int = 0

    def add(self, effects: Effects | Skills) -> None:
        for name in SKILLS:
            setattr(self, name, getattr(self, name) + getattr(effects, name))

    @property
    def total(self) -> int:
        return self.attention + self.problem_solving + self.partnership

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in SKILLS}


def clamp_mood(value: int) -> int:
    return max(MOOD_MIN, min(MOOD_MAX, value))


def max_skill_total(encounter: Encounter, skill: str | None = None) -> int:
    """The most skill points any path through the encounter can earn, in all
    three skills or, with ``skill``, in that one.

    A path never visits a card twice, so cycles are finite. Exponential in the
    worst case, but dialogue graphs are small and mostly tree-shaped.
    """

    @cache
    def best_from(card_id: str, visited: frozenset[str]) -> int | None:
        card = encounter.cards[card_id]
        if card.is_end:
            return 0
        best = None
        for choice in card.choices:
            if choice.next in visited:
                continue
            rest = best_from(choice.next, visited | {choice.next})
            if rest is not None:
                gain = (choice.effects.skill_total if skill is None
                        else choice.effects.skill(skill))
                value = gain + rest
                best = value if best is None else max(best, value)
        return best

    return best_from(encounter.start, frozenset({encounter.start})) or 0


def max_stage_total(stage: Stage, skill: str | None = None) -> int:
    return sum(max_skill_total(encounter, skill) for encounter in stage.encounters)


def stars_for(total: int, best: int) -> int:
    if best <= 0:
        return 3 if total >= 0 else 0
    share = total / best
    return sum(1 for threshold in STAR_THRESHOLDS if share >= threshold - 1e-9)
