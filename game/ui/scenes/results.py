"""Stage results: stars, a bar per skill, and how each encounter ended."""

from __future__ import annotations

import pygame

from game.content import msgctxt
from game.content.model import SKILLS
from game.play import StageRun
from game.play.scoring import max_stage_total
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import MenuScene
from game.ui.theme import BODY, LARGE, SMALL, TITLE
from game.ui.widgets import meter, panel, stars
from game.ui.words import outcome_name, skill_name, stage_name

TO_MAP, AGAIN, REVIEW = range(3)


class ResultsScene(MenuScene):
    def __init__(self, app, run: StageRun):
        super().__init__(app)
        self.run = run
        self.menu = ui_input.Menu(3)
        self.skill_high = {s: max(1, max_stage_total(run.stage, s)) for s in SKILLS}

    def layout(self, width, height):
        m = self.app.ctx.metrics
        margin, gap = m.margin, m.gap
        self.heading = pygame.Rect(margin, margin, width - 2 * margin, m.px(56))
        self.stars_center = (width // 2, self.heading.bottom + m.px(44))
        self.score_box = pygame.Rect(margin, self.heading.bottom + m.px(80),
                                     width - 2 * margin, m.px(36))
        top = self.score_box.bottom + m.px(16)
        button_height = m.px(58)
        bottom = height - margin - button_height - gap
        column = (width - 3 * margin) // 2
        self.skills_panel = pygame.Rect(margin, top, column, bottom - top)
        self.list_panel = pygame.Rect(margin * 2 + column, top, column, bottom - top)
        button_width = min(m.px(380), (width - 2 * margin - 2 * gap) // 3)
        self.menu.rects = [
            pygame.Rect(width - margin - button_width, height - margin - button_height,
                        button_width, button_height),
            pygame.Rect(margin, height - margin - button_height, button_width, button_height),
            pygame.Rect((width - button_width) // 2, height - margin - button_height,
                        button_width, button_height),
        ]

    def shortcut(self, got):
        if got.intent in (Intent.ADVANCE, Intent.BACK, Intent.RETREAT):
            self.activate(TO_MAP)
            return True
        return False

    def activate(self, index):
        if index == TO_MAP:
            self.app.stack.pop()
        elif index == REVIEW:
            from game.ui.scenes.review import ReviewScene

            attempt = self.app.ctx.player.progress.last_attempt(self.run.stage.id)
            if attempt is not None:
                self.app.stack.push(ReviewScene(self.app, self.run.stage, attempt))
        else:
            from game.ui.scenes.encounter import EncounterScene

            fresh = StageRun(self.run.stage, timer_speed=self.app.ctx.timer_speed)
            self.app.stack.replace(EncounterScene(self.app, fresh))

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        run = self.run
        ctx.text.draw(surface, tr._("Stage complete: {stage}").format(
            stage=stage_name(tr, run.stage)), m.font(TITLE), p.ink, self.heading, bold=True,
            align="center", valign="middle")
        stars(surface, self.stars_center, run.stars, m.px(30), p.star, p.track)
        total = run.skills.total
        score = tr.ngettext("{points} point of {best} possible",
                            "{points} points of {best} possible", total).format(
                                points=total, best=run.best_total)
        ctx.text.draw(surface, score, m.font(LARGE), p.ink, self.score_box, align="center",
                      valign="middle")
        self._draw_skills(surface)
        self._draw_list(surface)
        labels = [tr._("Back to the marathon map"), tr._("Play this stage again"),
                  tr._("Review my answers")]
        self.draw_buttons(surface, labels, lambda index: index == TO_MAP)

    def _titled_panel(self, surface, area: pygame.Rect, heading: str) -> pygame.Rect:
        """Draw a panel with a heading; return the heading's rect."""
        ctx = self.app.ctx
        p, m = ctx.palette, ctx.metrics
        panel(surface, area, p.panel, p.panel_edge, m.radius)
        pad = m.px(20)
        title = pygame.Rect(area.left + pad, area.top + pad, area.width - 2 * pad,
                            max(m.px(34), ctx.line_height(BODY, bold=True)))
        ctx.text.draw(surface, heading, m.font(BODY), p.ink, title, bold=True,
                      valign="middle")
        return title

    def _draw_skills(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        area = self.skills_panel
        pad = m.px(20)
        title = self._titled_panel(surface, area, tr._("Your skills in this stage"))
        totals = self.run.skills
        row = (area.bottom - pad - title.bottom - m.gap) // 3
        for index, skill in enumerate(SKILLS):
            rect = pygame.Rect(area.left + pad, title.bottom + m.gap + index * row,
                               area.width - 2 * pad, min(row - m.px(8), m.px(60)))
            high = self.skill_high[skill]
            value = getattr(totals, skill)
            meter(ctx, surface, rect, skill_name(tr, skill), value, min(0, value), high,
                  getattr(p, skill), shown=tr._("{value} of {best}").format(
                      value=value, best=high))

    def _draw_list(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        area = self.list_panel
        pad = m.px(20)
        # Translators: heading of the list of this stage's customers and how each ended
        title = self._titled_panel(surface, area, tr._("Customers"))
        results = self.run.results
        row = (area.bottom - pad - title.bottom - m.gap) // max(1, len(results))
        row = min(row, m.px(64))
        colors = {"success": p.good, "partial": p.timer_warn, "fail": p.poor}
        for index, result in enumerate(results):
            top = title.bottom + m.gap + index * row
            dot = pygame.Rect(area.left + pad, top + m.px(6), m.px(14), m.px(14))
            pygame.draw.ellipse(surface, colors[result.outcome.value], dot)
            encounter = self.run.stage.encounters[index]
            text_box = pygame.Rect(dot.right + m.px(10), top, area.right - pad - dot.right
                                   - m.px(10), row - m.px(4))
            title_text = tr.level(msgctxt.encounter_title(encounter), encounter.title)
            points = sum(result.skills.values())
            # Translators: one customer in the stage results, e.g.
            # "The red dress — Solved, 7 of 9" (points earned of the most possible)
            line = tr._("{title} — {outcome}, {points} of {best}").format(
                title=title_text, outcome=outcome_name(tr, result.outcome), points=points,
                best=result.best_total)
            ctx.text.draw(surface, line, m.font(SMALL), p.ink, text_box, max_lines=2)
