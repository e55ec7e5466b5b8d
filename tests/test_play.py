"""The rules: timer, encounter and stage runs, scoring and stars.

Expected numbers are worked out by hand from tests/fixtures/levels/good.yaml
(or the small YAML written in the test); the comments show the arithmetic.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.content import load_file
from game.content.model import Choice, Effects, Outcome
from game.play import EncounterRun, StageRun, Timer
from game.play.scoring import best_choice_index, max_skill_total, max_stage_total, stars_for

GOOD = Path(__file__).resolve().parent / "fixtures" / "levels" / "good.yaml"


@pytest.fixture
def stage():
    loaded, problems = load_file(GOOD)
    assert problems == []
    return loaded


@pytest.fixture
def desk(stage):
    return stage.encounters[0]  # returns-desk: Ilze, mood 50, 15 s, arrives has 10 s


@pytest.fixture
def call(stage):
    return stage.encounters[1]  # phone-call: Marta, mood 40, 20 s from the stage


def load_yaml(tmp_path, text: str):
    path = tmp_path / "stage.yaml"
    path.write_text(textwrap.dedent(text))
    loaded, problems = load_file(path)
    assert [str(p) for p in problems] == []
    return loaded


# -- Timer --------------------------------------------------------------------


def test_timer_expires_exactly_once():
    timer = Timer(10)
    assert timer.update(4) is False
    assert timer.update(6) is True  # 4 + 6 = 10: time is up now
    assert timer.expired
    assert timer.update(1) is False  # and never again
    assert timer.remaining == 0.0


def test_timer_overshoot_is_clamped():
    timer = Timer(10)
    assert timer.update(25) is True
    assert timer.elapsed == 10
    assert timer.fraction_left == 0.0


def test_timer_driven_by_frames_expires_on_the_last_frame():
    # 10 s at 60 frames a second: exactly the 600th frame, not one later
    timer = Timer(10)
    fired = [timer.update(1 / 60) for _ in range(601)]
    assert fired.index(True) == 599
    assert fired.count(True) == 1

    tenths = Timer(1)
    assert [tenths.update(0.1) for _ in range(10)][-1] is True


def test_timer_pause_and_resume():
    timer = Timer(10)
    timer.update(3)
    timer.pause()
    assert not timer.running
    assert timer.update(100) is False
    assert timer.elapsed == 3
    timer.resume()
    assert timer.running
    assert timer.update(6.5) is False  # 3 + 6.5 = 9.5
    assert timer.update(0.5) is True


def test_timer_extend_gives_more_time():
    timer = Timer(10)
    timer.update(8)
    timer.extend(5)  # limit 15, 7 left
    assert timer.remaining == 7
    assert timer.update(6.5) is False
    assert timer.update(0.5) is True


def test_timer_extend_after_expiry_runs_again_and_expires_once_more():
    timer = Timer(5)
    assert timer.update(5) is True
    timer.extend(2)
    assert not timer.expired
    assert timer.update(1) is False
    assert timer.update(1) is True
    assert timer.update(1) is False


def test_timer_half_speed_doubles_wall_time():
    timer = Timer(10, speed=0.5)
    assert timer.seconds_shown == 20
    assert timer.update(19.5) is False
    assert timer.update(0.5) is True  # 20 wall seconds for a 10 s card


def test_timer_speed_zero_never_expires():
    timer = Timer(10, speed=0)
    for _ in range(100):
        assert timer.update(1000) is False
    assert not timer.expired
    assert not timer.running
    assert timer.seconds_shown == 0


def test_timer_ignores_zero_and_negative_dt():
    timer = Timer(10)
    timer.update(4)
    assert timer.update(0) is False
    assert timer.update(-3) is False
    assert timer.elapsed == 4


@pytest.mark.parametrize(("speed", "steps", "shown"), [
    (1, [], 10),
    (1, [0.25], 10),  # 9.75 left: the clock rounds up
    (1, [1.0], 9),  # exactly 9 left
    (1, [9.5], 1),  # half a second left still shows 1
    (1, [10], 0),  # expired
    (0.5, [], 20),
    (0.5, [2], 18),  # 9 card seconds left = 18 wall seconds
    (0.5, [2.5], 18),  # 8.75 card seconds = 17.5 wall seconds, rounded up
])
def test_timer_seconds_shown(speed, steps, shown):
    timer = Timer(10, speed=speed)
    for dt in steps:
        timer.update(dt)
    assert timer.seconds_shown == shown


def test_timer_restart():
    timer = Timer(10)
    timer.update(10)
    timer.restart(15)
    assert not timer.expired
    assert timer.limit == 15
    assert timer.remaining == 15
    assert timer.fraction_left == 1.0


@given(
    limit=st.floats(min_value=5, max_value=600),
    speed=st.sampled_from([0.25, 0.5, 0.75, 1.0, 1.5]),
    dts=st.lists(st.floats(min_value=0.001, max_value=5), max_size=400),
)
def test_timer_fires_at_most_once_and_only_when_time_is_up(limit, speed, dts):
    timer = Timer(limit, speed=speed)
    fired_at = [i for i, dt in enumerate(dts) if timer.update(dt)]
    assert len(fired_at) <= 1
    wall = sum(dts) * speed
    if wall >= limit + 1e-6:
        assert len(fired_at) == 1
        assert sum(dts[: fired_at[0] + 1]) * speed >= limit - 1e-6
        assert sum(dts[: fired_at[0]]) * speed < limit + 1e-6
    elif wall < limit - 1e-6:
        assert fired_at == []


# -- EncounterRun: choices --------------------------------------------------


def test_encounter_starts_on_the_start_card(desk):
    run = EncounterRun(desk)
    assert run.card.id == "arrives"
    assert run.mood == 50
    assert run.skills.total == 0
    assert run.timer.limit == 10  # the card's own limit
    assert not run.finished


def test_choose_applies_effects_and_moves_on(desk):
    run = EncounterRun(desk)
    run.update(3)
    decision = run.choose(0)  # attention 2, problem_solving 1, mood +10
    assert run.skills.as_dict() == {"attention": 2, "problem_solving": 1, "partnership": 0}
    assert run.mood == 60
    assert (decision.mood_before, decision.mood_after) == (50, 60)
    assert decision.seconds == 3
    assert decision.choice.next == "explains"
    assert decision.feedback == "An open question lets her tell her story."
    assert not decision.timed_out
    assert run.card.id == "explains"
    assert run.timer.limit == 15  # explains has no limit: the encounter's 15 s
    assert run.timer.elapsed == 0


def test_reaching_success_ends_the_encounter(desk):
    run = EncounterRun(desk)
    run.choose(0)  # +3 skill, mood 60
    run.choose(0)  # problem_solving 3, partnership 1, mood +20 -> thanks
    assert run.outcome is Outcome.SUCCESS
    assert run.finished
    assert not run.walked_out
    assert run.skills.as_dict() == {"attention": 2, "problem_solving": 4, "partnership": 1}
    assert run.mood == 80
    assert len(run.decisions) == 2


def test_reaching_partial_and_fail_endings(desk):
    partial = EncounterRun(desk)
    partial.choose(0)
    partial.choose(1)  # settles; mood 50 + 10 - 5
    assert partial.outcome is Outcome.PARTIAL
    assert partial.mood == 55

    fail = EncounterRun(desk)
    fail.choose(1)  # waits, mood 40
    fail.choose(1)  # leaves, mood 20
    assert fail.outcome is Outcome.FAIL
    assert fail.mood == 20
    assert not fail.walked_out  # an ending, not walking out


def test_a_choice_without_feedback_has_none(desk):
    run = EncounterRun(desk)
    run.choose(1)
    decision = run.choose(0)  # "Sorry, you have my full attention now." back to arrives
    assert decision.feedback is None
    assert run.card.id == "arrives"  # the loop
    assert run.timer.limit == 10


def test_choose_after_finish_raises(desk):
    run = EncounterRun(desk)
    run.choose(0)
    run.choose(0)
    with pytest.raises(RuntimeError):
        run.choose(0)
    with pytest.raises(RuntimeError):
        run.timeout()
    assert run.update(100) is None
    assert len(run.decisions) == 2


@pytest.mark.parametrize("index", [2, -1, 7])
def test_choose_bad_index_raises_and_changes_nothing(desk, index):
    run = EncounterRun(desk)
    with pytest.raises(IndexError):
        run.choose(index)
    assert run.card.id == "arrives"
    assert run.mood == 50
    assert run.decisions == []


# -- EncounterRun: time running out -----------------------------------------


def test_default_timeout_repeats_the_card_with_a_fresh_timer(call):
    run = EncounterRun(call)
    assert run.update(19.5) is None
    decision = run.update(0.5)  # 20 s, the stage's limit
    assert decision is not None and decision.timed_out
    assert decision.choice is None
    assert decision.effects == Effects(attention=-1, mood=-5)
    assert decision.seconds == 20
    assert decision.feedback is None  # the game explains it
    assert run.card.id == "rings"
    assert run.mood == 35
    assert run.skills.attention == -1
    assert run.timer.elapsed == 0 and run.timer.limit == 20
    run.update(20)
    run.update(20)
    assert run.mood == 25  # 40 - 3 * 5
    assert run.skills.attention == -3
    assert not run.finished


def test_on_timeout_short_form_moves_on_with_default_effects(desk):
    run = EncounterRun(desk)
    assert run.update(9.5) is None
    decision = run.update(0.5)  # arrives has 10 s
    assert decision.timed_out
    assert decision.effects == Effects(attention=-1, mood=-5)
    assert decision.feedback is None
    assert run.card.id == "waits"
    assert run.mood == 45
    assert run.timer.limit == 15


def test_on_timeout_long_form(desk):
    run = EncounterRun(desk)
    run.update(10)  # -> waits, attention -1, mood 45
    decision = run.update(15)  # waits: attention -2, mood -15 -> leaves
    assert decision.feedback == "She waited in silence while you looked at your screen."
    assert run.outcome is Outcome.FAIL
    assert run.mood == 30
    assert run.skills.attention == -3
    assert not run.walked_out


def test_on_timeout_long_form_without_next_repeats(desk):
    run = EncounterRun(desk)
    run.choose(0)  # explains, mood 60, attention 2
    decision = run.update(15)
    assert decision.effects == Effects(mood=-10)
    assert run.card.id == "explains"
    assert run.mood == 50
    assert run.skills.attention == 2  # the long form replaced the default attention -1


def test_mood_reaching_zero_on_a_card_makes_the_customer_leave(desk):
    run = EncounterRun(desk)
    run.choose(0)  # explains, mood 60
    for expected in (50, 40, 30, 20, 10):
        run.update(15)
        assert run.mood == expected and not run.finished
    decision = run.update(15)  # mood 0 on explains, which is not an ending
    assert decision.mood_after == 0
    assert run.outcome is Outcome.FAIL
    assert run.walked_out
    assert run.finished
    assert run.update(15) is None
    with pytest.raises(RuntimeError):
        run.choose(0)


def test_slow_timer_gives_twice_the_time(desk):
    run = EncounterRun(desk, timer_speed=0.5)
    assert run.update(19.5) is None  # arrives: 10 card seconds = 20 wall seconds
    decision = run.update(0.5)
    assert decision.timed_out and decision.seconds == 10
    assert run.card.id == "waits"


def test_timer_speed_zero_never_times_out(desk):
    run = EncounterRun(desk, timer_speed=0)
    for _ in range(10):
        assert run.update(1000) is None
    assert run.card.id == "arrives"
    assert run.mood == 50


MOODS = """\
    id: moods
    order: 1
    title: Moods
    summary: Mood stays within 0 and 100.
    encounters:
      - id: swings
        title: Swings
        principles: [empathy]
        channel: chat
        customer: {name: Ana, look: 2, mood: 95}
        start: one
        cards:
          one:
            say: Hi!
            choices:
              - {text: Lovely to see you!, next: two, effects: {mood: 20}}
              - {text: Go away., next: two, effects: {mood: -50}}
          two:
            say: So?
            choices:
              - {text: Bye., next: three, effects: {mood: -50}}
              - {text: Done., next: done}
          three:
            say: Hmm.
            choices:
              - {text: Really go., next: done, effects: {mood: -50}}
              - {text: Sorry., next: done, effects: {mood: 50}}
          done:
            say: Bye.
            end: partial
"""


def test_mood_is_clamped_at_100_and_at_0(tmp_path):
    encounter = load_yaml(tmp_path, MOODS).encounters[0]
    run = EncounterRun(encounter)
    decision = run.choose(0)  # 95 + 20 = 115 -> 100
    assert run.mood == 100 and decision.mood_after == 100
    run.choose(0)  # 50
    run.choose(0)  # 0, but "done" is an ending: the ending counts
    assert run.mood == 0
    assert run.outcome is Outcome.PARTIAL
    assert not run.walked_out


def test_mood_clamped_to_zero_by_a_choice_walks_out(tmp_path):
    encounter = load_yaml(tmp_path, MOODS).encounters[0]
    run = EncounterRun(encounter)
    run.choose(1)  # 95 - 50 = 45
    decision = run.choose(0)  # 45 - 50 = -5 -> 0, on card "three"
    assert decision.mood_after == 0
    assert run.outcome is Outcome.FAIL
    assert run.walked_out


def test_encounter_starting_on_an_ending_is_over_at_once(tmp_path):
    stage = load_yaml(tmp_path, """\
        id: short
        order: 1
        title: Short
        summary: Nothing to decide.
        encounters:
          - id: goodbye
            title: Goodbye
            principles: [feedback-thanks]
            channel: email
            customer: {name: Jon, look: 3, mood: 70}
            start: bye
            cards:
              bye: {say: Thanks for everything!, end: success}
        """)
    run = EncounterRun(stage.encounters[0])
    assert run.finished
    assert run.outcome is Outcome.SUCCESS
    assert run.update(100) is None
    assert run.decisions == []
    assert run.mood == 70


# -- scoring --------------------------------------------------------------------


def test_best_choice_index_on_the_fixture(desk, call):
    assert best_choice_index(desk.card("arrives").choices) == 0  # +3 vs -3
    assert best_choice_index(desk.card("waits").choices) == 0  # +1 vs -3
    assert best_choice_index(desk.card("explains").choices) == 0  # +4 vs +1
    assert best_choice_index(call.card("rings").choices) == 0  # +2 vs -1


def choices(*effects: Effects) -> tuple[Choice, ...]:
    return tuple(Choice(f"option {i}", e, "", "x") for i, e in enumerate(effects))


def test_best_choice_most_skill_points_then_mood_then_first():
    assert best_choice_index(choices(Effects(attention=1), Effects(attention=2, mood=-30))) == 1
    # tie on skill points (2 each): higher mood wins
    assert best_choice_index(choices(
        Effects(attention=2, mood=5), Effects(attention=1, partnership=1, mood=10))) == 1
    # full tie: the first one
    assert best_choice_index(choices(
        Effects(mood=-5), Effects(problem_solving=1), Effects(partnership=1))) == 1
    # all bad: the least bad
    assert best_choice_index(choices(Effects(attention=-3), Effects(attention=-1))) == 1


def test_decision_reports_the_best_choice(desk):
    run = EncounterRun(desk)
    decision = run.choose(1)
    assert decision.best_index == 0
    assert decision.choice_index == 1


def test_max_skill_total_on_the_fixture(stage, desk, call):
    # returns-desk: arrives->explains (+3) then explains->thanks (+4) = 7;
    # the other ways are arrives->explains->settles 3+1 = 4 and
    # arrives->waits->leaves -3-3 = -6 (waits->arrives would revisit arrives)
    assert max_skill_total(desk) == 7
    # phone-call: rings->helped +2 (or rings->hangs-up -1)
    assert max_skill_total(call) == 2
    assert max_stage_total(stage) == 9


CYCLE = """\
    id: cycle
    order: 1
    title: Cycle
    summary: A loop that would pay if you could go round it.
    encounters:
      - id: loop
        title: Loop
        principles: [boundaries]
        channel: shop
        customer: {name: Eva, look: 4, mood: 50}
        start: a
        cards:
          a:
            say: A
            choices:
              - {text: To b, next: b, effects: {attention: 3}}
              - {text: Give up, next: lost}
          b:
            say: B
            choices:
              - {text: Back to a, next: a, effects: {partnership: 3}}
              - {text: Finish, next: won, effects: {problem_solving: -1}}
          won: {say: Yes, end: success}
          lost: {say: No, end: fail}
"""


def test_max_skill_total_visits_each_card_once_in_a_cycle(tmp_path):
    # a->b (+3) -> won (-1) = 2; a->lost = 0; b->a is a revisit, so the +3 loop
    # can't be counted (going round would be unbounded)
    encounter = load_yaml(tmp_path, CYCLE).encounters[0]
    assert max_skill_total(encounter) == 2


@pytest.mark.parametrize(("total", "best", "stars"), [
    (0, 10, 0), (1, 10, 0), (2, 10, 1), (4, 10, 1), (5, 10, 2),
    (7, 10, 2), (8, 10, 3), (10, 10, 3), (-3, 10, 0),
    (4, 5, 3),  # exactly 80%
    (1, 5, 1),  # exactly 20%
    (0, 0, 3),  # nothing to earn, nothing lost
    (-1, 0, 0),
])
def test_stars_thresholds(total, best, stars):
    assert stars_for(total, best) == stars


# -- StageRun -------------------------------------------------------------------


def play(run: StageRun, script: list[list]) -> None:
    """Each encounter's moves: a choice index, or "t" to let time run out."""
    for number, moves in enumerate(script):
        for move in moves:
            current = run.current
            if move == "t":
                assert current.update(current.timer.remaining / current.timer.speed)
            else:
                current.choose(move)
        more = run.advance()
        assert more == (number < len(script) - 1)


def test_stage_run_best_path(stage):
    run = StageRun(stage)
    assert run.best_totals == [7, 2]
    assert run.best_total == 9
    play(run, [[0, 0], [0]])
    assert run.finished
    # attention 2 + 1, problem_solving 1 + 3, partnership 1 + 1
    assert run.skills.as_dict() == {"attention": 3, "problem_solving": 4, "partnership": 2}
    assert run.skills.total == 9
    assert run.stars == 3


def test_stage_run_records_each_encounter(stage):
    run = StageRun(stage)
    play(run, [[1, 1], [0]])
    desk, call = run.results
    assert desk.encounter_id == "returns-desk"
    assert desk.title == "The returns desk"
    assert desk.skills == {"attention": -1, "problem_solving": 0, "partnership": -5}
    assert desk.best_total == 7
    assert desk.mood == 20
    assert desk.outcome is Outcome.FAIL
    assert not desk.walked_out
    assert len(desk.decisions) == 2
    assert call.outcome is Outcome.SUCCESS
    assert call.mood == 50


def test_stage_run_advance_and_finish(stage):
    run = StageRun(stage)
    assert run.current.encounter.id == "returns-desk"
    with pytest.raises(RuntimeError):
        run.advance()  # nothing chosen yet
    run.current.choose(0)
    run.current.choose(0)
    assert run.stars == 0  # not finished yet
    assert run.advance() is True
    assert run.current.encounter.id == "phone-call"
    assert not run.finished
    assert run.stars == 0
    with pytest.raises(RuntimeError):
        run.advance()
    run.current.choose(0)
    assert run.advance() is False
    assert run.finished
    assert run.advance() is False  # asking again changes nothing
    assert len(run.results) == 2
    assert run.skills.total == 9


def test_stage_run_passes_the_timer_speed_on(stage):
    run = StageRun(stage, timer_speed=0.5)
    assert run.current.update(10) is None  # arrives: 10 s card, 20 s at half speed
    run.current.choose(0)
    run.current.choose(0)
    run.advance()
    assert run.current.update(39.5) is None  # rings: 20 s -> 40 s
    assert run.current.update(0.5).timed_out


@pytest.mark.parametrize(("script", "total", "stars"), [
    ([[0, 0], [0]], 9, 3),  # 7 + 2
    ([[0, 0], ["t", 0]], 8, 3),  # 7 + (-1 + 2): 8/9 = 89%
    ([[0, 0], ["t", "t", 0]], 7, 2),  # 7 + (-2 + 2): 7/9 = 78%
    ([[0, 1], [0]], 6, 2),  # (3 + 1) + 2
    ([[0, 1], [1]], 3, 1),  # 4 - 1: 33%
    ([[0, 1], ["t", 1]], 2, 1),  # 4 - 1 - 1: 22%
    ([[0, 1], ["t", "t", 1]], 1, 0),  # 4 - 2 - 1: 11%
    ([[1, 1], [0]], -4, 0),  # (-3 - 3) + 2
])
def test_stage_stars_from_play(stage, script, total, stars):
    run = StageRun(stage)
    play(run, script)
    assert run.skills.total == total
    assert run.stars == stars


def test_walked_out_is_recorded_in_the_result(stage):
    run = StageRun(stage)
    run.current.choose(0)  # explains, mood 60
    for _ in range(6):  # -10 mood per timeout: 60 -> 0
        run.current.update(15)
    run.advance()
    result = run.results[0]
    assert result.outcome is Outcome.FAIL
    assert result.walked_out
    assert result.mood == 0
    assert result.skills == {"attention": 2, "problem_solving": 1, "partnership": 0}


def test_a_loop_back_to_a_card_earns_its_skill_points_only_once(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text(LOOP_STAGE, encoding="utf-8")
    stage, problems = load_file(path)
    assert problems == []
    run = EncounterRun(stage.encounters[0])
    run.choose(0)  # ask: +2 attention, goes to detail
    run.choose(0)  # detail: -1 problem-solving, back to ask
    repeat = run.choose(0)  # ask again: the +2 does not count twice
    assert repeat.repeat and repeat.effects.attention == 0
    assert run.skills.attention == 2 and run.skills.problem_solving == -1
    penalty = run.choose(0)  # detail again: a loss still counts
    assert penalty.effects.problem_solving == -1 and run.skills.problem_solving == -2
    assert run.mood == 50 + 10 - 5 + 10 - 5  # mood changes every time


LOOP_STAGE = """
id: loop
order: 1
title: Loop
summary: A loop.
encounters:
  - id: e
    title: E
    principles: [open-questions]
    channel: shop
    customer: {name: Ann, look: 1, mood: 50}
    start: ask
    cards:
      ask:
        say: "Hello?"
        choices:
          - {text: Tell me more., effects: {attention: 2, mood: 10}, next: detail}
          - {text: Bye., effects: {attention: -1}, next: done}
      detail:
        say: Well...
        choices:
          - {text: "Again?", effects: {problem_solving: -1, mood: -5}, next: ask}
          - {text: Thanks., effects: {partnership: 1}, next: done}
      done:
        say: Bye.
        end: success
"""


def test_stages_open_one_after_another():
    from game.play.marathon import unlocked

    order = ["a", "b", "c", "d"]
    assert unlocked(order, set()) == {"a"}
    assert unlocked(order, {"a"}) == {"a", "b"}
    assert unlocked(order, {"a", "b"}) == {"a", "b", "c"}
    assert unlocked(order, {"c"}) == {"a", "c", "d"}  # finished stages stay open
    assert unlocked(order, set(), unlock_all=True) == set(order)
    assert unlocked([], set()) == set()
