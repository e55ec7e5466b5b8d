"""The monkey: random input through every scene never breaks the game."""

from __future__ import annotations

import pygame
import pytest
from uikit import open_saved_app

from game.ui.monkey import Monkey, MonkeyFailure
from game.ui.scene import Scene

SEEDS = (1, 2, 3)
FRAMES = 3000


@pytest.fixture
def folder(tmp_path):
    yield tmp_path / "data"
    pygame.quit()


def test_three_seeds_of_random_input_through_every_scene(tmp_path):
    seen: set[str] = set()
    sizes: set[tuple[int, int]] = set()
    for seed in SEEDS:
        app = open_saved_app(tmp_path / f"data{seed}")
        report = Monkey(app, seed).run(FRAMES)  # raises MonkeyFailure with seed and frame
        assert report.frames == FRAMES
        assert report.hatches == FRAMES // 400  # the title was reached with Esc each round
        seen |= report.scenes
        sizes |= report.sizes
        pygame.quit()
    assert {(320, 240), (3840, 2160)} <= sizes
    assert {"TitleScene", "StageMapScene", "EncounterScene", "FeedbackScene", "ResultsScene",
            "ReviewScene", "GrowthScene", "PauseScene", "SettingsScene", "ProfilesScene",
            "NameScene", "LanguageScene", "SetupScene", "GroupEncounterScene",
            "DiscussionScene", "ScoreboardScene", "PodiumScene"} <= seen


class Astray(Scene):
    """A scene with a bug: its text starts left of the window."""

    def draw(self, surface):
        ctx = self.app.ctx
        ctx.text.draw(surface, "lost", 20, (0, 0, 0), pygame.Rect(-80, 10, 60, 30))


class Sticky(Scene):
    """A scene with a bug: it swallows every key, Esc included."""

    def handle_event(self, event):
        return True

    def draw(self, surface):
        pass


def test_the_monkey_catches_text_outside_the_window(folder):
    app = open_saved_app(folder)
    app.stack.push(Astray(app))
    with pytest.raises(MonkeyFailure) as failure:
        Monkey(app, 9).run(5)
    assert str(failure.value).startswith("seed 9, frame 1: text drawn outside the (1280, 720) "
                                         "window: 'lost' at")


def test_the_monkey_catches_a_screen_esc_cannot_leave(folder):
    app = open_saved_app(folder)
    app.stack.push(Sticky(app))
    with pytest.raises(MonkeyFailure) as failure:
        Monkey(app, 9).escape_hatch()
    assert str(failure.value) == ("seed 9, frame 80: Esc does not lead back to the title "
                                  "(stuck on Sticky)")
