"""The customer, drawn with pygame primitives: a half-body figure for the
encounter scene and a round avatar for message threads. Face and posture follow
the mood; every picture is drawn once at twice its size, smoothed down and
cached."""

from __future__ import annotations

import pygame

from game.ui import character_parts as parts
from game.ui.cache import PictureCache, surface_bytes
from game.ui.character_looks import LOOKS, Color, Look
from game.ui.character_parts import Pen, Point, curve, mirror, shade

DESIGN_W, DESIGN_H = 200, 250
SUPERSAMPLE = 2
CACHE_BYTES = 12 * 1024 * 1024  # customers' pictures kept for the next frames
AVATAR_CENTRE, AVATAR_RADIUS = (100.0, 98.0), 74.0
COUNTER_Y, COUNTER_EDGE = 216.0, 230.0
HEAD_ZOOM, CHIN = 1.1, (100.0, 118.0)
SHOULDER_LIFT = (7.0, 2.0, 0.0, 0.0, 0.0)  # per mood bucket: tension raises the shoulders
COUNTER_TOP: Color = (222, 194, 156)
COUNTER_FRONT: Color = (184, 148, 110)
PHONE: Color = (52, 58, 70)

# One drawing instruction of a pose: ("limb", points), ("hand", kind, x, y, side),
# ("counter",) or ("phone",).
Step = tuple


def mood_bucket(mood: int) -> int:
    """0 furious, 1 upset, 2 neutral, 3 content, 4 delighted."""
    return min(4, max(0, min(100, int(mood))) // 20)


class CharacterArt:
    """Renders and caches customer pictures. One instance lives in the app context
    (no module globals)."""

    def __init__(self) -> None:
        self._cache: PictureCache[pygame.Surface] = PictureCache(CACHE_BYTES, surface_bytes)

    def figure(self, look: int, mood: int, size: tuple[int, int],
               channel: str = "shop") -> pygame.Surface:
        """Half-body figure on a transparent surface of exactly ``size``; on the phone
        channel the customer holds a phone to the ear, otherwise stands at a counter."""
        index, bucket = int(look) % len(LOOKS), mood_bucket(mood)
        w, h = max(1, int(size[0])), max(1, int(size[1]))
        phone = channel == "phone"
        key = ("figure", index, bucket, w, h, phone)
        return self._cache.get(key) or self._cache.put(
            key, _render_figure(LOOKS[index], bucket, (w, h), phone))

    def avatar(self, look: int, mood: int, diameter: int) -> pygame.Surface:
        """Round head-and-shoulders portrait, ``diameter`` square, transparent outside."""
        index, bucket, d = int(look) % len(LOOKS), mood_bucket(mood), max(1, int(diameter))
        key = ("avatar", index, bucket, d)
        return self._cache.get(key) or self._cache.put(key, _render_avatar(LOOKS[index],
                                                                           bucket, d))


def _canvas(size: tuple[int, int]) -> pygame.Surface:
    canvas = pygame.Surface((size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), pygame.SRCALPHA)
    canvas.fill((40, 34, 36, 0))  # the colour of half-covered edge pixels after smoothing
    return canvas


def _finish(canvas: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    out = pygame.transform.smoothscale(canvas, size)
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        out = out.convert_alpha()
    return out


def _render_figure(look: Look, bucket: int, size: tuple[int, int], phone: bool) -> pygame.Surface:
    canvas = _canvas(size)
    cw, ch = canvas.get_size()
    k = min(cw / DESIGN_W, ch / DESIGN_H)
    pen = Pen(canvas, k, (cw - DESIGN_W * k) / 2, ch - DESIGN_H * k)
    lift = SHOULDER_LIFT[bucket]
    head = pen.zoom(HEAD_ZOOM, CHIN)
    parts.back_hair(head, look)
    _torso(pen, look, lift)
    parts.head(head, look, bucket)
    steps = _phone_pose(bucket, lift) if phone else _shop_pose(bucket, lift)
    for step in steps:
        _draw_step(pen, look, step)
    return _finish(canvas, size)


def _render_avatar(look: Look, bucket: int, d: int) -> pygame.Surface:
    canvas = _canvas((d, d))
    cd = canvas.get_width()
    k = cd / (2 * AVATAR_RADIUS)
    pen = Pen(canvas, k, cd / 2 - AVATAR_CENTRE[0] * k, cd / 2 - AVATAR_CENTRE[1] * k)
    backdrop = parts.mix(look.under if _light(look.top) else look.top, (255, 255, 255), 0.78)
    pygame.draw.circle(canvas, backdrop, (cd / 2, cd / 2), cd / 2)
    head = pen.zoom(HEAD_ZOOM, CHIN)
    parts.back_hair(head, look)
    _torso(pen, look, SHOULDER_LIFT[bucket])
    parts.head(head, look, bucket)
    mask = pygame.Surface(canvas.get_size(), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (cd / 2, cd / 2), cd / 2)
    canvas.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    pygame.draw.circle(canvas, shade(backdrop, 0.82), (cd / 2, cd / 2), cd / 2,
                       max(1, round(cd / 60)))
    return _finish(canvas, (d, d))


def _light(c: Color) -> bool:
    return sum(c) > 660


def _torso(pen: Pen, look: Look, lift: float) -> None:
    """Neck, body and clothing; ``lift`` raises the shoulders (tension)."""
    skin, s = look.skin, lift
    if look.neckline == "hoodie":  # the hood lies behind the neck
        pen.poly(shade(look.top, 0.78), curve((62, 142 - s), (60, 96), (140, 96),
                                              (138, 142 - s)))
    pen.capsule(shade(skin, 0.9), (100, 100), (100, 150), 25)
    side = [(22.0, 262.0), (25.0, 180.0)] + curve((25, 180), (26, 143 - s), (58, 136 - s))[1:]
    side.append((86, 129 - s))
    if look.neckline in ("v", "collar"):
        neck = [(100, 152 - s)]
    elif look.neckline == "cardigan":
        neck = [(100, 146 - s)]
    else:
        neck = curve((86, 129 - s), (100, 146 - s), (114, 129 - s))[1:-1]
    pen.poly(look.top, side + neck + mirror(side))
    if _light(look.top):  # a white top needs its outline against a pale backdrop
        pen.stroke(shade(look.top, 0.78), side, 2)
        pen.stroke(shade(look.top, 0.78), mirror(side), 2)
    if look.neckline == "cardigan":
        pen.poly(look.under, [(88, 128 - s), (112, 128 - s), (109, 262), (91, 262)])
        edge = shade(look.top, 0.8)
        pen.stroke(edge, [(87, 130 - s), (91, 262)], 2.4)
        pen.stroke(edge, [(113, 130 - s), (109, 262)], 2.4)
        pen.poly(skin, [(92, 128 - s), (108, 128 - s), (100, 140 - s)])
        collar = [(86, 126 - s), (99, 141 - s), (91, 148 - s), (81, 133 - s)]
        pen.poly(shade(look.under, 1.08), collar)
        pen.poly(shade(look.under, 1.08), mirror(collar))
        for y in (168, 192):
            pen.circle(shade(look.top, 0.7), 86, y, 2.4)
    if look.pearls:
        for x, y in curve((84, 128 - s), (100, 160 - s), (116, 128 - s), n=9)[1:-1]:
            pen.circle((168, 160, 156), x, y, 3)
            pen.circle((250, 246, 238), x - 0.4, y - 0.4, 2.2)
    elif look.neckline == "collar":
        flap = [(85, 127 - s), (100, 152 - s), (90, 156 - s), (77, 134 - s)]
        pen.poly(shade(look.top, 1.25), flap)
        pen.poly(shade(look.top, 1.25), mirror(flap))
    elif look.neckline == "hoodie":
        pen.stroke(shade(look.top, 1.14), curve((80, 128 - s), (100, 156 - s), (120, 128 - s)),
                   7)
        for x, dx in ((93, -2), (107, 2)):
            pen.stroke((236, 236, 240), [(x, 146 - s), (x + dx, 184 - s)], 2)
            pen.capsule((236, 236, 240), (x + dx, 183 - s), (x + dx, 189 - s), 3.2)
        pen.stroke(shade(look.top, 0.8), curve((60, 220), (70, 196), (130, 196), (140, 220)),
                   2.2)
    elif look.neckline == "tie":
        _shirt_and_tie(pen, look, s)
    if look.scarf:
        c = look.scarf
        pen.poly(shade(c, 0.85), [(104, 136 - s), (116, 136 - s), (120, 182), (106, 184)])
        pen.poly(c, curve((76, 128 - s), (100, 154 - s), (124, 128 - s))
                 + curve((124, 124 - s), (100, 134 - s), (76, 124 - s)))
        pen.stroke(shade(c, 0.8), curve((80, 130 - s), (100, 146 - s), (120, 130 - s)), 1.6)


def _shirt_and_tie(pen: Pen, look: Look, s: float) -> None:
    tie, edge = look.under, shade(look.top, 0.72)
    pen.poly(tie, [(97, 148 - s), (103, 148 - s), (107, 206), (100, 214), (93, 206)])
    pen.poly(shade(tie, 1.3), [(95.5, 139 - s), (104.5, 139 - s), (103, 150 - s),
                               (97, 150 - s)])
    flap = [(86, 124 - s), (99, 140 - s), (91, 151 - s), (79, 134 - s)]
    for side in (flap, mirror(flap)):
        pen.poly(look.top, side)
        pen.stroke(edge, side[1:] + side[:1], 1.4)


SHOULDER_L, SHOULDER_R = 47.0, 153.0


def _shop_pose(bucket: int, lift: float) -> list[Step]:
    sy = 150 - lift
    if bucket <= 1:
        ey = 196 - lift * 0.6
        return [("counter",),
                ("limb", [(SHOULDER_L, sy), (40, ey)]), ("limb", [(SHOULDER_R, sy), (160, ey)]),
                ("limb", [(160, ey), (62, ey - 10)]), ("hand", "grip", 54, ey - 12, 1),
                ("limb", [(40, ey + 2), (140, ey - 14)]), ("hand", "grip", 148, ey - 16, -1)]
    if bucket == 4:
        return [("counter",),
                ("limb", [(SHOULDER_L, sy), (32, 198), (24, 166)]),
                ("limb", [(SHOULDER_R, sy), (168, 198), (176, 166)]),
                ("hand", "open", 22, 156, 1), ("hand", "open", 178, 156, -1)]
    if bucket == 3:
        return [("limb", [(SHOULDER_L, sy), (40, 200), (84, 216)]),
                ("limb", [(SHOULDER_R, sy), (160, 200), (116, 216)]),
                ("counter",), ("hand", "rest", 90, 222, 1), ("hand", "rest", 110, 220, -1)]
    return [("limb", [(SHOULDER_L, sy), (38, 200), (54, 216)]),
            ("limb", [(SHOULDER_R, sy), (162, 200), (146, 216)]),
            ("counter",), ("hand", "rest", 58, 222, 1), ("hand", "rest", 142, 222, -1)]


def _phone_pose(bucket: int, lift: float) -> list[Step]:
    sy = 150 - lift
    steps: list[Step] = [("limb", [(SHOULDER_L, sy), (28, 178), (56, 112)]), ("phone",),
                         ("hand", "phone", 59, 102, 1)]
    if bucket <= 1:
        steps += [("limb", [(SHOULDER_R, sy), (160, 198), (46, 194)]),
                  ("hand", "grip", 36, 190, 1)]
    elif bucket == 4:
        steps += [("limb", [(SHOULDER_R, sy), (170, 200), (176, 168)]),
                  ("hand", "open", 178, 158, -1)]
    else:
        steps += [("limb", [(SHOULDER_R, sy), (162, 204), (164, 262)])]
    return steps


def _draw_step(pen: Pen, look: Look, step: Step) -> None:
    kind = step[0]
    light = _light(look.top)
    sleeve = shade(look.top, 0.95 if light else 0.88)
    if kind == "limb":
        pts: list[Point] = step[1]
        pen.stroke(shade(look.top, 0.72 if light else 0.62), pts, 24.5)
        pen.stroke(sleeve, pts, 22)
    elif kind == "counter":
        top = pen.pt(0, COUNTER_Y)[1]
        lip = pen.pt(0, COUNTER_EDGE)[1]
        w, h = pen.surface.get_size()
        pygame.draw.rect(pen.surface, COUNTER_FRONT, (0, lip, w, h - lip))
        pygame.draw.rect(pen.surface, COUNTER_TOP, (0, top, w, lip - top))
        pygame.draw.rect(pen.surface, shade(COUNTER_FRONT, 0.85), (0, lip, w, pen.px(1.5)))
    elif kind == "phone":
        pen.rect(PHONE, 60, 84, 14, 38, 3.5)
        pen.rect((104, 112, 128), 60, 84, 14, 38, 3.5, 1.3)
    else:
        _hand(pen, look.skin, step[1], step[2], step[3], step[4])


def _hand(pen: Pen, skin: Color, kind: str, x: float, y: float, side: int) -> None:
    """A hand: "rest" lies on the counter, "open" shows the palm, "grip" holds an arm,
    "phone" holds the phone; ``side`` is 1 for the hand on the viewer's left."""
    edge = shade(skin, 0.78)
    if kind == "rest":
        fingers = [((x - 8 + i * 5.4, y + 2), (x - 8.5 + i * 5.6, y + 12)) for i in range(4)]
        palm = (x, y, 14, 8.5)
    elif kind == "open":
        fingers = [((x - 7, y - 2), (x - 9, y - 17)), ((x - 2.5, y - 3), (x - 3, y - 20)),
                   ((x + 2.5, y - 3), (x + 3, y - 19)), ((x + 7, y - 2), (x + 8.5, y - 15)),
                   ((x + 8 * side, y + 4), (x + 16 * side, y - 4))]
        palm = (x, y + 2, 9.5, 10)
    elif kind == "phone":
        fingers = [((x + 1 * side, y - 8 + i * 5), (x + 8 * side, y - 9 + i * 5))
                   for i in range(3)]
        palm = (x - 1 * side, y + 1, 8.5, 10.5)
    else:
        fingers = [((x - 4 * side, y - 6 + i * 5.5), (x - 10 * side, y - 6 + i * 5.5))
                   for i in range(3)]
        palm = (x, y, 9, 8.5)
    for a, b in fingers:
        pen.capsule(edge, a, b, 6.2)
    pen.ellipse(edge, palm[0], palm[1], palm[2] + 1, palm[3] + 1)
    for a, b in fingers:
        pen.capsule(skin, a, b, 4.6)
    pen.ellipse(skin, *palm)
