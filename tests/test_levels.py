"""Every shipped stage loads, and every path through every encounter ends."""

from __future__ import annotations

import pytest

from game.content import load_levels
from game.paths import Paths
from game.play import EncounterRun


def shipped():
    return load_levels([Paths.of_install().levels])


def paths_through(encounter):
    """Every sequence of choice indices from the start that never repeats a card."""
    found = []

    def walk(card_id, taken, visited):
        card = encounter.cards[card_id]
        if card.is_end:
            found.append(taken)
            return
        for index, choice in enumerate(card.choices):
            if choice.next not in visited:
                walk(choice.next, (*taken, index), visited | {choice.next})

    walk(encounter.start, (), frozenset({encounter.start}))
    return found


def test_shipped_levels_have_no_problems():
    levels = shipped()
    assert levels.problems == []
    assert len(levels.stages) >= 2


ENCOUNTERS = [(s.id, e) for s in shipped().stages for e in s.encounters]


@pytest.mark.parametrize("stage_id, encounter", ENCOUNTERS,
                         ids=[f"{s}/{e.id}" for s, e in ENCOUNTERS])
def test_every_path_plays_to_an_end(stage_id, encounter):
    paths = paths_through(encounter)
    assert paths, "no path reaches an ending"
    outcomes = set()
    for path in paths:
        run = EncounterRun(encounter)
        for index in path:
            if run.finished:  # the customer walked out early on this path
                break
            run.choose(index)
        assert run.finished, path
        outcomes.add(run.outcome.value)
    assert len(outcomes) >= 2, f"{stage_id}/{encounter.id} has only {outcomes}"
