"""Growth: the three skills over the player's finished stages, drawn as a
chart. Each point is one attempt's share of the most that stage could give in
that skill, so stages of different sizes compare. Each skill has its own
colour and its own marker shape, so the lines are told apart without colour."""

from __future__ import annotations

import pygame

from game.content.model import SKILLS
from game.play.scoring import max_stage_total
from game.ui import input as ui_input
from game.ui.input import Intent
from game.ui.scene import Scene
from game.ui.scenes.dialogs import title_strip
from game.ui.theme import BODY, SMALL, TITLE
from game.ui.widgets import panel
from game.ui.words import skill_name

MAX_POINTS = 24  # the latest attempts shown; older ones scroll off the left
MARKERS = {"attention": "circle", "problem_solving": "square", "partnership": "triangle"}


def growth_points(attempts, stages) -> list[tuple[int, dict[str, float]]]:
    """(stage number, {skill: share 0..1}) for each attempt whose stage still
    exists, oldest first."""
    by_id = {stage.id: stage for stage in stages}
    order = {stage.id: number for number, stage in enumerate(stages, 1)}
    points = []
    for attempt in attempts:
        stage = by_id.get(attempt.stage)
        if stage is None:
            continue
        shares = {}
        for skill in SKILLS:
            best = max_stage_total(stage, skill)
            value = attempt.skills.get(skill, 0)
            shares[skill] = max(0.0, min(1.0, value / best)) if best > 0 else 0.0
        points.append((order[attempt.stage], shares))
    return points[-MAX_POINTS:]


def marker(surface, shape: str, center, size: int, color) -> None:
    x, y = center
    if shape == "circle":
        pygame.draw.circle(surface, color, center, size)
    elif shape == "square":
        pygame.draw.rect(surface, color, (x - size, y - size, 2 * size, 2 * size))
    else:
        pygame.draw.polygon(surface, color, [(x, y - size - 2), (x - size - 2, y + size),
                                             (x + size + 2, y + size)])


class GrowthScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        ctx = app.ctx
        self.points = growth_points(ctx.player.progress.attempts, ctx.levels.stages)

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        self.heading = title_strip(ctx, width)
        legend = ctx.line_height(BODY) + m.px(12)
        self.legend = pygame.Rect(m.margin, self.heading.bottom + m.gap, width - 2 * m.margin,
                                  legend)
        hint = ctx.line_height(SMALL) + m.px(8)
        self.hint = pygame.Rect(m.margin, height - m.margin - hint, width - 2 * m.margin, hint)
        top = self.legend.bottom + m.gap
        self.frame = pygame.Rect(m.margin, top, width - 2 * m.margin,
                                 self.hint.top - m.gap - top)
        label = ctx.fonts.get(m.font(SMALL)).size("100%")[0] + m.px(16)
        bottom = ctx.line_height(SMALL) * 2 + m.px(10)
        self.plot = pygame.Rect(self.frame.left + label, self.frame.top + m.px(16),
                                self.frame.width - label - m.px(24),
                                self.frame.height - bottom - m.px(16))

    def handle_event(self, event):
        got = ui_input.read(event, self.app.screen.get_size())
        if got is None:
            return False
        if got.intent in (Intent.BACK, Intent.RETREAT, Intent.CONFIRM, Intent.ADVANCE,
                          Intent.CLICK):
            self.app.stack.pop()
        return True

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        profile = ctx.player.profile
        heading = (tr._("Growth of {name}").format(name=profile.name) if profile
                   else tr._("Your growth"))
        ctx.text.draw(surface, heading, m.font(TITLE), p.ink, self.heading, bold=True,
                      valign="middle", max_lines=1, ellipsis=True)
        self._draw_legend(surface)
        panel(surface, self.frame, p.panel, p.panel_edge, m.radius)
        ctx.text.draw(surface, tr._("Enter, Esc or a click: back"), m.font(SMALL), p.muted,
                      self.hint, align="right", valign="middle")
        plot = self.plot
        for share in (0.0, 0.5, 1.0):
            y = plot.bottom - round(share * plot.height)
            pygame.draw.line(surface, p.track, (plot.left, y), (plot.right, y), max(1, m.px(2)))
            label = pygame.Rect(self.frame.left, y - m.px(14), plot.left - self.frame.left
                                - m.px(8), m.px(28))
            # Translators: a percentage on the growth chart's axis, e.g. "50%"
            ctx.text.draw(surface, tr._("{percent}%").format(percent=round(share * 100)),
                          m.font(SMALL), p.muted, label, align="right", valign="middle")
        if not self.points:
            ctx.text.draw(surface, tr._("Finish a stage to see your growth here."),
                          m.font(BODY), p.muted, plot, align="center", valign="middle")
            return
        count = len(self.points)
        step = plot.width / max(1, count - 1) if count > 1 else 0
        xs = [round(plot.left + (i * step if count > 1 else plot.width / 2))
              for i in range(count)]
        axis = pygame.Rect(plot.left, plot.bottom + m.px(8), plot.width,
                           ctx.line_height(SMALL) * 2)
        for x, (number, _) in zip(xs, self.points, strict=True):
            slot = pygame.Rect(x - m.px(30), axis.top, m.px(60), ctx.line_height(SMALL))
            ctx.text.draw(surface, str(number), m.font(SMALL), p.muted, slot, align="center")
        ctx.text.draw(surface, tr._("Stage of each attempt, oldest first"), m.font(SMALL),
                      p.muted, pygame.Rect(axis.left, axis.top + ctx.line_height(SMALL),
                                           axis.width, ctx.line_height(SMALL)), align="center")
        for skill in SKILLS:
            color = getattr(p, skill)
            spots = [(x, plot.bottom - round(shares[skill] * plot.height))
                     for x, (_, shares) in zip(xs, self.points, strict=True)]
            if len(spots) > 1:
                pygame.draw.lines(surface, color, False, spots, max(2, m.px(3)))
            for spot in spots:
                marker(surface, MARKERS[skill], spot, m.px(6), color)

    def _draw_legend(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        width = self.legend.width // 3
        for index, skill in enumerate(SKILLS):
            left = self.legend.left + index * width
            color = getattr(p, skill)
            marker(surface, MARKERS[skill], (left + m.px(12), self.legend.centery), m.px(7),
                   color)
            box = pygame.Rect(left + m.px(28), self.legend.top, width - m.px(36),
                              self.legend.height)
            ctx.text.draw(surface, skill_name(tr, skill), m.font(BODY), p.ink, box,
                          valign="middle", max_lines=1, ellipsis=True)
