"""Group sessions as rules: turns, scores, bonuses, skip, undo and resume."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from game.content import load_levels
from game.content.model import best_choice_index
from game.play.session import (
    MAX_TEAM_NAME,
    GroupSession,
    SessionError,
    check_teams,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def stages():
    return sorted(load_levels([ROOT / "levels"]).stages, key=lambda s: s.order)


def new_session(stages, count=3):
    return GroupSession(check_teams([f"Team {n}" for n in range(1, count + 1)]), stages[:2])


def play_customer(session, pick=best_choice_index):
    """The team in turn answers every card of the customer, then moves on."""
    while not session.run.finished:
        session.choose(pick(session.run.card.choices), seconds=4.0)
    session.advance()


def test_customers_go_round_the_teams_in_turn(stages):
    session = new_session(stages)
    order = []
    for _ in range(5):
        order.append(session.team_index)
        play_customer(session)
    assert order == [0, 1, 2, 0, 1]
    assert session.stage.id == stages[1].id and session.encounter_index == 1


def test_scores_are_each_teams_choices_plus_bonuses(stages):
    session = new_session(stages)
    play_customer(session)
    first = session.scores()[0].total
    assert first > 0 and session.scores()[1].total == 0
    session.bonus(1, "partnership", 1)
    session.bonus(1, "partnership", 1)
    session.bonus(0, "attention", -1)
    scores = session.scores()
    assert scores[1].partnership == 2
    assert scores[0].total == first - 1
    assert session.standings()[0] == 0


def test_a_skip_moves_on_without_scoring(stages):
    session = new_session(stages)
    card = session.run.card
    session.skip()
    turn = session.turns[-1]
    assert turn.skipped and turn.choice is None
    assert set(turn.effects.values()) == {0}
    assert session.run.card.id == card.choices[best_choice_index(card.choices)].next


def test_undo_takes_back_the_last_choice_and_what_followed(stages):
    session = new_session(stages)
    session.choose(0)
    session.choose(0)
    session.bonus(0, "attention", 1)
    card_before = session.turns[1].card
    assert session.undo()
    assert len(session.turns) == 1 and session.bonuses == []
    assert session.run.card.id == card_before
    assert session.undo() and session.undo() is False


def test_a_saved_session_resumes_exactly_where_it_was(stages, tmp_path):
    session = new_session(stages)
    play_customer(session)
    session.choose(1, seconds=12.5)
    session.bonus(2, "problem_solving", 1)
    path = tmp_path / "session.json"
    path.write_text(json.dumps(session.to_json()), encoding="utf-8")
    again = GroupSession.from_json(json.loads(path.read_text(encoding="utf-8")), stages)
    assert again.turns == session.turns and again.bonuses == session.bonuses
    assert again.run.card.id == session.run.card.id
    assert again.team_index == session.team_index
    assert [s.as_dict() for s in again.scores()] == [s.as_dict() for s in session.scores()]


def test_resuming_when_a_stage_file_is_gone_says_which(stages):
    data = new_session(stages).to_json()
    with pytest.raises(SessionError) as error:
        GroupSession.from_json(data, stages[1:])
    assert error.value.args == ("stage-missing", stages[0].id)


def test_resuming_when_a_stage_changed_says_which_step_broke(stages):
    session = new_session(stages)
    session.choose(3)  # the first card has four answers
    data = session.to_json()
    first = stages[0]
    encounter = first.encounters[0]
    start = encounter.cards[encounter.start]
    shorter = replace(start, choices=start.choices[:3])
    changed = replace(first, encounters=(
        replace(encounter, cards={**encounter.cards, start.id: shorter}),
        *first.encounters[1:]))
    with pytest.raises(SessionError) as error:
        GroupSession.from_json(data, [changed, *stages[1:]])
    assert error.value.args[:2] == ("replay", "1")


@pytest.mark.parametrize("names, reason", [
    (["Alone"], ("teams-count", "1")),
    ([f"T{n}" for n in range(7)], ("teams-count", "7")),
    (["Ąžuolai", "  "], ("team-empty", "2")),
    (["Ūdri", "ūdri"], ("team-twice", "ūdri")),
    (["Õunad", "x" * 500], ("team-too-long", "x" * MAX_TEAM_NAME + "…")),
])
def test_team_names_that_cant_be_used_are_refused_with_a_reason(names, reason):
    with pytest.raises(SessionError) as error:
        check_teams(names)
    assert error.value.args == reason


def test_a_damaged_session_file_is_refused_as_such(stages):
    with pytest.raises(SessionError) as error:
        GroupSession.from_json({"version": 1, "teams": "AB"}, stages)
    assert error.value.reason == "damaged"


def test_the_session_ends_after_the_last_customer_of_the_last_stage(stages):
    session = GroupSession(check_teams(["A", "B"]), stages[:1])
    for _ in stages[0].encounters:
        play_customer(session)
    assert session.finished
    with pytest.raises(RuntimeError):
        session.choose(0)
    leaders = session.skill_leaders()
    assert set(leaders) == {"attention", "problem_solving", "partnership"}


# -- the report --------------------------------------------------------------------------

def played_session(stages):
    session = GroupSession(check_teams(["Ūdri", "Žuvėdros", "Õunad"]), stages[:2])
    for _ in range(3):
        play_customer(session)
    session.choose(0, seconds=7.25)
    session.skip()
    session.bonus(1, "partnership", 1)
    return session


@pytest.mark.parametrize("language, delimiter", [("en", ","), ("lv", ";"), ("lt", ";")])
def test_the_csv_has_a_row_per_decision_and_bonus_and_keeps_diacritics(stages, tmp_path,
                                                                       language, delimiter):
    import csv

    from game.i18n import Translator
    from game.report import write_report

    session = played_session(stages)
    tr = Translator(ROOT / "locales", language)
    csv_path, html_path = write_report(session, tr, tmp_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads UTF-8 right
    with csv_path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=delimiter))
    header, *body = rows
    assert len(header) == 12 and all(len(row) == 12 for row in body)
    assert len(body) == len(session.turns) + len(session.bonuses)
    assert {row[1] for row in body} == {"Ūdri", "Žuvėdros", "Õunad"}
    for row, turn in zip(body, session.turns, strict=False):
        assert row[0] == session.id and row[4] == turn.card
        assert [int(v) for v in row[6:10]] == [turn.effects[s] for s in
                                                ("attention", "problem_solving",
                                                 "partnership", "mood")]
    seconds = body[len(session.turns) - 2][10]
    assert seconds == ("7.2" if language == "en" else "7,2")
    bonus = body[-1]
    assert bonus[1] == "Žuvėdros" and bonus[11] == "1" and bonus[8] == "1"


def test_the_html_report_parses_names_every_team_and_needs_no_network(stages, tmp_path):
    from html.parser import HTMLParser

    from game.i18n import Translator
    from game.report import write_report

    session = played_session(stages)
    _, html_path = write_report(session, Translator(ROOT / "locales", "en"), tmp_path)
    text = html_path.read_text(encoding="utf-8")

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.urls, self.text = [], [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.urls += [v for k, v in attrs if k in ("src", "href") and v]

        def handle_data(self, data):
            self.text.append(data)

    parser = Collect()
    parser.feed(text)
    shown = " ".join(parser.text)
    assert all(team.name in shown for team in session.teams)
    assert parser.urls == [] and "script" not in parser.tags  # self-contained
    assert parser.tags.count("svg") == 3  # a chart for each team
    assert parser.tags.count("article") == len(session.turns)  # every discussion point
    assert "Best listeners" in shown and "@page { size: A4" in text
