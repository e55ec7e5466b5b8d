"""The stage map: the marathon route with each stage as a checkpoint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from game.content import Problem, Stage, msgctxt
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import Scene
from game.ui.theme import BODY, LARGE, SMALL, TITLE
from game.ui.widgets import button, panel, road, route_points, stars


@dataclass(frozen=True)
class Entry:
    stage: Stage | None
    problem: Problem | None
    name: str  # file name, for a stage that could not be loaded


class StageMapScene(Scene):
    def __init__(self, app, select: int = 0, banner: str | None = None, failed: bool = False):
        super().__init__(app)
        self.banner = banner  # a one-line note, such as the result of a reload
        self.failed = failed
        self.entries = self._entries()
        self.menu = ui_input.Menu(len(self.entries), focus=select, wrap_around=False)
        self.start_button = pygame.Rect(0, 0, 0, 0)

    def _entries(self) -> list[Entry]:
        levels = self.app.ctx.levels
        entries = [Entry(stage, None, Path(stage.source).name) for stage in levels.stages]
        for file, problems in sorted(levels.broken.items()):
            entries.append(Entry(None, problems[0], Path(file).name))
        return entries

    @property
    def selected(self) -> Entry | None:
        return self.entries[self.menu.focus] if self.entries else None

    def enter(self):
        super().enter()
        # progress may have changed while a stage was played
        self.dirty = True

    def layout(self, width, height):
        m = self.app.ctx.metrics
        self.header = pygame.Rect(m.margin, m.margin, (width - 2 * m.margin) * 11 // 20, m.px(56))
        self.banner_box = pygame.Rect(self.header.right + m.gap, m.margin,
                                      width - m.margin - self.header.right - m.gap, m.px(56))
        self.route_area = pygame.Rect(m.margin * 2, self.header.bottom + m.px(20),
                                      width - 4 * m.margin, height * 40 // 100)
        count = max(1, len(self.entries))
        radius = m.px(30)
        self.radius = radius
        area = self.route_area
        self.route = route_points(area)
        rects = []
        for index in range(count):
            share = (index + 0.5) / count
            x, y = self.route[round(share * 100)]
            rects.append(pygame.Rect(x - radius, y - radius, 2 * radius, 2 * radius))
        self.menu.rects = rects if self.entries else []
        label_width = min(area.width // count - m.px(8), m.px(240))
        self.label_boxes = [pygame.Rect(r.centerx - label_width // 2, r.bottom + m.px(22),
                                        label_width, m.px(48)) for r in rects]
        info_top = area.bottom + m.px(60)
        self.info = pygame.Rect(m.margin, info_top, width - 2 * m.margin,
                                height - info_top - m.margin)
        pad = m.px(20)
        self.start_button = pygame.Rect(0, 0, m.px(300), m.px(58))
        self.start_button.bottomright = (self.info.right - pad, self.info.bottom - pad)
        text_width = self.start_button.left - self.info.left - 3 * pad
        self.info_title = pygame.Rect(self.info.left + pad, self.info.top + pad, text_width,
                                      m.px(40))
        self.info_text = pygame.Rect(self.info.left + pad, self.info_title.bottom + m.px(6),
                                     text_width, self.info.bottom - pad - self.info_title.bottom
                                     - m.px(6))
        small = max(m.px(46), self.app.ctx.line_height(SMALL) + m.px(14))
        self.review_button = pygame.Rect(self.start_button.left, 0, self.start_button.width,
                                         small)
        self.review_button.bottom = self.start_button.top - m.px(8)
        self.growth_button = self.review_button.move(0, -(small + m.px(8)))


    def locked(self, entry: Entry) -> bool:
        return entry.stage is not None and not self.app.ctx.is_unlocked(entry.stage.id)

    def start(self) -> None:
        entry = self.selected
        if entry is None or entry.stage is None or self.locked(entry):
            return
        from game.play import StageRun
        from game.ui.scenes.encounter import EncounterScene

        run = StageRun(entry.stage, timer_speed=self.app.ctx.timer_speed)
        self.app.stack.push(EncounterScene(self.app, run))

    def last_attempt(self):
        entry = self.selected
        if entry is None or entry.stage is None:
            return None
        return self.app.ctx.player.progress.last_attempt(entry.stage.id)

    def review(self) -> None:
        from game.ui.scenes.review import ReviewScene

        attempt = self.last_attempt()
        if attempt is not None:
            self.app.stack.push(ReviewScene(self.app, self.selected.stage, attempt))

    def growth(self) -> None:
        from game.ui.scenes.growth import GrowthScene

        self.app.stack.push(GrowthScene(self.app))

    def handle_event(self, event):
        key = getattr(event, "key", None) if event.type == pygame.KEYDOWN else None
        plain = not getattr(event, "mod", 0) & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
        if key == pygame.K_r and plain:
            self.review()
            return True
        if key == pygame.K_g and plain:
            self.growth()
            return True
        if event.type == pygame.KEYDOWN and getattr(event, "key", None) == pygame.K_u \
                and getattr(event, "mod", 0) & pygame.KMOD_CTRL:
            self.app.ctx.unlock_all = True
            self.banner, self.failed = self.app.ctx.tr._("Every stage is open."), False
            self.dirty = True
            return True
        got = ui_input.read(event, self.app.screen.get_size())
        if got is None:
            return False
        if got.intent in (Intent.BACK, Intent.RETREAT):
            self.app.stack.pop()
            return True
        if got.intent is Intent.ADVANCE:
            self.start()
            return True
        if got.intent is Intent.CLICK and self.start_button.collidepoint(got.value):
            self.start()
            return True
        if got.intent is Intent.CLICK and self.review_button.collidepoint(got.value):
            self.review()
            return True
        if got.intent is Intent.CLICK and self.growth_button.collidepoint(got.value):
            self.growth()
            return True
        before = self.menu.focus
        chosen = self.menu.handle(got)
        if chosen is not None and (got.intent is Intent.CONFIRM or chosen == before
                                   and got.intent is Intent.CLICK):
            self.start()
        if self.menu.changed:
            self.dirty = True
        return True

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        ctx.text.draw(surface, tr._("The marathon route"), m.font(TITLE), p.ink, self.header,
                      bold=True, valign="middle")
        if not self.banner:
            ctx.text.draw(surface, tr._("Enter or PageDown: start · Esc: back"), m.font(SMALL),
                          p.muted, self.banner_box, align="right", valign="middle")
        else:
            ctx.text.draw(surface, self.banner, m.font(BODY), p.poor if self.failed else p.good,
                          self.banner_box, bold=True, align="right", valign="middle")
        road(ctx, surface, self.route)
        for index, entry in enumerate(self.entries):
            self._draw_checkpoint(surface, index, entry)
        if not self.entries:
            ctx.text.draw(surface, tr._("No stages found in the levels folder."), m.font(LARGE),
                          p.poor, self.route_area, align="center", valign="middle")
            return
        self._draw_info(surface)

    def _draw_checkpoint(self, surface, index, entry):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        rect = self.menu.rects[index]
        focused = index == self.menu.focus
        if focused:
            pygame.draw.circle(surface, p.focus, rect.center, self.radius + m.px(7))
        locked = self.locked(entry)
        color = p.locked if entry.stage is None or locked else p.accent
        pygame.draw.circle(surface, color, rect.center, self.radius)
        pygame.draw.circle(surface, p.panel, rect.center, self.radius, m.px(3))
        if locked:
            padlock(surface, rect.center, self.radius, p.accent_ink)
        else:
            mark = "!" if entry.stage is None else str(index + 1)
            ctx.text.draw(surface, mark, m.font(LARGE), p.accent_ink, rect, bold=True,
                          align="center", valign="middle")
        record = ctx.progress.get(entry.stage.id) if entry.stage else None
        if record is not None:
            stars(surface, (rect.centerx, rect.bottom + m.px(11)), record.stars, m.px(9),
                  p.star, p.track)
        title = (tr.level(msgctxt.stage_title(entry.stage), entry.stage.title) if entry.stage
                 else tr._("Unavailable"))
        ctx.text.draw(surface, title, m.font(SMALL), p.ink if focused else p.muted,
                      self.label_boxes[index], bold=focused, align="center", max_lines=2)

    def _draw_info(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        entry = self.selected
        panel(surface, self.info, p.panel, p.panel_edge, m.radius)
        if entry.stage is None:
            ctx.text.draw(surface, tr._("This stage can't be played"), m.font(LARGE), p.poor,
                          self.info_title, bold=True, valign="middle")
            message = tr._("The level file {file} has an error:\n{error}").format(
                file=entry.name, error=str(entry.problem))
            ctx.text.draw(surface, message, m.font(SMALL), p.ink, self.info_text)
            return
        stage = entry.stage
        heading = tr._("Stage {number}: {title}").format(
            number=self.menu.focus + 1, title=tr.level(msgctxt.stage_title(stage), stage.title))
        ctx.text.draw(surface, heading, m.font(LARGE), p.ink, self.info_title, bold=True,
                      valign="middle")
        count = len(stage.encounters)
        details = tr.ngettext("{count} customer encounter", "{count} customer encounters",
                              count).format(count=count)
        if self.locked(entry):
            previous = self.entries[self.menu.focus - 1].stage
            details += "\n" + tr._("Finish “{stage}” to open this stage. Trainers: Ctrl+U "
                                   "opens every stage.").format(
                stage=tr.level(msgctxt.stage_title(previous), previous.title))
        record = ctx.progress.get(stage.id)
        if record is not None:
            details += "\n" + tr.ngettext("Best so far: {stars} star", "Best so far: {stars} stars",
                                          record.stars).format(stars=record.stars)
        summary = tr.level(msgctxt.stage_summary(stage), stage.summary)
        ctx.text.draw(surface, f"{summary}\n\n{details}", m.font(BODY), p.ink, self.info_text)
        if not self.locked(entry):
            button(ctx, surface, self.start_button, tr._("Start the stage"), focused=True,
                   primary=True)
        if self.last_attempt() is not None:
            button(ctx, surface, self.review_button, tr._("Review my answers"), focused=False,
                   hint="R")
        button(ctx, surface, self.growth_button, tr._("My growth"), focused=False, hint="G")


def padlock(surface: pygame.Surface, center: tuple[int, int], radius: int, color) -> None:
    """A closed padlock inside a checkpoint."""
    body = pygame.Rect(0, 0, radius, radius * 3 // 4)
    body.midtop = (center[0], center[1] - radius // 8)
    shackle = pygame.Rect(0, 0, radius * 2 // 3, radius * 3 // 4)
    shackle.midbottom = (center[0], body.top + radius // 6)
    pygame.draw.arc(surface, color, shackle, 0, 3.1416, max(2, radius // 7))
    pygame.draw.rect(surface, color, body, border_radius=max(1, radius // 8))
