"""The benchmark's own parts (the figures themselves come from
``service-marathon bench``, never from a timed test)."""

from __future__ import annotations

import pytest

from game.bench import Figure, synthetic_stage
from game.content.loader import load_text


@pytest.mark.parametrize("cards", [10, 100, 1000])
def test_a_synthetic_stage_is_valid_and_has_the_cards_asked_for(cards):
    stage, problems = load_text(synthetic_stage(cards), "synthetic.yaml")
    assert problems == []
    # each encounter: its cards plus two endings
    assert sum(len(e.cards) - 2 for e in stage.encounters) == cards


def test_a_figure_is_met_when_its_ratio_is_within_the_limit():
    assert Figure("start-up", 90.0, 60.0, "ms", "at most 1.5x", 1.5).met is True
    assert Figure("start-up", 91.0, 60.0, "ms", "at most 1.5x", 1.5).met is False
    assert Figure("frame", 1.0, 0.5, "ms", "shown", None).met is None
    assert Figure("frame", 1.0, 0.5, "ms", "shown", None).as_json()["ratio"] == 2.0
