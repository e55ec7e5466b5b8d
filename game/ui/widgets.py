"""Small drawing helpers shared by the scenes: panels, buttons, meters, stars."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.ui.theme import BODY, SMALL, TITLE, Color

if TYPE_CHECKING:
    from game.ui.app import Context


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: Color, edge: Color | None,
          radius: int, width: int = 2) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if edge is not None:
        pygame.draw.rect(surface, edge, rect, width=width, border_radius=radius)


def shade(surface: pygame.Surface, color: tuple[int, int, int, int]) -> None:
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(color)
    surface.blit(veil, (0, 0))


def _badge_side(ctx: Context) -> int:
    return max(ctx.metrics.px(30), ctx.line_height(SMALL, bold=True))


def overlay(ctx: Context, surface: pygame.Surface, box: pygame.Rect,
            title: str | None = None, title_box: pygame.Rect | None = None,
            align: str = "left") -> None:
    """Dim what is below and draw the overlay's panel, with its title."""
    p, m = ctx.palette, ctx.metrics
    shade(surface, p.shade)
    panel(surface, box, p.panel, p.panel_edge, m.radius)
    if title is not None:
        ctx.text.draw(surface, title, m.font(TITLE), p.ink, title_box, bold=True,
                      align=align, valign="middle")


def button_text_width(ctx: Context, width: int, hint: bool) -> int:
    """How wide the label of a button ``width`` wide may be."""
    m = ctx.metrics
    if hint:
        return width - m.px(12) - _badge_side(ctx) - m.px(12) - m.px(14)
    return width - 2 * m.px(16)


def button(ctx: Context, surface: pygame.Surface, rect: pygame.Rect, label: str,
           focused: bool, primary: bool = False, hint: str | None = None) -> None:
    """A button; ``hint`` is a key shown in a badge at its left (e.g. "1")."""
    p, m = ctx.palette, ctx.metrics
    fill = p.accent if primary else (p.hover if focused else p.panel)
    ink = p.accent_ink if primary else p.ink
    panel(surface, rect, fill, p.focus if focused else p.panel_edge, m.radius,
          width=m.px(4) if focused else m.px(2))
    inner = rect.inflate(-2 * m.px(16), -2 * m.px(6))
    if hint:
        side = _badge_side(ctx)
        badge = pygame.Rect(0, 0, side, side)
        badge.midleft = (rect.left + m.px(12), rect.centery)
        pygame.draw.rect(surface, p.accent_ink if primary else p.accent, badge,
                         border_radius=m.px(6))
        ctx.text.draw(surface, hint, m.font(SMALL), p.accent if primary else p.accent_ink,
                      badge, bold=True, align="center", valign="middle")
        inner.left = badge.right + m.px(12)
        inner.width = button_text_width(ctx, rect.width, True)
    ctx.text.draw(surface, label, m.font(BODY), ink, inner, bold=primary,
                  align="left" if hint else "center", valign="middle")


def meter(ctx: Context, surface: pygame.Surface, rect: pygame.Rect, label: str,
          value: int, low: int, high: int, color: Color, shown: str | None = None) -> None:
    """A labelled horizontal bar; the bar is filled from ``low`` to ``value``."""
    p, m = ctx.palette, ctx.metrics
    label_height = ctx.fonts.get(m.font(SMALL)).get_linesize()
    shown = shown if shown is not None else f"{value:+d}"
    value_width = min(rect.width // 2,
                      ctx.fonts.get(m.font(SMALL), bold=True).size(shown)[0] + m.px(6))
    label_box = pygame.Rect(rect.left, rect.top, rect.width - value_width, label_height)
    value_box = pygame.Rect(label_box.right, rect.top, value_width, label_height)
    ctx.text.draw(surface, label, m.font(SMALL), p.ink, label_box, valign="bottom")
    ctx.text.draw(surface, shown, m.font(SMALL), p.ink, value_box, bold=True, align="right",
                  valign="bottom")
    bar = pygame.Rect(rect.left, label_box.bottom + m.px(4), rect.width,
                      max(2, rect.height - label_height - m.px(6)))
    pygame.draw.rect(surface, p.track, bar, border_radius=bar.height // 2)
    span = max(1, high - low)
    zero = bar.left + round(bar.width * (0 - low) / span) if low < 0 else bar.left
    filled = bar.left + round(bar.width * (min(max(value, low), high) - low) / span)
    left, right = sorted((zero, filled))
    if right > left:
        pygame.draw.rect(surface, color, (left, bar.top, right - left, bar.height),
                         border_radius=bar.height // 2)
    if low < 0:
        pygame.draw.line(surface, p.muted, (zero, bar.top - m.px(2)),
                         (zero, bar.bottom + m.px(1)), max(1, m.px(2)))


def meter_height(ctx: Context) -> int:
    """The height a meter needs: its label line and a bar."""
    m = ctx.metrics
    return ctx.fonts.get(m.font(SMALL)).get_linesize() + m.px(20)


def route_points(area: pygame.Rect, waves: float = 1.1, steps: int = 100) -> list[tuple[int, int]]:
    """A winding marathon road across ``area``, as a polyline."""
    points = []
    for step in range(steps + 1):
        x = area.left + area.width * step / steps
        y = area.centery + area.height * 0.28 * math.sin(step / steps * math.pi * 2 * waves)
        points.append((round(x), round(y)))
    return points


def road(ctx: Context, surface: pygame.Surface, points: list[tuple[int, int]]) -> None:
    """Draw the road with a start post and a chequered finish flag."""
    p, m = ctx.palette, ctx.metrics
    pygame.draw.lines(surface, p.track, False, points, m.px(22))
    pygame.draw.lines(surface, p.route, False, points, m.px(6))
    for end, chequered in ((points[0], False), (points[-1], True)):
        pole_top = (end[0], end[1] - m.px(54))
        pygame.draw.line(surface, p.ink, end, pole_top, m.px(4))
        flag = pygame.Rect(end[0], pole_top[1], m.px(34), m.px(22))
        if not chequered:
            pygame.draw.rect(surface, p.good, flag)
            continue
        cell = max(1, flag.width // 4)
        for row in range(2):
            for col in range(4):
                color = p.ink if (row + col) % 2 else p.panel
                pygame.draw.rect(surface, color, (flag.left + col * cell,
                                                  flag.top + row * flag.height // 2, cell,
                                                  flag.height // 2))
        pygame.draw.rect(surface, p.ink, flag, 1)


def star_points(center: tuple[float, float], radius: float) -> list[tuple[float, float]]:
    points = []
    for index in range(10):
        angle = -math.pi / 2 + index * math.pi / 5
        r = radius if index % 2 == 0 else radius * 0.45
        points.append((center[0] + r * math.cos(angle), center[1] + r * math.sin(angle)))
    return points


def stars(surface: pygame.Surface, center: tuple[int, int], earned: int, radius: int,
          filled: Color, empty: Color, count: int = 3) -> None:
    spacing = radius * 2.3
    start = center[0] - spacing * (count - 1) / 2
    for index in range(count):
        points = star_points((start + index * spacing, center[1]), radius)
        pygame.draw.polygon(surface, filled if index < earned else empty, points)


def timer_color(ctx: Context, fraction_left: float) -> Color:
    p = ctx.palette
    if fraction_left > 0.5:
        return p.timer_ok
    if fraction_left > 0.25:
        return p.timer_warn
    return p.timer_low
