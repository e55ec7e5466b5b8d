"""A group session through the real scenes, by posted events: setup, turns,
pause, +15 s, skip, bonus, undo, discussion, scoreboard, resume after a
restart, and the podium with its report."""

from __future__ import annotations

import csv

import pygame
import pytest
from uikit import key, open_saved_app, post, run, shown_text, text_problems

from game.content.model import best_choice_index
from game.ui.scenes.dialogs import ConfirmScene
from game.ui.scenes.group import (
    AwardScene,
    DiscussionScene,
    GroupEncounterScene,
    PodiumScene,
    ReportScene,
    ScoreboardScene,
    SetupScene,
)
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.title import GROUP, TitleScene


@pytest.fixture
def folder(tmp_path):
    yield tmp_path / "data"
    pygame.quit()


def open_setup(app) -> SetupScene:
    title = app.stack.top
    assert isinstance(title, TitleScene)
    title.menu.focus = GROUP
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, SetupScene)
    return scene


def type_name(app, scene, row: int, name: str) -> None:
    scene.menu.focus = row
    for _ in scene.names[row]:
        key(app, pygame.K_BACKSPACE)
    for character in name:
        post(app, pygame.TEXTINPUT, steps=1, text=character)


def start_session(app, names=("Ūdri", "Žuvėdros", "Õunad"), stages=2) -> GroupEncounterScene:
    scene = open_setup(app)
    for row, name in enumerate(names):
        type_name(app, scene, row, name)
    for number in range(stages, len(scene.stages)):
        scene.chosen[number] = False  # only the first stages
    scene.menu.focus = scene.menu.count - 2  # Start the session
    key(app, pygame.K_RETURN)
    encounter = app.stack.top
    assert isinstance(encounter, GroupEncounterScene)
    return encounter


def answer(app, encounter, index=None) -> None:
    """The team in turn answers; the room discusses; the trainer goes on."""
    card = encounter.encounter_run.card
    index = best_choice_index(card.choices) if index is None else index
    key(app, pygame.K_1 + index)
    assert isinstance(app.stack.top, DiscussionScene)
    while app.stack.top is not encounter:
        key(app, pygame.K_RETURN)


def finish_customer(app, encounter) -> None:
    while not encounter.encounter_run.finished:
        answer(app, encounter)
    key(app, pygame.K_RETURN)  # the ending's button


def test_a_whole_session_with_three_teams_through_two_stages(folder):
    app = open_saved_app(folder)
    encounter = start_session(app)
    session = encounter.session
    assert [t.name for t in session.teams] == ["Ūdri", "Žuvėdros", "Õunad"]
    assert "Ūdri · First contact · customer 1 of 4" in shown_text(app)

    # pause: the timer waits
    timer = encounter.encounter_run.timer
    run(app, steps=30)
    before = timer.elapsed
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, PauseScene)
    run(app, steps=60)
    key(app, pygame.K_ESCAPE)
    assert app.stack.top is encounter and timer.elapsed - before < 0.2

    # +15 seconds
    shown = timer.seconds_shown
    key(app, pygame.K_PLUS)
    assert timer.seconds_shown == shown + 15

    # a wrong answer, discussed, the best answer revealed with D, then undone
    card = encounter.encounter_run.card
    worst = min(range(len(card.choices)), key=lambda i: card.choices[i].effects.skill_total)
    key(app, pygame.K_1 + worst)
    discussion = app.stack.top
    assert isinstance(discussion, DiscussionScene) and not discussion.revealed
    assert card.choices[worst].text in shown_text(app)
    key(app, pygame.K_d)
    best = best_choice_index(card.choices)
    assert f"The best answer: {card.choices[best].text}" in shown_text(app)
    key(app, pygame.K_u)  # undo from the discussion
    assert app.stack.top is encounter and session.turns == []
    assert encounter.encounter_run.card.id == card.id

    # a bonus point for a good argument
    key(app, pygame.K_a)
    award = app.stack.top
    assert isinstance(award, AwardScene)
    award.menu.focus = 3 + 2  # Žuvėdros, partnership
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    assert session.scores()[1].partnership == 1

    # skip a card: nothing scored, the dialogue moves on
    key(app, pygame.K_s)
    assert session.turns[-1].skipped and session.run.card.id != card.id
    run(app)
    finish_customer(app, encounter)
    board = app.stack.top
    assert isinstance(board, ScoreboardScene)
    assert "Next customer: Žuvėdros" in shown_text(app)
    assert text_problems(app) == []

    # the laptop sleeps and the game is closed: the next start resumes
    pygame.quit()
    app = open_saved_app(folder)
    app.stack.top.menu.focus = GROUP
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, ConfirmScene)
    assert "A group session is not finished (Ūdri, Žuvėdros, Õunad)." in shown_text(app)
    key(app, pygame.K_RETURN)  # "Go on with it" is focused
    encounter = app.stack.top
    assert isinstance(encounter, GroupEncounterScene)
    session = encounter.session
    assert session.team.name == "Žuvėdros" and session.scores()[1].partnership == 1

    # everyone plays the rest: two stages, eight customers, in turn
    while True:
        finish_customer(app, encounter)
        top = app.stack.top
        if isinstance(top, PodiumScene):
            break
        assert isinstance(top, ScoreboardScene)
        key(app, pygame.K_RETURN)
        encounter = app.stack.top
    assert [turn.team for turn in session.turns][-1] == 7 % 3
    assert "Best listeners:" in shown_text(app)
    csv_path, html_path = top.report
    with csv_path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) - 1 == len(session.turns) + len(session.bonuses)
    assert {row[1] for row in rows[1:]} == {"Ūdri", "Žuvėdros", "Õunad"}
    assert "Õunad" in html_path.read_text(encoding="utf-8")
    assert not (folder / "sessions" / "current.json").exists()  # nothing to resume


def test_e_saves_the_report_so_far_and_says_where(folder):
    app = open_saved_app(folder)
    encounter = start_session(app, names=("Ūdri", "Žuvėdros"), stages=1)
    answer(app, encounter)
    key(app, pygame.K_e)
    assert isinstance(app.stack.top, ReportScene)
    reports = folder / "reports"
    csv_path = next(reports.glob("*.csv"))
    html_path = next(reports.glob("*.html"))
    assert (f"The report is saved in {reports}: {csv_path.name} and {html_path.name}"
            in shown_text(app))
    with csv_path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) == 2 and rows[1][1] == "Ūdri"  # the header and the one answer
    key(app, pygame.K_SPACE)  # any key closes it; the session goes on
    assert app.stack.top is encounter and len(encounter.session.turns) == 1


def test_a_report_that_cant_be_written_says_why_and_the_session_goes_on(folder):
    app = open_saved_app(folder)
    encounter = start_session(app, names=("Ūdri", "Žuvėdros"), stages=1)
    (folder / "reports").write_text("a file where the folder should be")
    key(app, pygame.K_e)
    text = shown_text(app)
    assert "The report could not be saved (" in text
    key(app, pygame.K_ESCAPE)
    assert app.stack.top is encounter


@pytest.mark.parametrize("names, message", [
    (["", "B"], "Team 1 has no name yet."),
    (["Ūdri", "ūdri"], "Two teams are called “ūdri”; give each its own name."),
])
def test_team_names_that_cant_be_used_are_explained_and_nothing_starts(folder, names,
                                                                        message):
    app = open_saved_app(folder)
    scene = open_setup(app)
    scene.names = ["x", "y"]
    scene._sync()
    for row, name in enumerate(names):
        type_name(app, scene, row, name)
    scene.menu.focus = scene.menu.count - 2
    key(app, pygame.K_RETURN)
    assert app.stack.top is scene
    assert message in shown_text(app)


def test_a_team_name_stops_at_its_limit_and_teams_stay_between_two_and_six(folder):
    app = open_saved_app(folder)
    scene = open_setup(app)
    type_name(app, scene, 0, "Ą" * 500)
    assert scene.names[0] == "Ą" * 24
    add = len(scene.names)
    for _ in range(6):
        scene.menu.focus = len(scene.names)  # "Add a team"
        key(app, pygame.K_RETURN)
    assert len(scene.names) == 6
    for _ in range(6):
        scene.menu.focus = len(scene.names) + 1  # "Remove a team"
        key(app, pygame.K_RETURN)
    assert len(scene.names) == 2 and add == 3


def test_letters_typed_in_a_team_name_are_not_trainer_shortcuts(folder):
    app = open_saved_app(folder)
    scene = open_setup(app)
    type_name(app, scene, 0, "")
    key(app, pygame.K_b)
    post(app, pygame.TEXTINPUT, steps=1, text="b")
    assert app.stack.top is scene and scene.names[0] == "b"


def test_a_session_whose_stage_file_is_gone_is_set_aside_with_a_message(folder, tmp_path):
    from game.play.session import GroupSession, check_teams
    from game.storage import write_json

    app = open_saved_app(folder)
    stages = app.ctx.levels.stages
    session = GroupSession(check_teams(["A", "B"]), stages[:1])
    data = session.to_json()
    data["stages"] = ["a-stage-that-was-removed"]
    write_json(folder / "sessions" / "current.json", data)
    app.stack.top.menu.focus = GROUP
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, SetupScene)
    assert ("The saved group session can't be resumed: one of its stages is no longer in "
            "the levels folder. It is kept aside.") in app.ctx.notices
    kept = [p.name for p in (folder / "sessions").iterdir()]
    assert len(kept) == 1 and kept[0].startswith("current.") and "unreadable" in kept[0]


def test_demo_plays_a_whole_group_session_and_names_its_report(tmp_path, capsys):
    import json
    from pathlib import Path

    from game.cli import main

    assert main(["demo", "--headless", "--teams", "3", "--data-dir", str(tmp_path)]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["finished"] and len(summary["teams"]) == 3
    assert summary["bonuses"] == 1 and summary["turns"] >= 2 * 4 * 4
    csv_path, html_path = (Path(p) for p in summary["report"])
    assert csv_path.exists() and html_path.exists()
    assert not (tmp_path / "sessions").exists()  # a demo never touches a real session


@pytest.mark.parametrize("teams", ["1", "7", "x"])
def test_demo_teams_outside_two_to_six_get_one_line_and_exit_2(teams, capsys):
    from game.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--headless", "--teams", teams])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == (
        f"service-marathon demo: argument --teams: a group session has 2 to 6 teams, "
        f"not '{teams}' (see --help)")


def group_screens(app):
    """Walk a short session (one stage, two teams), yielding each screen."""
    scene = open_setup(app)
    for number in range(1, len(scene.stages)):
        scene.chosen[number] = False
    yield "setup"
    scene.menu.focus = scene.menu.count - 2
    key(app, pygame.K_RETURN)
    encounter = app.stack.top
    yield "encounter"
    key(app, pygame.K_h)
    yield "help"
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_1)
    yield "discussion"
    key(app, pygame.K_d)
    yield "discussion, best answer"
    key(app, pygame.K_a)
    yield "bonus points"
    key(app, pygame.K_ESCAPE)
    while app.stack.top is not encounter:
        key(app, pygame.K_RETURN)
    finish_customer(app, encounter)
    yield "scoreboard"
    while not isinstance(app.stack.top, PodiumScene):
        key(app, pygame.K_RETURN)
        finish_customer(app, app.stack.top)
    yield "podium"


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1024, 768)])
@pytest.mark.parametrize("language", ["en", "lt"])
def test_projector_mode_text_is_readable_from_the_back_and_stays_in_its_boxes(folder, size,
                                                                             language):
    app = open_saved_app(folder, size=size, language=language)
    smallest = -(-size[1] // 28)
    seen = []
    for screen in group_screens(app):
        app.stack.mark_dirty()
        run(app)
        app.ctx.text.drawn.clear()  # only what the top screen shows
        for scene in app.stack.visible():
            scene.draw(app.screen)
        sizes = [(d.size, d.text) for d in app.ctx.text.drawn if d.text.strip()]
        assert sizes, screen
        assert min(sizes)[0] >= smallest, (screen, min(sizes))
        assert text_problems(app) == [], screen
        seen.append(screen)
    assert len(seen) == 8


def test_runners_with_equal_scores_stand_side_by_side_not_on_top_of_each_other():
    from types import SimpleNamespace

    from game.ui.scenes.group import runner_places

    track = [(x, 100) for x in range(0, 1001, 5)]
    scores = [SimpleNamespace(total=t) for t in (0, 2, 0, 0, 30, 29)]
    places = dict(runner_places(track, scores, side=60, gap=6))
    assert sorted(places) == list(range(6))
    xs = sorted(x for x, _ in places.values())
    assert all(b - a >= 66 for a, b in zip(xs, xs[1:], strict=False))  # never overlapping
    assert all(30 <= x <= 970 for x in xs)  # on the track
    assert places[4][0] > places[5][0] > places[1][0] > max(places[i][0] for i in (0, 2, 3))
