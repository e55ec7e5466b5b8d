"""Helpers for tests that drive the real app with posted events."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.paths import Paths
from game.ui.app import App, build_context


def make_app(data_dir: Path, size=(1280, 720), language="en", root: Path | None = None,
             text_scale_index: int | None = None) -> App:
    pygame.display.init()
    pygame.font.init()
    paths = Paths(root) if root else Paths.of_install()
    ctx = build_context(data_dir, language, paths)
    if text_scale_index is not None:
        ctx.text_scale_index = text_scale_index
    return App(ctx, size, fixed_dt=1 / 30)


def open_saved_app(folder: Path, size=(1280, 720), language: str | None = "en") -> App:
    """The game as a player starts it, keeping its settings and progress in
    ``folder``; the title screen is up."""
    from game.storage import Folders
    from game.ui.app import open_app
    from game.ui.scenes.title import TitleScene

    pygame.display.init()
    pygame.font.init()
    app = open_app(Folders(folder, folder), language, size, fixed_dt=1 / 30)
    app.stack.push(TitleScene(app))
    run(app)
    return app


def play_encounter(app: App, pick=None) -> None:
    """Answer every card of the current encounter by number keys (the best
    answer unless ``pick(choices)`` says otherwise), reading each feedback,
    until the encounter's ending is shown."""
    from game.content.model import best_choice_index
    from game.ui.scenes.encounter import EncounterScene
    from game.ui.scenes.feedback import FeedbackScene

    pick = pick or best_choice_index
    scene = app.stack.top
    assert isinstance(scene, EncounterScene)
    while not scene.encounter_run.finished:
        index = pick(scene.encounter_run.card.choices)
        key(app, pygame.K_1 + index)
        assert isinstance(app.stack.top, FeedbackScene)
        key(app, pygame.K_RETURN)
        assert app.stack.top is scene


def shown_text(app: App) -> str:
    return " ".join(drawn.text for drawn in app.ctx.text.drawn)


def key(app: App, code: int, mod: int = 0, steps: int = 2) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="",
                                         scancode=0))
    run(app, steps)


def post(app: App, event_type: int, steps: int = 2, **attributes) -> None:
    pygame.event.post(pygame.event.Event(event_type, **attributes))
    run(app, steps)


def run(app: App, steps: int = 1) -> None:
    for _ in range(steps):
        app.step()


def text_problems(app: App) -> list[str]:
    """Every drawn text that overflowed its box, left it, or left the window."""
    window = app.screen.get_rect()
    found = []
    for drawn in app.ctx.text.drawn:
        if drawn.overflow:
            found.append(f"overflows its box: {drawn.text!r}")
        elif not drawn.box.contains(drawn.rect):
            found.append(f"outside its box {drawn.box}: {drawn.text!r} at {drawn.rect}")
        elif not window.contains(drawn.rect):
            found.append(f"outside the window: {drawn.text!r} at {drawn.rect}")
    return found
