"""Settings: each row shows its value; Enter, a click or a tap moves it on
(arrows left and right step it back and forth). Every change applies at once
and is saved."""

from __future__ import annotations

import pygame

from game.i18n import LANGUAGES
from game.settings import TIMER_MODES
from game.ui import input as ui_input
from game.ui.scene import MenuScene
from game.ui.theme import BODY, SMALL, TEXT_SCALES, TITLE
from game.ui.widgets import overlay

ROWS = ("language", "text", "fullscreen", "timer", "contrast", "motion", "sound", "back")
TIMERS = tuple(TIMER_MODES)


class SettingsScene(MenuScene):
    opaque = False
    closes_on_back = True

    def __init__(self, app):
        super().__init__(app)
        self.menu = ui_input.Menu(len(ROWS))

    def labels(self) -> list[str]:
        ctx = self.app.ctx
        tr, settings = ctx.tr, ctx.player.settings

        def on_off(value: bool) -> str:
            return tr.pgettext("setting", "on") if value else tr.pgettext("setting", "off")

        timers = {
            "normal": tr.pgettext("timer", "normal"),
            "relaxed": tr.pgettext("timer", "relaxed, twice the time"),
            "extended": tr.pgettext("timer", "extended, ten times the time"),
            "off": tr.pgettext("timer", "off, no time limit"),
        }
        return [
            tr._("Language: {language}").format(language=LANGUAGES[tr.language]),
            tr._("Text size: {step} of {steps}").format(step=ctx.text_scale_index + 1,
                                                         steps=len(TEXT_SCALES)),
            tr._("Full screen: {value}").format(value=on_off(self.app.fullscreen)),
            tr._("Timer: {value}").format(value=timers[settings.timer]),
            tr._("High contrast: {value}").format(value=on_off(settings.high_contrast)),
            tr._("Reduce motion: {value}").format(value=on_off(settings.reduce_motion)),
            tr._("Sound: {value}").format(value=on_off(settings.sound)),
            tr._("Back"),
        ]

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        w = min(width - 2 * m.margin, m.px(700))
        row = max(m.px(46), ctx.line_height(BODY) + m.px(12))
        gap = m.px(8)
        title = max(m.px(56), ctx.line_height(TITLE, bold=True))
        note = 2 * ctx.line_height(SMALL)
        h = 2 * m.margin + title + m.gap + len(ROWS) * (row + gap) + note
        self.box = pygame.Rect((width - w) // 2, max(0, (height - h) // 2), w, min(h, height))
        inner = self.box.inflate(-2 * m.margin, -2 * m.margin)
        self.title_box = pygame.Rect(inner.left, inner.top, inner.width, title)
        room = inner.bottom - note - self.title_box.bottom - m.gap
        row = min(row, room // len(ROWS) - gap)
        top = self.title_box.bottom + m.gap
        self.menu.rects = [pygame.Rect(inner.left, top + i * (row + gap), inner.width, row)
                           for i in range(len(ROWS))]
        self.note_box = pygame.Rect(inner.left, inner.bottom - note, inner.width, note)

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.change(ROWS[self.menu.focus], 1 if event.key == pygame.K_RIGHT else -1)
            self.dirty = True
            return True
        return super().handle_event(event)

    def activate(self, index):
        self.change(ROWS[index], 1)

    def change(self, row: str, step: int) -> None:
        app = self.app
        ctx = app.ctx
        player = ctx.player
        settings = player.settings
        if row == "back":
            if step > 0:
                app.stack.pop()
            return
        if row == "language":
            codes = list(LANGUAGES)
            app.set_language(codes[(codes.index(ctx.tr.language) + step) % len(codes)])
        elif row == "text":
            app.set_text_scale((ctx.text_scale_index + step) % len(TEXT_SCALES))
        elif row == "fullscreen":
            app.toggle_fullscreen()
        elif row == "timer":
            mode = TIMERS[(TIMERS.index(settings.timer) + step) % len(TIMERS)]
            player.change(timer=mode)
            app.apply_timer()
        elif row == "contrast":
            player.change(high_contrast=not settings.high_contrast)
            app.apply_palette()
        elif row == "motion":
            player.change(reduce_motion=not settings.reduce_motion)
        elif row == "sound":
            player.change(sound=not settings.sound)
            app.sound.play("good")  # a cue confirms sound is on (silent when off)
        app.collect_notices()
        app.stack.mark_dirty()

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        overlay(ctx, surface, self.box, tr._("Settings"), self.title_box)
        self.draw_buttons(surface, self.labels(), lambda index: False)
        note = ctx.notices[-1] if ctx.player.save_error and ctx.notices else tr._(
            "Enter or a click changes a setting; left and right arrows step through. "
            "Changes apply at once and are kept.")
        ctx.text.draw(surface, note, m.font(SMALL), p.poor if ctx.player.save_error
                      else p.muted, self.note_box, valign="middle")
