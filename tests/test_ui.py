"""The real scenes, driven by posted pygame events, under the dummy driver."""

from __future__ import annotations

import shutil

import pygame
import pytest
from uikit import key, make_app, play_encounter, post, run, text_problems

from game.ui.scenes.encounter import EncounterScene
from game.ui.scenes.feedback import FeedbackScene
from game.ui.scenes.pause import BlankScene, PauseScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.stagemap import StageMapScene
from game.ui.scenes.title import TitleScene

SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    app.stack.push(TitleScene(app))
    run(app)
    yield app
    pygame.quit()


def test_scripted_playthrough_title_to_results_and_back(app):
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, StageMapScene)
    stage = app.stack.top.selected.stage
    key(app, pygame.K_RETURN)
    for _ in stage.encounters:
        play_encounter(app)
        key(app, pygame.K_RETURN)  # "next customer" / "see the results"
    results = app.stack.top
    assert isinstance(results, ResultsScene)
    assert results.run.finished and results.run.stars == 3  # the best answers every time
    assert app.ctx.progress[stage.id].stars == 3
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, StageMapScene)
    assert app.frames > 5


def test_choice_changes_scores_and_the_feedback_names_each_effect(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    card = scene.encounter_run.card
    mood_before = scene.encounter_run.mood
    key(app, pygame.K_2)
    feedback = app.stack.top
    assert isinstance(feedback, FeedbackScene)
    effects = card.choices[1].effects
    assert scene.encounter_run.skills.attention == effects.attention
    assert scene.encounter_run.mood == max(0, min(100, mood_before + effects.mood))
    shown = {d.text for d in app.ctx.text.drawn}
    assert "Attention" in shown and "Problem-solving" in shown and "Partnership" in shown
    assert (f"{effects.mood:+d}" if effects.mood else "0") in shown
    assert card.choices[1].feedback in shown


def test_mouse_click_and_touch_pick_answers(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    first = scene.encounter_run.card
    target = scene.menu.rects[0].center
    post(app, pygame.MOUSEBUTTONDOWN, pos=target, button=1, touch=False)
    assert isinstance(app.stack.top, FeedbackScene)
    assert scene.encounter_run.decisions[-1].choice_index == 0
    assert scene.encounter_run.decisions[-1].card is first
    post(app, pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1, touch=False)  # not on the button
    key(app, pygame.K_RETURN)
    assert app.stack.top is scene
    if scene.encounter_run.finished:
        return
    width, height = app.screen.get_size()
    x, y = scene.menu.rects[-1].center
    post(app, pygame.FINGERDOWN, x=x / width, y=y / height, finger_id=0, touch_id=0,
         dx=0.0, dy=0.0, pressure=1.0)
    assert isinstance(app.stack.top, FeedbackScene)
    assert scene.encounter_run.decisions[-1].choice_index == len(
        scene.encounter_run.decisions[-1].card.choices) - 1


def test_a_touch_is_not_counted_twice(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    pos = scene.menu.rects[0].center
    post(app, pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=True)
    assert app.stack.top is scene and not scene.encounter_run.decisions


def test_esc_pauses_and_the_timer_waits(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    timer = scene.encounter_run.timer
    run(app, 3)
    elapsed = timer.elapsed
    assert elapsed > 0
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, PauseScene)
    run(app, 30)
    assert timer.elapsed == elapsed
    key(app, pygame.K_ESCAPE)
    assert app.stack.top is scene
    run(app, 3)
    assert timer.elapsed > elapsed


def test_running_out_of_time_shows_why(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    run_ = scene.encounter_run
    limit = run_.timer.limit
    run(app, int(limit * 30) + 5)
    assert isinstance(app.stack.top, FeedbackScene)
    assert app.stack.top.decision.timed_out
    assert "Time ran out" in {d.text for d in app.ctx.text.drawn}


def test_clicker_keys_advance_and_go_back(app):
    key(app, pygame.K_PAGEDOWN)
    assert isinstance(app.stack.top, StageMapScene)
    key(app, pygame.K_PAGEUP)
    assert isinstance(app.stack.top, TitleScene)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert isinstance(app.stack.top, EncounterScene)
    key(app, pygame.K_b)
    assert isinstance(app.stack.top, BlankScene)
    key(app, pygame.K_b)
    assert isinstance(app.stack.top, EncounterScene)


def test_text_scale_keys_change_sizes(app):
    before = app.ctx.metrics.font(21)
    key(app, pygame.K_EQUALS, mod=pygame.KMOD_LCTRL)
    assert app.ctx.metrics.font(21) > before
    key(app, pygame.K_MINUS, mod=pygame.KMOD_LCTRL)
    key(app, pygame.K_MINUS, mod=pygame.KMOD_LCTRL)
    assert app.ctx.metrics.font(21) < before


def test_nothing_is_drawn_while_nothing_changes(app):
    frames = app.frames
    run(app, 20)
    assert app.frames == frames  # the title waits without drawing
    assert app.stack.wake_in() is None


def test_the_encounter_redraws_only_for_the_timer(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    timer = app.stack.top.encounter_run.timer
    frames = app.frames
    run(app, 30)  # one simulated second at 30 steps a second
    assert app.frames - frames == 1  # the clock ticks once a second, not thirty times
    run(app, round((timer.remaining - 4) * 30))
    frames = app.frames
    run(app, 30)  # a second within the last five: more urgent
    assert 3 <= app.frames - frames <= 5
    assert app.stack.wake_in() == pytest.approx(0.25)


def test_resize_lays_the_scene_out_again(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    post(app, pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080)
    assert app.ctx.metrics.width == 1920
    assert app.stack.top.menu.rects[0].right > 1280
    assert text_problems(app) == []


def _screens(app):
    """Reach every scene by keys; yield a name once each is on screen."""
    yield "title"
    key(app, pygame.K_RETURN)
    yield "map"
    key(app, pygame.K_RETURN)
    yield "encounter"
    scene = app.stack.top
    key(app, pygame.K_1)
    yield "feedback"
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    yield "pause"
    key(app, pygame.K_ESCAPE)
    for _ in scene.run.stage.encounters:
        play_encounter(app)
        if not isinstance(app.stack.top, EncounterScene):
            break
        yield "ending"
        key(app, pygame.K_RETURN)
    yield "results"


@pytest.mark.parametrize("language", ["en", "lv", "et", "lt"])
@pytest.mark.parametrize("size, scale", [((1280, 720), None), ((1920, 1080), None),
                                         ((1280, 720), 4), ((1920, 1080), 4)],
                         ids=["1280x720", "1920x1080", "1280x720-largest-text",
                              "1920x1080-largest-text"])
def test_every_scene_keeps_its_text_in_its_boxes(tmp_path, size, scale, language):
    app = make_app(tmp_path, size=size, text_scale_index=scale, language=language)
    app.stack.push(TitleScene(app))
    run(app)
    seen = []
    for name in _screens(app):
        app.stack.mark_dirty()
        run(app)
        assert app.ctx.text.drawn, name
        assert text_problems(app) == [], name
        seen.append(name)
    assert {"title", "map", "encounter", "feedback", "pause", "ending", "results"} <= set(seen)
    pygame.quit()


def test_a_broken_stage_is_listed_unavailable_and_the_rest_still_play(tmp_path, root):
    game_root = tmp_path / "game"
    (game_root / "levels").mkdir(parents=True)
    (game_root / "assets").mkdir()
    shutil.copytree(root / "assets" / "fonts", game_root / "assets" / "fonts")
    good = sorted((root / "levels").glob("*.yaml"))[0]
    shutil.copy(good, game_root / "levels" / good.name)
    (game_root / "levels" / "zz-broken.yaml").write_text("id: broken\norder: [\n")
    app = make_app(tmp_path / "data", root=game_root)
    app.stack.push(StageMapScene(app))
    run(app)
    entries = app.stack.top.entries
    assert [e.stage is not None for e in entries] == [True, False]
    key(app, pygame.K_RIGHT)
    shown = " ".join(d.text for d in app.ctx.text.drawn)
    assert "This stage can't be played" in shown and "zz-broken.yaml:3" in shown
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, StageMapScene)  # can't start it
    key(app, pygame.K_LEFT)
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, EncounterScene)
    pygame.quit()


def test_f11_toggles_full_screen_and_back_to_the_same_window(app):
    key(app, pygame.K_F11)
    assert app.fullscreen
    assert pygame.display.get_surface().get_flags() & pygame.FULLSCREEN
    key(app, pygame.K_F11)
    assert not app.fullscreen
    assert app.screen.get_size() == (1280, 720)
    assert text_problems(app) == []


def test_switching_language_mid_encounter_keeps_the_run(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    run(app, 45)  # a second and a half on the clock
    key(app, pygame.K_2)
    key(app, pygame.K_RETURN)
    run_ = scene.encounter_run
    state = (run_.card, run_.skills.as_dict(), run_.mood, len(run_.decisions))
    elapsed = run_.timer.elapsed
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_DOWN)  # the pause menu's "Language"
    key(app, pygame.K_RETURN)
    key(app, pygame.K_DOWN)  # latviešu, next after English
    key(app, pygame.K_RETURN)
    assert app.ctx.tr.language == "lv"
    key(app, pygame.K_ESCAPE)  # back to the pause menu
    key(app, pygame.K_ESCAPE)  # resume
    assert app.stack.top is scene
    assert (run_.card, run_.skills.as_dict(), run_.mood, len(run_.decisions)) == state
    assert run_.timer.elapsed == pytest.approx(elapsed, abs=0.1)
    shown = {d.text for d in app.ctx.text.drawn}
    from game.content import msgctxt

    latvian = app.ctx.tr.level(msgctxt.say(run_.card), run_.card.say)
    assert latvian != run_.card.say and latvian in shown


def copy_game(root, target):
    (target / "assets").mkdir(parents=True)
    shutil.copytree(root / "assets" / "fonts", target / "assets" / "fonts")
    shutil.copytree(root / "levels", target / "levels")
    return target


def test_f5_reloads_edited_levels_and_keeps_the_player_on_the_map(tmp_path, root):
    game_root = copy_game(root, tmp_path / "game")
    app = make_app(tmp_path / "data", root=game_root)
    app.stack.push(TitleScene(app))
    run(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    first = app.stack.top.encounter_run.card
    level = sorted((game_root / "levels").glob("*.yaml"))[0]
    text = level.read_text(encoding="utf-8")
    level.write_text(text.replace(first.say, "A line the author has just written."),
                     encoding="utf-8")
    key(app, pygame.K_F5)
    assert isinstance(app.stack.top, StageMapScene)
    assert "Levels reloaded." in {d.text for d in app.ctx.text.drawn}
    key(app, pygame.K_RETURN)
    assert app.stack.top.encounter_run.card.say == "A line the author has just written."
    assert "A line the author has just written." in {d.text for d in app.ctx.text.drawn}
    pygame.quit()


def test_f5_with_a_broken_file_shows_its_error(tmp_path, root):
    game_root = copy_game(root, tmp_path / "game")
    app = make_app(tmp_path / "data", root=game_root)
    app.stack.push(TitleScene(app))
    run(app)
    key(app, pygame.K_RETURN)
    level = sorted((game_root / "levels").glob("*.yaml"))[0]
    level.write_text(level.read_text(encoding="utf-8").replace("order:", "ordr:", 1),
                     encoding="utf-8")
    key(app, pygame.K_F5)
    scene = app.stack.top
    assert isinstance(scene, StageMapScene)
    shown = " ".join(d.text for d in app.ctx.text.drawn)
    assert "Levels reloaded: 1 file has an error." in shown
    broken = [e for e in scene.entries if e.stage is None]
    assert [e.name for e in broken] == [level.name]
    assert "unknown key 'ordr'" in str(broken[0].problem)
    assert len(scene.entries) == 6  # the other five stages still play
    pygame.quit()


def test_the_next_stage_opens_when_the_previous_is_finished(app):
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    key(app, pygame.K_RIGHT)
    assert scene.locked(scene.selected)
    shown = " ".join(d.text for d in app.ctx.text.drawn)
    assert "Ctrl+U" in shown
    key(app, pygame.K_RETURN)
    assert app.stack.top is scene  # a locked stage doesn't start
    key(app, pygame.K_LEFT)
    key(app, pygame.K_RETURN)
    for _ in app.stack.top.run.stage.encounters:
        play_encounter(app)
        key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # results -> map
    assert app.stack.top is scene
    key(app, pygame.K_RIGHT)
    assert not scene.locked(scene.selected)
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, EncounterScene)


def test_ctrl_u_opens_every_stage_for_a_trainer(app):
    key(app, pygame.K_RETURN)
    scene = app.stack.top
    key(app, pygame.K_u, mod=pygame.KMOD_LCTRL)
    assert all(not scene.locked(entry) for entry in scene.entries)
    assert "Every stage is open." in {d.text for d in app.ctx.text.drawn}
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, EncounterScene)


def test_a_waiting_card_sleeps_until_its_timer_next_changes(tmp_path):
    from game.play import StageRun

    app = make_app(tmp_path)
    scene = EncounterScene(app, StageRun(app.ctx.levels.stages[0]))
    app.stack.push(scene)
    timer = scene.encounter_run.timer
    timer.elapsed = timer.limit - 12.4  # "13 s" shows until 12.0 is left
    assert scene.wake_in() == pytest.approx(0.4)
    timer.elapsed = timer.limit - 3.1  # the last seconds: the bar steps four times a second
    assert scene.wake_in() == pytest.approx(0.1)
    timer.pause()
    assert scene.wake_in() is None  # paused: nothing to wake for
    pygame.quit()


def test_a_card_that_sleeps_counts_the_whole_sleep_on_its_timer(tmp_path):
    import time

    from game.play import StageRun

    app = make_app(tmp_path)
    app.fixed_dt = None  # the real clock, as a player has it
    scene = EncounterScene(app, StageRun(app.ctx.levels.stages[0]))
    app.stack.push(scene)
    app.step()
    timer = scene.encounter_run.timer
    before, start = timer.elapsed, time.perf_counter()
    while time.perf_counter() - start < 1.5:  # the loop sleeps most of this
        app.step()
    waited = time.perf_counter() - start
    assert timer.elapsed - before == pytest.approx(waited, abs=0.2)
    pygame.quit()
