"""The language menu: each language in its own name; switching keeps the
game exactly where it was (the run, the card, the timer)."""

from __future__ import annotations

import pygame

from game.i18n import LANGUAGES
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import MenuScene
from game.ui.theme import BODY, SMALL, TITLE
from game.ui.widgets import overlay


class LanguageScene(MenuScene):
    opaque = False
    closes_on_back = True

    def __init__(self, app):
        super().__init__(app)
        self.codes = list(LANGUAGES)
        self.menu = ui_input.Menu(len(self.codes) + 1,
                                  focus=self.codes.index(app.ctx.tr.language))

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        w = min(width - 2 * m.margin, m.px(560))
        row = max(m.px(56), ctx.line_height(BODY) + m.px(16))
        title_height = max(m.px(56), ctx.line_height(TITLE, bold=True))
        note_height = 2 * ctx.line_height(SMALL)
        count = len(self.codes) + 1
        h = 2 * m.margin + title_height + count * (row + m.gap) + note_height
        self.box = pygame.Rect((width - w) // 2, max(m.margin, (height - h) // 2), w,
                               min(h, height - 2 * m.margin))
        inner = self.box.inflate(-2 * m.margin, -2 * m.margin)
        self.title_box = pygame.Rect(inner.left, inner.top, inner.width, title_height)
        top = self.title_box.bottom + m.gap
        self.menu.rects = [pygame.Rect(inner.left, top + i * (row + m.gap), inner.width, row)
                           for i in range(count)]
        self.note_box = pygame.Rect(inner.left, self.menu.rects[-1].bottom + m.gap,
                                    inner.width, inner.bottom - self.menu.rects[-1].bottom
                                    - m.gap)

    def activate(self, index: int) -> None:
        if index == len(self.codes):
            self.app.stack.pop()
            return
        self.app.set_language(self.codes[index])
        self.dirty = True

    def shortcut(self, got):
        if got.intent is Intent.ADVANCE:  # a clicker walks down the list
            self.menu.move(1)
            return True
        return super().shortcut(got)

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        overlay(ctx, surface, self.box, tr._("Language"), self.title_box)
        labels = [LANGUAGES[code] for code in self.codes] + [tr._("Back")]
        self.draw_buttons(surface, labels, lambda index: index < len(self.codes)
                          and self.codes[index] == tr.language)
        note = ctx.notices[-1] if ctx.notices else tr._(
            "The game keeps your place, your scores and the timer when you switch.")
        ctx.text.draw(surface, note, m.font(SMALL), p.poor if ctx.notices else p.muted,
                      self.note_box, valign="middle")
