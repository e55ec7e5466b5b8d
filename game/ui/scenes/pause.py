"""The pause overlay and the blank screen (a clicker's B or . key)."""

from __future__ import annotations

import pygame

from game.i18n import LANGUAGES
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import DismissScene, MenuScene
from game.ui.theme import BODY, TITLE
from game.ui.widgets import overlay

RESUME, LANGUAGE, SETTINGS, TO_MAP, QUIT = range(5)


class PauseScene(MenuScene):
    opaque = False

    def __init__(self, app):
        super().__init__(app)
        self.menu = ui_input.Menu(5)

    def labels(self):
        tr = self.app.ctx.tr
        return [tr._("Resume"), tr._("Language: {language}").format(
            language=LANGUAGES[tr.language]), tr._("Settings"), tr._("Back to the marathon map"),
            tr._("Quit the game")]

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        w = min(width - 2 * m.margin, m.px(560))
        button_height = max(m.px(56), ctx.line_height(BODY) + m.px(16))
        title_height = max(m.px(60), ctx.line_height(TITLE, bold=True))
        hint_height = ctx.line_height(BODY) * 4 // 5 * 2
        h = 2 * m.margin + title_height + 5 * (button_height + m.gap) + m.gap + hint_height
        self.box = pygame.Rect((width - w) // 2, max(0, (height - h) // 2), w, h)
        self.title_box = pygame.Rect(self.box.left + m.margin, self.box.top + m.margin,
                                     w - 2 * m.margin, title_height)
        top = self.title_box.bottom + m.gap
        self.menu.rects = [pygame.Rect(self.box.left + m.margin,
                                       top + i * (button_height + m.gap),
                                       w - 2 * m.margin, button_height) for i in range(5)]
        self.hint_box = pygame.Rect(self.box.left + m.margin, self.menu.rects[-1].bottom + m.gap,
                                    w - 2 * m.margin, hint_height)

    def activate(self, index):
        stack = self.app.stack
        if index == RESUME:
            stack.pop()
        elif index == LANGUAGE:
            from game.ui.scenes.language import LanguageScene

            stack.push(LanguageScene(self.app))
        elif index == SETTINGS:
            from game.ui.scenes.settings import SettingsScene

            stack.push(SettingsScene(self.app))
        elif index == TO_MAP:
            from game.ui.scenes.group import GroupEncounterScene, leave_session
            from game.ui.scenes.stagemap import StageMapScene

            if stack.find(GroupEncounterScene):
                leave_session(self.app)
                return

            while stack.top is not None and not isinstance(stack.top, StageMapScene):
                stack.pop()
            if stack.top is None:
                stack.push(StageMapScene(self.app))
        elif index == QUIT:
            self.app.quit()

    def shortcut(self, got):
        if got.intent in (Intent.BACK, Intent.ADVANCE):
            self.activate(RESUME)
            return True
        return False

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        overlay(ctx, surface, self.box, tr._("Paused"), self.title_box, align="center")
        self.draw_buttons(surface, self.labels(), lambda index: index == RESUME)
        ctx.text.draw(surface, tr._("The timer waits while the game is paused."),
                      m.font(BODY) * 4 // 5, p.muted, self.hint_box, align="center",
                      valign="middle")


class BlankScene(DismissScene):
    """A black screen for discussion; any key, click or tap brings the game back."""

    def draw(self, surface):
        surface.fill((0, 0, 0))
