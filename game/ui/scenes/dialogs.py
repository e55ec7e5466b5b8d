"""Small overlays: typing a name, and a yes/no question."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import input as ui_input
from game.ui.scene import MenuScene, TextEntry
from game.ui.theme import BODY, LARGE, SMALL, TITLE
from game.ui.widgets import overlay, panel

SAVE, CANCEL = range(2)


def full_box(ctx, width: int, height: int) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
    """An overlay over the whole window less a margin: the panel, its inner
    area below the title, and the title's place."""
    m = ctx.metrics
    box = pygame.Rect(m.margin, m.margin, width - 2 * m.margin, height - 2 * m.margin)
    inner = box.inflate(-2 * m.margin, -2 * m.margin)
    title = pygame.Rect(inner.left, inner.top, inner.width,
                        max(m.px(50), ctx.line_height(TITLE, bold=True)))
    body = pygame.Rect(inner.left, title.bottom + m.gap, inner.width,
                       inner.bottom - title.bottom - m.gap)
    return box, body, title


def title_strip(ctx, width: int) -> pygame.Rect:
    """Where a full-window screen's title goes: the top, within the margins."""
    m = ctx.metrics
    return pygame.Rect(m.margin, m.margin, width - 2 * m.margin,
                       max(m.px(50), ctx.line_height(TITLE, bold=True)))


def dialog_box(ctx, width: int, height: int, rows: int) -> tuple[pygame.Rect, pygame.Rect]:
    """A centred panel for ``rows`` lines of body text under a title; returns
    the panel and its inner area."""
    m = ctx.metrics
    w = min(width - 2 * m.margin, m.px(640))
    title = max(m.px(56), ctx.line_height(TITLE, bold=True))
    h = 2 * m.margin + title + rows * (ctx.line_height(BODY) + m.gap)
    box = pygame.Rect((width - w) // 2, max(m.margin, (height - h) // 2), w,
                      min(h, height - 2 * m.margin))
    return box, box.inflate(-2 * m.margin, -2 * m.margin)


class NameScene(TextEntry, MenuScene):
    """Type a name with the keyboard, in any language (text input events, so
    dead keys and input methods work). ``done(name)`` returns None when the
    name is taken, or a one-line reason shown under the field."""

    opaque = False
    closes_on_back = True
    takes_text = True  # letters are typed, not shortcuts

    def __init__(self, app, title: str, done: Callable[[str], str | None], text: str = "",
                 limit: int = 40):
        super().__init__(app)
        self.title = title
        self.done = done
        self.text = text
        self.limit = limit
        self.composing = ""  # an input method's unfinished text
        self.error: str | None = None
        self.menu = ui_input.Menu(2)

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        self.box, inner = dialog_box(ctx, width, height, 6)
        title = max(m.px(56), ctx.line_height(TITLE, bold=True))
        self.title_box = pygame.Rect(inner.left, inner.top, inner.width, title)
        field = ctx.line_height(LARGE) + m.px(20)
        self.field = pygame.Rect(inner.left, self.title_box.bottom + m.gap, inner.width, field)
        self.error_box = pygame.Rect(inner.left, self.field.bottom + m.px(6), inner.width,
                                     2 * ctx.line_height(SMALL))
        button_height = max(m.px(56), ctx.line_height(BODY) + m.px(16))
        half = (inner.width - m.gap) // 2
        top = inner.bottom - button_height
        self.menu.rects = [pygame.Rect(inner.left, top, half, button_height),
                           pygame.Rect(inner.left + half + m.gap, top, half, button_height)]

    def handle_event(self, event):
        if event.type == pygame.TEXTINPUT:
            self.composing = ""
            room = self.limit - len(self.text)
            typed = [ch for ch in event.text if ch.isprintable()]
            added = "".join(ch for ch in typed if self.app.ctx.fonts.can_draw(ch))
            if len(added) < len(typed):
                missing = next(ch for ch in typed if ch not in added)
                self.error = self.app.ctx.tr._(
                    "The game's font can't show “{character}”, so a name can't use it."
                ).format(character=missing)
            if len(added) > room:
                self.error = self.app.ctx.tr._(
                    "A name can have at most {count} characters.").format(count=self.limit)
            self.text += added[:max(0, room)]
            self.dirty = True
            return True
        if event.type == pygame.TEXTEDITING:
            self.composing = event.text
            self.dirty = True
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE:
                self.text = self.text[:-1]
                self.error = None
                self.dirty = True
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.activate(SAVE)
                self.dirty = True
                return True
            if event.key == pygame.K_ESCAPE:
                self.activate(CANCEL)
                return True
            if event.key in (pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP,
                             pygame.K_DOWN):
                return super().handle_event(event)
            return True  # letters arrive as TEXTINPUT; keys alone do nothing here
        return super().handle_event(event)

    def activate(self, index):
        if index == CANCEL:
            self.app.stack.pop()
            return
        error = self.done(self.text)
        if error is None:
            if self.app.stack.top is self:
                self.app.stack.pop()
        else:
            self.error = error

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        overlay(ctx, surface, self.box, self.title, self.title_box)
        panel(surface, self.field, p.background, p.focus, m.radius, width=m.px(3))
        inner = self.field.inflate(-m.px(28), -m.px(8))
        shown = self.text + self.composing
        rect = ctx.text.draw(surface, shown, m.font(LARGE), p.ink, inner, valign="middle",
                             max_lines=1, ellipsis=True) if shown else None
        caret_x = (rect.right + m.px(3)) if rect else inner.left
        caret_x = min(caret_x, inner.right)
        pygame.draw.line(surface, p.ink, (caret_x, inner.top + m.px(6)),
                         (caret_x, inner.bottom - m.px(6)), max(2, m.px(2)))
        note = self.error or tr._("Type with the keyboard; Enter saves, Esc cancels.")
        ctx.text.draw(surface, note, m.font(SMALL), p.poor if self.error else p.muted,
                      self.error_box)
        self.draw_buttons(surface, [tr._("Save"), tr._("Cancel")], lambda i: i == SAVE)


class ConfirmScene(MenuScene):
    """A question with Yes and No; No is focused, so Enter alone is safe."""

    opaque = False
    closes_on_back = True

    def __init__(self, app, question: str, yes: str, on_yes: Callable[[], None],
                 no: str | None = None, on_no: Callable[[], None] | None = None,
                 focus_yes: bool = False):
        super().__init__(app)
        self.question = question
        self.yes = yes
        self.no = no
        self.on_yes = on_yes
        self.on_no = on_no
        self.menu = ui_input.Menu(2, focus=0 if focus_yes else 1)

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        self.box, inner = dialog_box(ctx, width, height, 5)
        button_height = max(m.px(56), ctx.line_height(BODY) + m.px(16))
        self.text_box = pygame.Rect(inner.left, inner.top, inner.width,
                                    inner.height - button_height - m.gap)
        half = (inner.width - m.gap) // 2
        top = inner.bottom - button_height
        self.menu.rects = [pygame.Rect(inner.left, top, half, button_height),
                           pygame.Rect(inner.left + half + m.gap, top, half, button_height)]

    def activate(self, index):
        self.app.stack.pop()
        if index == 0:
            self.on_yes()
        elif self.on_no is not None:
            self.on_no()

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        overlay(ctx, surface, self.box)
        ctx.text.draw(surface, self.question, m.font(LARGE), p.ink, self.text_box,
                      valign="middle")
        self.draw_buttons(surface, [self.yes, self.no or tr._("No, keep it")],
                          lambda i: i == self.menu.focus)
