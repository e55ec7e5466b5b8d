"""The shipped marathon: six stages that teach every principle, balanced so
that thinking wins and guessing by position or length does not."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.content import load_levels, msgctxt
from game.content.model import CHANNELS, LOOKS, OUTCOMES, Outcome, best_choice_index
from game.content.principles import PRINCIPLES
from game.content.walk import encounter_paths
from game.i18n import LANGUAGES, Translator
from game.play.marathon import unlocked

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def stages():
    levels = load_levels([ROOT / "levels"])
    assert not levels.problems and not levels.broken
    return sorted(levels.stages, key=lambda stage: stage.order)


@pytest.fixture(scope="module")
def encounters(stages):
    return [encounter for stage in stages for encounter in stage.encounters]


def decision_cards(stage):
    return [card for encounter in stage.encounters for card in encounter.cards.values()
            if card.choices]


def test_six_stages_in_order_each_opening_the_next(stages):
    assert [stage.order for stage in stages] == [1, 2, 3, 4, 5, 6]
    order = [stage.id for stage in stages]
    finished: set[str] = set()
    for index, stage in enumerate(stages):
        assert unlocked(order, finished) == set(order[:index + 1])
        finished.add(stage.id)
    assert unlocked(order, set(), unlock_all=True) == set(order)


def test_at_least_four_encounters_a_stage(stages):
    assert all(len(stage.encounters) >= 4 for stage in stages)


def test_every_channel_at_least_four_times(encounters):
    counts = Counter(encounter.channel for encounter in encounters)
    assert {channel: counts[channel] for channel in CHANNELS if counts[channel] < 4} == {}


def test_every_principle_trained_by_two_encounters_and_each_lists_its_tags(encounters):
    assert all(encounter.principles for encounter in encounters)
    counts = Counter(tag for encounter in encounters for tag in encounter.principles)
    assert {tag: counts[tag] for tag in sorted(PRINCIPLES) if counts[tag] < 2} == {}


def test_customers_vary_in_name_look_age_and_mood(encounters):
    names = [encounter.customer.name for encounter in encounters]
    assert len(set(names)) == len(names), "a customer appears twice"
    assert {encounter.customer.look for encounter in encounters} == set(LOOKS)
    ages = [encounter.customer.age for encounter in encounters]
    assert None not in ages and max(ages) - min(ages) >= 40
    assert len({encounter.customer.mood for encounter in encounters}) >= 4


def test_every_path_of_every_encounter_ends(encounters):
    for encounter in encounters:
        walk = encounter_paths(encounter)
        assert not walk.truncated, encounter.path
        assert walk.paths, encounter.path
        for path in walk.paths:
            last = encounter.cards[path.last_card]
            assert path.walked_out or not last.choices, (encounter.path, path.numbers)


def test_encounters_have_depth_choice_and_every_kind_of_ending(encounters):
    for encounter in encounters:
        walk = encounter_paths(encounter)
        assert walk.best.outcome == Outcome.SUCCESS, encounter.path
        assert len(walk.best.steps) >= 4, f"{encounter.path}: main path too short"
        assert {str(path.outcome) for path in walk.paths} == set(OUTCOMES), encounter.path
        for card in encounter.cards.values():
            assert len(card.choices) in (0, 3, 4), card.path


def test_a_poor_first_answer_changes_what_comes_next_and_can_be_recovered(encounters):
    for encounter in encounters:
        start = encounter.cards[encounter.start]
        best = best_choice_index(start.choices)
        walk = encounter_paths(encounter)
        recoverable = [
            choice for index, choice in enumerate(start.choices)
            if index != best and choice.next != start.choices[best].next
            and any(path.steps[0].choice == index and path.outcome == Outcome.SUCCESS
                    for path in walk.paths)]
        assert recoverable, f"{encounter.path}: no poor start leads elsewhere and back"


def test_every_choice_has_feedback_of_one_to_three_sentences(encounters):
    for encounter in encounters:
        for card in encounter.cards.values():
            for number, choice in enumerate(card.choices, 1):
                sentences = [part for part in choice.feedback.replace("!", ".").replace(
                    "?", ".").split(". ") if part.strip()]
                assert 1 <= len(sentences) <= 3, f"{card.path} answer {number}"


def test_every_card_with_choices_has_a_meaningful_timeout(encounters):
    for encounter in encounters:
        for card in encounter.cards.values():
            if card.choices and card.on_timeout is not None:
                assert card.on_timeout.effects.mood < 0, card.path


def test_best_path_scores_at_least_three_times_the_worst(stages):
    for stage in stages:
        walks = [encounter_paths(encounter) for encounter in stage.encounters]
        best = sum(walk.best.total for walk in walks)
        worst = sum(walk.worst.total for walk in walks)
        assert best > 0 and best >= 3 * worst, (stage.id, best, worst)


def test_no_position_is_best_on_more_than_40_percent_of_cards(stages):
    for stage in stages:
        cards = decision_cards(stage)
        positions = Counter(best_choice_index(card.choices) for card in cards)
        share = max(positions.values()) / len(cards)
        assert share <= 0.40, (stage.id, dict(positions), len(cards))


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_best_answer_is_the_longest_on_at_most_half_the_cards(stages, language):
    tr = Translator(ROOT / "locales", language)
    for stage in stages:
        cards = decision_cards(stage)
        longest = 0
        for card in cards:
            texts = [tr.level(msgctxt.choice_text(card, index), choice.text)
                     for index, choice in enumerate(card.choices)]
            lengths = [len(text) for text in texts]
            best = best_choice_index(card.choices)
            longest += lengths[best] == max(lengths)
        assert longest <= len(cards) / 2, (stage.id, language, longest, len(cards))
