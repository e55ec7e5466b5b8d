"""Scenes and the stack that owns every transition between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.input import Input, Intent, Menu, read
from game.ui.widgets import button

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    """One screen or overlay. The stack draws from the topmost opaque scene
    upward; only the top scene gets events and time."""

    opaque = True
    takes_text = False  # letter keys are typed text here, not shortcuts

    def __init__(self, app: App):
        self.app = app
        self.dirty = True
        self.partial = False  # only what draw_partial draws has changed
        self._layout_key: tuple | None = None

    # lifecycle -------------------------------------------------------------
    def enter(self) -> None:
        self.dirty = True

    def resume(self) -> None:
        """Called when the scene above this one closes."""

    def exit(self) -> None:
        pass

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def wake_in(self) -> float | None:
        """Seconds until this scene needs time again even with no input;
        None when it only changes on input."""
        return None

    # drawing ---------------------------------------------------------------
    def ensure_layout(self, size: tuple[int, int]) -> None:
        key = (size, self.app.ctx.text_scale, self.app.ctx.tr.revision)
        if key != self._layout_key:
            self._layout_key = key
            self.layout(*size)

    def layout(self, width: int, height: int) -> None:
        """Compute rects for this size; called when size, scale or language change."""

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def draw_partial(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """Redraw only what changed since the last full draw; return its rects."""
        self.draw(surface)
        return [surface.get_rect()]


class TextEntry:
    """A scene (mixin) where keys type text: text input is on while it shows."""

    def enter(self) -> None:
        super().enter()
        pygame.key.start_text_input()

    def exit(self) -> None:
        pygame.key.stop_text_input()
        super().exit()


class DismissScene(Scene):
    """Any key, click or tap closes it (a blank screen, a help page)."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
            self.app.stack.pop()
            return True
        return False


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)
        scene.enter()

    def pop(self) -> Scene | None:
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.exit()
        if self.top is not None:
            self.top.dirty = True
            self.top.resume()
        return scene

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Drop every scene and start again from ``scene``."""
        while self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def find(self, kind: type) -> Scene | None:
        for scene in reversed(self.scenes):
            if isinstance(scene, kind):
                return scene
        return None

    def visible(self) -> list[Scene]:
        start = 0
        for index in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[index].opaque:
                start = index
                break
        return self.scenes[start:]

    def handle_event(self, event: pygame.event.Event) -> bool:
        return self.top.handle_event(event) if self.top else False

    def update(self, dt: float) -> None:
        if self.top is not None:
            self.top.update(dt)

    def needs_draw(self) -> bool:
        return any(scene.dirty for scene in self.visible())

    def mark_dirty(self) -> None:
        for scene in self.scenes:
            scene.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        for scene in self.visible():
            scene.ensure_layout(size)
            scene.draw(surface)
            scene.dirty = False
            scene.partial = False

    def wake_in(self) -> float | None:
        return self.top.wake_in() if self.top else None


class MenuScene(Scene):
    """A scene driven by one Menu of buttons: ``activate(index)`` runs the chosen
    one, and ``shortcut(got)`` may take an input first (Esc, a clicker key)."""

    menu: Menu

    def activate(self, index: int) -> None:
        raise NotImplementedError

    closes_on_back = False  # Esc or a clicker's "previous" closes this overlay

    def shortcut(self, got: Input) -> bool:
        """Handle ``got`` before the menu does; True if it was handled."""
        if self.closes_on_back and got.intent in (Intent.BACK, Intent.RETREAT):
            self.app.stack.pop()
            return True
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        got = read(event, self.app.screen.get_size())
        if got is None:
            return not self.opaque  # an overlay lets nothing through
        if self.shortcut(got):
            self.dirty = True
            return True
        chosen = self.menu.handle(got)
        if chosen is not None:
            self.activate(chosen)
        if self.menu.changed:
            self.dirty = True
        return True

    def draw_buttons(self, surface: pygame.Surface, labels: list[str],
                     primary: Callable[[int], bool]) -> None:
        for index, (rect, label) in enumerate(zip(self.menu.rects, labels, strict=True)):
            button(self.app.ctx, surface, rect, label, focused=index == self.menu.focus,
                   primary=primary(index))
