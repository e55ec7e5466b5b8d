"""Drawing pieces for the customer pictures: a pen that works in design units
and the head (hair, face, accessories) of a look in each mood bucket.

Design space: the figure fits a 200 x 250 box; the head is centred at
(100, 80). Mood buckets run 0 (furious) to 4 (delighted)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.ui.character_looks import Color, Look

Point = tuple[float, float]

HX, HY, HRX, HRY = 100.0, 80.0, 32.0, 38.0
EYE_L, EYE_R, EYE_Y = 87.0, 113.0, 82.0
INK: Color = (40, 28, 28)
MOUTH: Color = (112, 36, 44)
TEETH: Color = (252, 250, 246)
TONGUE: Color = (226, 110, 112)
BLUSH: Color = (236, 84, 84)
FLUSH: Color = (226, 64, 52)
LIPS: Color = (196, 60, 82)


def mix(a: Color, b: Color, t: float) -> Color:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def shade(c: Color, f: float) -> Color:
    return (min(255, round(c[0] * f)), min(255, round(c[1] * f)), min(255, round(c[2] * f)))


def curve(*ctrl: Point, n: int = 14) -> list[Point]:
    """Points along the Bezier curve through the control points (De Casteljau)."""
    out = []
    for i in range(n + 1):
        t, pts = i / n, list(ctrl)
        while len(pts) > 1:
            pts = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                   for a, b in zip(pts, pts[1:], strict=False)]
        out.append(pts[0])
    return out


def mirror(pts: Sequence[Point]) -> list[Point]:
    """The same outline reflected about the figure's centre line, in reverse order."""
    return [(200 - x, y) for x, y in reversed(pts)]


def ring(a0: float, a1: float, grow: float = 1.0, n: int = 20) -> list[Point]:
    """Points on the head outline (scaled by ``grow``) from angle a0 to a1, degrees, y up."""
    pts = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        pts.append((HX + HRX * grow * math.cos(a), HY - HRY * grow * math.sin(a)))
    return pts


class Pen:
    """Draws in design units onto a canvas: (x, y) lands at offset + (x, y) * scale."""

    def __init__(self, surface: pygame.Surface, scale: float, ox: float, oy: float) -> None:
        self.surface, self.k, self.ox, self.oy = surface, scale, ox, oy

    def zoom(self, factor: float, anchor: Point) -> Pen:
        """A pen drawing ``factor`` times larger, with ``anchor`` staying in place."""
        shift = self.k * (1 - factor)
        return Pen(self.surface, self.k * factor, self.ox + anchor[0] * shift,
                   self.oy + anchor[1] * shift)

    def pt(self, x: float, y: float) -> tuple[int, int]:
        return round(self.ox + x * self.k), round(self.oy + y * self.k)

    def px(self, units: float) -> int:
        return max(1, round(units * self.k))

    def ellipse(self, color: Color, cx: float, cy: float, rx: float, ry: float) -> None:
        rect = pygame.Rect(0, 0, 2 * self.px(rx), 2 * self.px(ry))
        rect.center = self.pt(cx, cy)
        pygame.draw.ellipse(self.surface, color, rect)

    def circle(self, color: Color, cx: float, cy: float, r: float) -> None:
        pygame.draw.circle(self.surface, color, self.pt(cx, cy), r * self.k)

    def rect(self, color: Color, cx: float, cy: float, w: float, h: float, radius: float,
             width: float = 0) -> None:
        rect = pygame.Rect(0, 0, self.px(w), self.px(h))
        rect.center = self.pt(cx, cy)
        pygame.draw.rect(self.surface, color, rect, self.px(width) if width else 0,
                         border_radius=self.px(radius))

    def poly(self, color: Color, pts: Sequence[Point]) -> None:
        pygame.draw.polygon(self.surface, color, [self.pt(x, y) for x, y in pts])

    def capsule(self, color: Color, a: Point, b: Point, width: float) -> None:
        r = width / 2
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1e-6
        nx, ny = -dy / length * r, dx / length * r
        self.poly(color, [(a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny),
                          (b[0] - nx, b[1] - ny), (a[0] - nx, a[1] - ny)])
        self.circle(color, a[0], a[1], r)
        self.circle(color, b[0], b[1], r)

    def stroke(self, color: Color, pts: Sequence[Point], width: float) -> None:
        """A polyline with round caps and joins."""
        for a, b in zip(pts, pts[1:], strict=False):
            self.capsule(color, a, b, width)


def _curls(pen: Pen, c: Color, spots: Sequence[Point], r: float) -> None:
    """Round curls with a darker rim, so even white hair shows its shape."""
    rim, light = shade(c, 0.78), mix(c, (255, 255, 255), 0.3)
    for x, y in spots:
        pen.circle(rim, x, y, r)
    for x, y in spots:
        pen.circle(c, x - 0.6, y - 0.6, r - 1.8)
    for x, y in spots[::2]:
        pen.circle(light, x - r * 0.35, y - r * 0.35, r * 0.22)


def back_hair(pen: Pen, look: Look) -> None:
    """Hair that sits behind the head and neck."""
    c, style = look.hair, look.hair_style
    if style == "long":
        pen.poly(c, ring(180, 0, 1.14) + [(140, 110), (146, 150), (120, 156), (80, 156),
                                          (54, 150), (60, 110)])
    elif style == "straight":
        pen.poly(shade(c, 0.86), ring(180, 0, 1.1) + [(137, 150), (63, 150)])
    elif style == "perm":
        _curls(pen, c, ring(-10, 190, 1.02, 11), 11.5)
    elif style == "curls":
        _curls(pen, c, ring(12, 168, 1.0, 8), 10)
    elif style == "bun":
        pen.circle(c, 100, 38, 16)
        pen.stroke(shade(c, 1.5), curve((90, 32), (100, 26), (110, 34)), 2.2)
    elif style == "bald":
        pen.ellipse(c, 70, 80, 9, 17)
        pen.ellipse(c, 130, 80, 9, 17)


def front_hair(pen: Pen, look: Look, skin: Color) -> None:
    """Hair that lies over the forehead and in front of the shoulders."""
    c, style = look.hair, look.hair_style
    if style in ("short", "side"):
        line = [(128, 72), (120, 60), (104, 57), (88, 61), (78, 60), (71, 74)]
        if style == "side":
            line = [(129, 74), (126, 58), (112, 50), (96, 52), (84, 58), (74, 62), (71, 74)]
        pen.poly(c, ring(195, -15, 1.07) + line)
        if style == "short":
            pen.stroke(shade(c, 1.5), curve((84, 50), (98, 44), (114, 48)), 2)
        else:
            pen.poly(c, curve((80, 50), (104, 34), (132, 52), n=8) + [(128, 60), (84, 54)])
            pen.stroke(shade(c, 0.72), curve((84, 46), (83, 51), (84, 56), n=6), 1.6)
            for y0 in (44, 50):
                pen.stroke(shade(c, 1.25), curve((90, y0), (106, y0 - 8), (124, y0 - 2)), 1.5)
    elif style == "curls":
        pen.poly(c, ring(192, -12, 1.04) + [(129, 74), (124, 64), (100, 60), (76, 64),
                                             (71, 74)])
        _curls(pen, c, ring(22, 158, 0.93, 6), 8)
    elif style == "perm":
        _curls(pen, c, ring(8, 172, 0.92, 8), 8.5)
    elif style == "straight":
        rim = shade(c, 0.78)
        for sx in (1, -1):
            lock = [(100 + sx * (100 - x), y) for x, y in
                    ((70, 60), (61, 90), (57, 130), (55, 176), (81, 171), (77, 130),
                     (74, 100))]
            pen.poly(c, lock)
            pen.stroke(rim, lock[1:5], 1.6)
            for x0 in (62, 69):
                pen.stroke(rim, [(100 + sx * (100 - x0), 116), (100 + sx * (98 - x0), 164)],
                           1.2)
        pen.poly(c, ring(200, -20, 1.08) + [(132, 90), (129, 68), (118, 54), (100, 48),
                                             (82, 54), (71, 68), (68, 90)])
        pen.stroke(rim, curve((100, 48), (100, 44), (99, 40), n=4), 1.6)
        pen.stroke(mix(c, (255, 255, 255), 0.45), curve((82, 46), (88, 40), (95, 38)), 1.8)
    elif style == "long":
        pen.poly(c, ring(200, -20, 1.08) + [(132, 96), (127, 66), (114, 50), (100, 47),
                                             (86, 50), (73, 66), (68, 96)])
        for sx in (1, -1):
            lock = [(100 + sx * (100 - x), y) for x, y in
                    ((70, 62), (60, 90), (58, 130), (56, 170), (66, 176), (74, 160),
                     (74, 120), (72, 90))]
            pen.poly(c, lock)
        pen.stroke(shade(c, 1.35), curve((100, 47), (96, 44), (90, 42)), 1.6)
    elif style == "bun":
        pen.poly(c, ring(190, -10, 1.06) + [(129, 74), (120, 54), (100, 48), (80, 54),
                                             (71, 74)])
        light = shade(c, 1.6)
        for x0 in (88, 100, 112):
            pen.stroke(light, curve((x0, 52), (x0 + (x0 - 100) * 0.15, 48), (x0, 45)), 1.5)
    elif style == "bald":
        pen.ellipse(mix(skin, (255, 255, 255), 0.35), 90, 52, 9, 4)


# Per mood bucket: brow (inner y, outer y, arch, thickness), blush strength.
BROWS = ((75, 64, 0.5, 4.2), (64, 71, -1.5, 3.6), (69, 69, 2.0, 3.2), (68, 68, 3.0, 3.2),
         (63, 64, 4.0, 3.4))
BLUSH_T = (0.55, 0.12, 0.0, 0.22, 0.38)


def face(pen: Pen, look: Look, bucket: int, skin: Color) -> None:
    if BLUSH_T[bucket]:
        cheek = mix(skin, BLUSH, BLUSH_T[bucket])
        for x in (78, 122):
            pen.ellipse(cheek, x, 97, 8, 5)
    if look.beard:
        beard = mix(look.hair, skin, 0.35)
        pen.poly(beard, ring(195, 345, 1.05) + [(128, 92), (117, 99), (100, 97), (83, 99),
                                                 (72, 92)])
    pen.ellipse(shade(skin, 0.86), 100, 93, 4.5, 3.2)
    if look.lines:
        _age_lines(pen, look.lines, shade(skin, 0.84))
    _mouth(pen, bucket, mix(INK, LIPS, 0.75) if look.lashes else INK)
    if look.moustache:
        pen.poly(shade(look.hair, 0.85), [(85, 104), (92, 96.5), (100, 98), (108, 96.5),
                                          (115, 104), (107, 101.5), (100, 102.5), (93, 101.5)])
    _eyes(pen, bucket, look.lashes)
    if look.glasses:
        frame = (64, 58, 62)
        for x in (EYE_L, EYE_R):
            pen.rect(frame, x, EYE_Y, 21, 16, 5, 2.2)
        pen.stroke(frame, [(97.5, 80.5), (102.5, 80.5)], 2.2)
        pen.stroke(frame, [(76.5, 79), (68.5, 78)], 2.2)
        pen.stroke(frame, [(123.5, 79), (131.5, 78)], 2.2)
    inner, outer, arch, thick = BROWS[bucket]
    for sx in (-1, 1):
        xi, xo = 100 + sx * 5.5, 100 + sx * 20
        mid = ((xi + xo) / 2, (inner + outer) / 2 - arch * 2)
        pen.stroke(look.brow, curve((xi, inner), mid, (xo, outer), n=8), thick)
    if bucket == 0:
        for x in (97.5, 102.5):
            pen.stroke(shade(skin, 0.8), [(x, 70), (x, 75)], 1.3)


def _age_lines(pen: Pen, lines: int, crease: Color) -> None:
    for sx in (-1, 1):
        pen.stroke(crease, curve((100 + sx * 9, 95), (100 + sx * 14, 100), (100 + sx * 14, 107),
                                 n=6), 1.4)
        if lines > 1:
            for dy in (-3, 1.5):
                x = 100 + sx * 25
                pen.stroke(crease, [(x, EYE_Y + dy * 0.6), (x + sx * 5, EYE_Y + dy)], 1.2)
    if lines > 1:
        for y in (56, 61):
            pen.stroke(crease, curve((88, y + 1), (100, y - 1.5), (112, y + 1), n=6), 1.3)


def _eyes(pen: Pen, bucket: int, lashes: bool) -> None:
    for x in (EYE_L, EYE_R):
        out = 1 if x > HX else -1
        if bucket == 4:
            pen.stroke(INK, curve((x - 6, EYE_Y + 2), (x, EYE_Y - 6), (x + 6, EYE_Y + 2), n=8),
                       2.8)
            if lashes:
                pen.stroke(INK, [(x + out * 5.5, EYE_Y), (x + out * 9, EYE_Y - 2.5)], 1.8)
            continue
        ry = (3.0, 5.2, 5.0, 4.6)[bucket]
        pen.ellipse(INK, x, EYE_Y, 4.2, ry)
        pen.circle((255, 255, 255), x + 1.3, EYE_Y - min(ry, 4) * 0.45, 1.2)
        if lashes:
            pen.stroke(INK, [(x + out * 3, EYE_Y - ry * 0.7), (x + out * 7.5, EYE_Y - ry - 1.5)],
                       1.8)


def _mouth(pen: Pen, bucket: int, ink: Color) -> None:
    if bucket == 0:
        top = curve((85, 110), (92, 99), (108, 99), (115, 110))
        pen.poly(MOUTH, top + curve((115, 110), (108, 113), (92, 113), (85, 110)))
        pen.poly(TEETH, top[2:-2] + [(x, y + 3.2) for x, y in reversed(top[2:-2])])
    elif bucket == 1:
        pen.stroke(ink, curve((88, 109), (94, 102), (106, 102), (112, 109)), 3.0)
    elif bucket == 2:
        pen.stroke(ink, curve((91, 105), (100, 106), (109, 105)), 2.8)
    elif bucket == 3:
        pen.stroke(ink, curve((87, 102), (93, 109.5), (107, 109.5), (113, 102)), 3.0)
    else:
        top = curve((85, 101), (100, 104), (115, 101))
        pen.poly(MOUTH, top + curve((115, 101), (112, 117), (88, 117), (85, 101)))
        pen.poly(TEETH, top[1:-1] + [(x, y + 3.4) for x, y in reversed(top[1:-1])])
        pen.ellipse(TONGUE, 100, 112.5, 7, 3)


def head(pen: Pen, look: Look, bucket: int) -> None:
    """Ears, face, hair and accessories; a furious customer's face is flushed."""
    skin = mix(look.skin, FLUSH, 0.14) if bucket == 0 else look.skin
    for tucked in (False, True):  # straight hair is tucked behind the ears
        if tucked == (look.hair_style == "straight"):
            for x in (68, 132):
                pen.ellipse(skin, x, 84, 6.5, 9)
                pen.ellipse(shade(skin, 0.88), x, 85, 3, 5)
        if not tucked:
            pen.ellipse(skin, HX, HY, HRX, HRY)
            front_hair(pen, look, skin)
    face(pen, look, bucket, skin)
    for x in (67.5, 132.5):
        if look.earrings == "hoop":
            pygame.draw.circle(pen.surface, (190, 138, 30), pen.pt(x, 98), 5 * pen.k,
                               pen.px(2))
        elif look.earrings == "stud":
            pen.circle((246, 242, 232), x, 93, 2.2)
