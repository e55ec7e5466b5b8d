"""Self-study through the real scenes: profiles typed in any language,
progress kept between starts, settings that apply at once and persist, and
saving faults that never stop play."""

from __future__ import annotations

import json
import time
from collections import Counter

import pygame
import pytest
from uikit import key, open_saved_app, play_encounter, post, run, shown_text, text_problems

from game.content.model import best_choice_index
from game.storage import SaveError
from game.ui.scenes.dialogs import ConfirmScene, NameScene
from game.ui.scenes.encounter import EncounterScene
from game.ui.scenes.pause import BlankScene
from game.ui.scenes.profiles import ProfilesScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.settings import ROWS, SettingsScene
from game.ui.scenes.stagemap import StageMapScene
from game.ui.scenes.title import PLAYER, SETTINGS, START, TitleScene
from game.ui.theme import contrast_ratio


@pytest.fixture
def folder(tmp_path):
    yield tmp_path / "data"
    pygame.quit()


def type_text(app, text: str) -> None:
    for character in text:
        post(app, pygame.TEXTINPUT, steps=1, text=character)


def title_button(app, index: int) -> None:
    title = app.stack.top
    assert isinstance(title, TitleScene)
    title.menu.focus = index
    key(app, pygame.K_RETURN)


def play_stage(app) -> None:
    """From the stage map: start the focused stage and play it through with
    the best answers, up to the results."""
    key(app, pygame.K_RETURN)
    for _ in app.stack.top.run.stage.encounters:
        play_encounter(app)
        key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, ResultsScene)


def first_card(folder):
    """A player with a profile, on the first card of the first stage."""
    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")
    title_button(app, START)
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, EncounterScene)
    return app, app.stack.top


def restart(app, folder):
    pygame.quit()
    return open_saved_app(folder)


# -- a whole session ---------------------------------------------------------------

def test_create_a_profile_play_a_stage_quit_and_find_it_all_again(folder):
    app = open_saved_app(folder)
    title_button(app, START)
    assert isinstance(app.stack.top, NameScene)  # progress needs an owner first
    type_text(app, "Žydrūnė Õunapuu")
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, StageMapScene)
    play_stage(app)
    key(app, pygame.K_RETURN)  # results -> map

    app = restart(app, folder)
    assert "Player: Žydrūnė Õunapuu" in shown_text(app)
    title_button(app, START)
    scene = app.stack.top
    assert isinstance(scene, StageMapScene)
    assert not scene.locked(scene.entries[1])  # stage 2 opened by the saved progress
    progress = app.ctx.player.progress
    assert progress.stages["first-contact"].stars == 3
    attempt, = progress.attempts
    assert attempt.outcomes == dict.fromkeys(attempt.outcomes, "success")
    assert len(attempt.decisions) >= 16  # four encounters of at least four decisions
    assert all(d.choice == d.best for d in attempt.decisions)


def test_each_profile_keeps_its_own_progress(folder):
    app = open_saved_app(folder)
    player = app.ctx.player
    player.create_profile("Anna")
    title_button(app, START)
    play_stage(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)  # map -> title
    title_button(app, PLAYER)
    assert isinstance(app.stack.top, ProfilesScene)
    scene = app.stack.top
    scene.menu.focus = len(player.profiles.entries)  # "New player"
    key(app, pygame.K_RETURN)
    type_text(app, "Bērziņš")
    key(app, pygame.K_RETURN)
    assert player.profile.name == "Bērziņš" and player.progress.stages == {}
    key(app, pygame.K_UP)  # back up the list to Anna
    key(app, pygame.K_UP)
    app.stack.top.menu.focus = 0
    key(app, pygame.K_RETURN)
    assert player.profile.name == "Anna"
    assert set(player.progress.stages) == {"first-contact"}


# -- names ---------------------------------------------------------------------------

def open_name_field(app) -> NameScene:
    title_button(app, START)
    scene = app.stack.top
    assert isinstance(scene, NameScene)
    return scene


@pytest.mark.parametrize("typed, message", [
    ("", "Type a name first."),
    ("   ", "Type a name first."),
    ("anna", "“anna” is already taken; choose another name."),
])
def test_a_name_that_cant_be_used_is_explained_and_nothing_is_lost(folder, typed, message):
    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")
    app.ctx.player.profiles.current = None  # as if no one had picked a player yet
    scene = open_name_field(app)
    type_text(app, typed)
    key(app, pygame.K_RETURN)
    assert app.stack.top is scene
    assert message in shown_text(app)
    assert [p.name for p in app.ctx.player.profiles.entries] == ["Anna"]


def test_a_name_stops_at_forty_characters_and_says_so(folder):
    app = open_saved_app(folder)
    scene = open_name_field(app)
    type_text(app, "ą" * 200)
    assert scene.text == "ą" * 40
    assert "A name can have at most 40 characters." in shown_text(app)
    assert text_problems(app) == []


def test_a_character_the_font_cant_show_is_refused_with_a_reason(folder):
    app = open_saved_app(folder)
    scene = open_name_field(app)
    type_text(app, "Ūla 🏃")
    assert scene.text == "Ūla "
    assert "The game's font can't show “🏃”, so a name can't use it." in shown_text(app)
    key(app, pygame.K_RETURN)
    assert app.ctx.player.profile.name == "Ūla"


def test_letters_typed_in_a_name_are_text_not_shortcuts(folder):
    app = open_saved_app(folder)
    scene = open_name_field(app)
    key(app, pygame.K_b)  # the blank-screen key elsewhere
    type_text(app, "b.ū")
    key(app, pygame.K_BACKSPACE)
    assert app.stack.top is scene and not app.stack.find(BlankScene)
    assert scene.text == "b."
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)
    assert app.ctx.player.profiles.entries == []


def test_rename_and_delete_with_confirmation(folder):
    app = open_saved_app(folder)
    player = app.ctx.player
    anna = player.create_profile("Anna")
    title_button(app, PLAYER)
    scene = app.stack.top
    count = len(player.profiles.entries)
    scene.menu.focus = count + 1  # Rename
    key(app, pygame.K_RETURN)
    field = app.stack.top
    assert isinstance(field, NameScene) and field.text == "Anna"
    for _ in "Anna":
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Ąžuolė")
    key(app, pygame.K_RETURN)
    assert app.stack.top is scene and player.profile.name == "Ąžuolė"
    scene.menu.focus = count + 2  # Delete
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, ConfirmScene)
    assert "Delete Ąžuolė and all of their progress?" in shown_text(app)
    key(app, pygame.K_RETURN)  # No is focused: Enter alone deletes nothing
    assert player.profiles.get(anna.id) is not None
    scene.menu.focus = count + 2
    key(app, pygame.K_RETURN)
    key(app, pygame.K_LEFT)  # to "Yes, delete"
    key(app, pygame.K_RETURN)
    assert player.profiles.entries == []
    app = restart(app, folder)
    assert app.ctx.player.profiles.entries == []


# -- settings --------------------------------------------------------------------------

def open_settings(app) -> SettingsScene:
    title_button(app, SETTINGS)
    scene = app.stack.top
    assert isinstance(scene, SettingsScene)
    return scene


def change(app, scene, row: str, times: int = 1) -> None:
    scene.menu.focus = ROWS.index(row)
    for _ in range(times):
        key(app, pygame.K_RETURN)


def test_relaxed_timer_doubles_the_time_and_is_kept(folder):
    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")
    scene = open_settings(app)
    change(app, scene, "timer")
    assert "Timer: relaxed, twice the time" in shown_text(app)
    key(app, pygame.K_ESCAPE)
    title_button(app, START)
    key(app, pygame.K_RETURN)
    encounter = app.stack.top
    assert isinstance(encounter, EncounterScene)
    card = encounter.encounter_run.card
    limit = card.time_limit or encounter.encounter_run.encounter.time_limit
    assert encounter.encounter_run.timer.seconds_shown == 2 * limit
    assert f"{round(2 * limit)} s" in shown_text(app)
    app = restart(app, folder)
    assert app.ctx.player.settings.timer == "relaxed"
    assert app.ctx.timer_speed == 0.5


def test_timer_off_never_times_out(folder):
    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")
    scene = open_settings(app)
    change(app, scene, "timer", times=3)  # normal -> relaxed -> extended -> off
    assert app.ctx.player.settings.timer == "off"
    key(app, pygame.K_ESCAPE)
    title_button(app, START)
    key(app, pygame.K_RETURN)
    encounter = app.stack.top
    run(app, steps=30 * 600)  # ten minutes at 30 frames a second
    assert app.stack.top is encounter and encounter.encounter_run.decisions == []
    assert "No time limit" in shown_text(app)


def test_changing_the_timer_mid_card_applies_to_that_card(folder):
    app, encounter = first_card(folder)
    app.stack.push(SettingsScene(app))
    change(app, app.stack.top, "timer", times=2)  # extended
    assert encounter.encounter_run.timer.speed == pytest.approx(0.1)


def test_text_size_has_five_steps_and_persists(folder):
    app = open_saved_app(folder)
    scene = open_settings(app)
    sizes = []
    for _ in range(5):
        sizes.append(app.ctx.metrics.font(21))
        change(app, scene, "text")
    assert len(set(sizes)) == 5
    assert app.ctx.text_scale_index == 1  # five steps went round to the start
    change(app, scene, "text", times=2)
    assert "Text size: 4 of 5" in shown_text(app)
    saved = app.ctx.text_scale_index
    app = restart(app, folder)
    assert app.ctx.text_scale_index == saved


def screens_in_high_contrast(app):
    """Yield after drawing each of several screens."""
    yield "title"
    title_button(app, SETTINGS)
    yield "settings"
    key(app, pygame.K_ESCAPE)
    title_button(app, START)
    yield "stage map"
    key(app, pygame.K_RETURN)
    yield "encounter"
    key(app, pygame.K_1)
    yield "feedback"


def background_under(surface, rect) -> tuple:
    """The commonest colour inside ``rect``: what the text sits on."""
    rect = rect.clip(surface.get_rect())
    colours = Counter(tuple(surface.get_at((x, y)))[:3]
                      for x in range(rect.left, rect.right, 2)
                      for y in range(rect.top, rect.bottom, 2))
    return colours.most_common(1)[0][0]


def test_high_contrast_text_is_at_least_7_to_1_on_every_screen(folder):
    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")
    app.ctx.player.change(high_contrast=True)
    app.apply_palette()
    checked = 0
    for screen in screens_in_high_contrast(app):
        app.stack.mark_dirty()
        run(app)
        app.ctx.text.drawn.clear()  # only what the top scene shows, above any shade
        app.stack.top.draw(app.screen)
        for drawn in app.ctx.text.drawn:
            if drawn.rect.width < 4 or not drawn.text.strip():
                continue
            ground = background_under(app.screen, drawn.rect)
            ratio = contrast_ratio(drawn.color, ground)
            assert ratio >= 7, f"{screen}: {drawn.text!r} {drawn.color} on {ground}: {ratio:.1f}"
            checked += 1
    assert checked > 40


def test_high_contrast_is_kept_and_the_normal_palette_fails_the_same_test(folder):
    app = open_saved_app(folder)
    app.stack.mark_dirty()
    run(app)
    ratios = [contrast_ratio(d.color, background_under(app.screen, d.rect))
              for d in app.ctx.text.drawn if d.rect.width >= 4]
    assert min(ratios) < 7  # so the test above can fail
    scene = open_settings(app)
    change(app, scene, "contrast")
    app = restart(app, folder)
    assert app.ctx.player.settings.high_contrast
    assert app.ctx.palette.ink == (0, 0, 0)


def test_reduce_motion_keeps_the_timer_bar_to_one_step_a_second(folder):
    app, encounter = first_card(folder)
    timer = encounter.encounter_run.timer
    timer.elapsed = timer.limit - 3
    assert encounter._urgent_step() >= 0
    app.ctx.player.change(reduce_motion=True)
    assert encounter._urgent_step() == -1


def test_sound_cues_follow_play_and_the_switch(folder):
    app, encounter = first_card(folder)
    key(app, pygame.K_1 + best_choice_index(encounter.encounter_run.card.choices))
    key(app, pygame.K_RETURN)
    assert app.sound.played[:3] == ["card", "good", "card"]
    app.ctx.player.change(sound=False)
    app.sound.played.clear()
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    assert app.sound.played == []


# -- faults ----------------------------------------------------------------------------

def test_a_corrupt_settings_file_is_set_aside_and_the_player_is_told(folder):
    folder.mkdir(parents=True)
    (folder / "settings.json").write_text('{"version": 1, "language": "lv", "tim')
    app = open_saved_app(folder)
    stamp = time.strftime("%Y%m%d")
    aside = [p.name for p in folder.iterdir() if p.name.startswith("settings.")]
    assert len(aside) == 1 and aside[0].startswith(f"settings.{stamp}")
    assert (folder / aside[0]).read_text() == '{"version": 1, "language": "lv", "tim'
    assert (f"settings.json can't be used (it is damaged); it is kept as {aside[0]}, and "
            "the game goes on with defaults.") in shown_text(app)
    assert isinstance(app.stack.top, TitleScene)


def test_an_empty_progress_file_costs_only_that_profile_and_says_so(folder):
    app = open_saved_app(folder)
    anna = app.ctx.player.create_profile("Anna")
    app = restart(app, folder)
    path = app.ctx.player.profiles.progress_file(anna.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    app = restart(app, folder)
    assert app.ctx.player.profile.name == "Anna"
    assert f"{anna.id}.json can't be used (it is empty)" in shown_text(app)


def test_a_disk_that_refuses_writes_lets_play_go_on_with_a_visible_notice(folder,
                                                                           monkeypatch):
    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")

    def refuse(path, document):
        raise SaveError(path.name, "Read-only file system")

    monkeypatch.setattr("game.profiles.write_json", refuse)
    title_button(app, START)
    play_stage(app)
    assert ("Progress can't be saved (Read-only file system). You can keep playing; it will "
            "be saved when the disk allows.") in [n for n in app.ctx.notices]
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, StageMapScene)
    assert not scene.locked(scene.entries[1])  # still open in this session
    monkeypatch.undo()
    player = app.ctx.player
    player.record(player.progress.attempts[-1])  # the next save works again
    assert player.save_error is None
    saved = json.loads(player.profiles.progress_file(player.profile.id).read_text("utf-8"))
    assert len(saved["attempts"]) == 2


def test_the_demo_leaves_no_settings_profiles_or_progress_behind(tmp_path, capsys):
    from game.cli import main

    assert main(["demo", "--headless", "--data-dir", str(tmp_path)]) == 0
    assert not {"settings.json", "profiles.json", "progress"} & {
        path.name for path in tmp_path.iterdir()}


# -- review and growth -------------------------------------------------------------------

def worst_then_best(choices):
    """A poor first answer on every card whose best answer is not the first."""
    return min(range(len(choices)), key=lambda i: choices[i].effects.skill_total)


def test_review_walks_every_decision_and_shows_the_best_answer(folder):
    from game.ui.scenes.review import ReviewScene

    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")
    title_button(app, START)
    key(app, pygame.K_RETURN)
    for _ in app.stack.top.run.stage.encounters:
        play_encounter(app, pick=worst_then_best)
        key(app, pygame.K_RETURN)
    results = app.stack.top
    assert isinstance(results, ResultsScene)
    attempts = len(app.ctx.player.progress.attempts)
    results.menu.focus = 2  # Review my answers
    key(app, pygame.K_RETURN)
    review = app.stack.top
    assert isinstance(review, ReviewScene)
    first = review.decisions[0]
    encounter = review.stage.encounters[0]
    card = encounter.cards[first.card]
    shown = shown_text(app)
    assert "Review: First contact · decision 1 of" in shown
    assert card.say in shown
    assert card.choices[first.choice].text in shown
    assert card.choices[first.choice].feedback in shown
    assert "The best answer:" in shown and card.choices[first.best].text in shown
    assert first.choice != first.best
    key(app, pygame.K_PAGEDOWN)
    assert review.page == 1 and "decision 2 of" in shown_text(app)
    key(app, pygame.K_t)  # try this customer again
    practice = app.stack.top
    assert isinstance(practice, EncounterScene) and practice.run.practice
    play_encounter(app)
    assert "Back to the review" in shown_text(app)
    key(app, pygame.K_RETURN)
    assert app.stack.top is review
    assert len(app.ctx.player.progress.attempts) == attempts  # practice is not an attempt
    assert text_problems(app) == []


def test_the_stage_map_opens_the_review_and_the_growth_chart(folder):
    from game.ui.scenes.growth import GrowthScene
    from game.ui.scenes.review import ReviewScene

    app = open_saved_app(folder)
    app.ctx.player.create_profile("Anna")
    title_button(app, START)
    play_stage(app)
    key(app, pygame.K_ESCAPE)  # results -> map
    assert "Review my answers" in shown_text(app)
    key(app, pygame.K_r)
    assert isinstance(app.stack.top, ReviewScene)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_g)
    growth = app.stack.top
    assert isinstance(growth, GrowthScene)
    from game.play.scoring import max_stage_total

    attempt, = app.ctx.player.progress.attempts
    stage = app.ctx.levels.stages[0]
    assert growth.points == [(1, {skill: value / max_stage_total(stage, skill)
                                  for skill, value in attempt.skills.items()})]
    assert "Growth of Anna" in shown_text(app)
    assert text_problems(app) == []


def test_growth_shares_are_of_each_skills_best_and_skip_removed_stages(folder):
    from game.play.progress import Attempt
    from game.play.scoring import max_stage_total
    from game.ui.scenes.growth import growth_points

    app = open_saved_app(folder)
    stages = app.ctx.levels.stages
    stage = stages[1]
    best = max_stage_total(stage, "attention")
    attempts = [Attempt("gone-stage", 0, 1, {"attention": 5}, {}),
                Attempt(stage.id, 0, 1, {"attention": best // 2, "problem_solving": -3,
                                         "partnership": 0}, {})]
    (number, shares), = growth_points(attempts, stages)
    assert number == 2
    assert shares == {"attention": (best // 2) / best, "problem_solving": 0.0,
                      "partnership": 0.0}


def test_a_review_of_a_card_no_longer_in_the_levels_says_so(folder):
    from game.play.progress import Attempt, DecisionRecord
    from game.ui.scenes.review import ReviewScene

    app = open_saved_app(folder)
    stage = app.ctx.levels.stages[0]
    attempt = Attempt(stage.id, 0, 1, {}, {}, (
        DecisionRecord("no-such-encounter", "gone", 0, 0, 1.0, {}),))
    app.stack.push(ReviewScene(app, stage, attempt))
    run(app)
    assert "This card is no longer in the level files, so it can't be shown." in \
        shown_text(app)
    key(app, pygame.K_t)  # nothing to try again: nothing happens
    assert isinstance(app.stack.top, ReviewScene)


def test_when_the_platform_data_folder_cant_be_made_the_game_plays_without_saving(
        tmp_path, monkeypatch, capsys):
    from game.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.delenv("SERVICE_MARATHON_DATA", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker / "config"))
    assert main(["--headless", "--frames", "3"]) == 0
    err = capsys.readouterr().err
    assert "progress won't be saved" in err and "Traceback" not in err


def test_playing_unsaved_shows_why_on_the_title(tmp_path):
    from game.storage import Folders
    from game.ui.app import open_app

    pygame.display.init()
    pygame.font.init()
    app = open_app(Folders(tmp_path, tmp_path), "en", (1280, 720), fixed_dt=1 / 30,
                   unsaved="can't create the data folder /x: Permission denied")
    app.collect_notices()
    app.stack.push(TitleScene(app))
    run(app)
    assert ("Progress can't be saved (can't create the data folder /x: Permission denied). "
            "You can keep playing; it will be saved when the disk allows.") in shown_text(app)
    assert app.ctx.player.profiles is None  # nothing will be written
    title_button(app, PLAYER)
    assert isinstance(app.stack.top, TitleScene)
    assert "Players can't be kept: the game can't save on this computer now." in \
        shown_text(app)
    pygame.quit()
