"""Turning raw events into what the player means, and a focusable menu.

Keys, a mouse, a touch screen and a presentation clicker all end up as the
same few intents, so every scene treats them alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

import pygame


class Intent(Enum):
    PICK = auto()  # a number key: value is the 0-based index
    NEXT = auto()  # arrow down/right, wheel down
    PREVIOUS = auto()  # arrow up/left, wheel up
    CONFIRM = auto()  # Enter, Space
    ADVANCE = auto()  # PageDown (clicker "next")
    BACK = auto()  # Esc
    RETREAT = auto()  # PageUp (clicker "previous")
    POINT = auto()  # the pointer moved: value is the position
    CLICK = auto()  # a click or a tap: value is the position


@dataclass(frozen=True)
class Input:
    intent: Intent
    value: object = None


NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n - 1 for n in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{n}"): n - 1 for n in range(1, 10)})
KEY_INTENTS = {
    pygame.K_DOWN: Intent.NEXT,
    pygame.K_RIGHT: Intent.NEXT,
    pygame.K_TAB: Intent.NEXT,
    pygame.K_UP: Intent.PREVIOUS,
    pygame.K_LEFT: Intent.PREVIOUS,
    pygame.K_RETURN: Intent.CONFIRM,
    pygame.K_KP_ENTER: Intent.CONFIRM,
    pygame.K_SPACE: Intent.CONFIRM,
    pygame.K_PAGEDOWN: Intent.ADVANCE,
    pygame.K_PAGEUP: Intent.RETREAT,
    pygame.K_ESCAPE: Intent.BACK,
    pygame.K_AC_BACK: Intent.BACK,
}


def read(event: pygame.event.Event, window: tuple[int, int]) -> Input | None:
    """What the event means, or None if it means nothing to a scene."""
    kind = event.type
    if kind == pygame.KEYDOWN:
        key = getattr(event, "key", None)
        if key in NUMBER_KEYS and not (getattr(event, "mod", 0) & pygame.KMOD_CTRL):
            return Input(Intent.PICK, NUMBER_KEYS[key])
        if key == pygame.K_TAB and getattr(event, "mod", 0) & pygame.KMOD_SHIFT:
            return Input(Intent.PREVIOUS)
        intent = KEY_INTENTS.get(key)
        return Input(intent) if intent else None
    if kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
        if getattr(event, "touch", False):
            return None  # a touch arrives as a FINGER event too; count it once
        pos = getattr(event, "pos", None)
        if pos is None:
            return None
        if kind == pygame.MOUSEMOTION:
            return Input(Intent.POINT, pos)
        return Input(Intent.CLICK, pos) if getattr(event, "button", 1) == 1 else None
    if kind == pygame.FINGERDOWN:
        x, y = getattr(event, "x", 0.0), getattr(event, "y", 0.0)
        return Input(Intent.CLICK, (int(x * window[0]), int(y * window[1])))
    if kind == pygame.MOUSEWHEEL:
        return Input(Intent.PREVIOUS if getattr(event, "y", 0) > 0 else Intent.NEXT)
    return None


class Menu:
    """A row or column of activatable items with one focused item.

    ``rects`` are set by the scene's layout. ``handle`` returns the index of an
    item the player activated, or None; ``changed`` tells the scene to redraw.
    """

    def __init__(self, count: int = 0, focus: int = 0, wrap_around: bool = True):
        self.rects: list[pygame.Rect] = [pygame.Rect(0, 0, 0, 0)] * count
        self.count = count
        self.focus = min(focus, max(0, count - 1))
        self.hover: int | None = None
        self.wrap_around = wrap_around
        self.changed = False

    def set_count(self, count: int) -> None:
        self.count = count
        self.rects = [pygame.Rect(0, 0, 0, 0)] * count
        self.focus = min(self.focus, max(0, count - 1))
        self.hover = None

    def move(self, step: int) -> None:
        if self.count == 0:
            return
        target = self.focus + step
        if self.wrap_around:
            target %= self.count
        self.focus = max(0, min(self.count - 1, target))
        self.changed = True

    def at(self, pos) -> int | None:
        for index, rect in enumerate(self.rects):
            if rect.collidepoint(pos):
                return index
        return None

    def handle(self, got: Input | None) -> int | None:
        self.changed = False
        if got is None or self.count == 0:
            return None
        if got.intent is Intent.NEXT:
            self.move(1)
        elif got.intent is Intent.PREVIOUS:
            self.move(-1)
        elif got.intent is Intent.CONFIRM:
            return self.focus
        elif got.intent is Intent.PICK and got.value < self.count:
            self.focus = got.value
            self.changed = True
            return got.value
        elif got.intent is Intent.POINT:
            hover = self.at(got.value)
            if hover != self.hover:
                self.hover = hover
                if hover is not None:
                    self.focus = hover
                self.changed = True
        elif got.intent is Intent.CLICK:
            index = self.at(got.value)
            if index is not None:
                self.focus = index
                self.changed = True
                return index
        return None
