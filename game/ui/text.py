"""Text layout and rendering, done once per change and cached.

``TextRenderer.fit`` wraps a string into a box, shrinking the font step by
step when it does not fit, and returns a ready surface. Every draw is logged
(``drawn``) with its box so tests can prove that no text leaves its box.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from game.ui.cache import PictureCache, surface_bytes
from game.ui.theme import Color

CACHE_BYTES = 16 * 1024 * 1024  # laid-out text kept for the next frames
MIN_FONT = 11


@dataclass(frozen=True)
class TextBlock:
    surface: pygame.Surface
    lines: int
    size: int  # the font size it was fitted at
    overflow: bool  # True if even the smallest size did not fit


@dataclass(frozen=True)
class Drawn:
    text: str
    rect: pygame.Rect
    box: pygame.Rect
    overflow: bool
    scale: float = 1.0  # the size it fitted at, as a share of the size asked for
    size: int = 0  # the font size it fitted at, in pixels
    color: tuple = (0, 0, 0)


class Fonts:
    def __init__(self, folder: Path):
        self.folder = folder
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._missing: bytes | None = None

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
            font = pygame.font.Font(str(self.folder / name), size)
            self._fonts[key] = font
        return font

    def can_draw(self, character: str) -> bool:
        """False when the font has no glyph for ``character`` (it would show
        as an empty box): its picture is the font's "missing" picture."""
        font = self.get(24)
        if self._missing is None:
            self._missing = pygame.image.tobytes(font.render("\U0010fffd", True, (0, 0, 0)),
                                                 "RGBA")
        picture = pygame.image.tobytes(font.render(character, True, (0, 0, 0)), "RGBA")
        return character.isspace() or picture != self._missing


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break text into lines no wider than ``width``; words longer than a line
    are broken after a hyphen, or else between characters. Explicit newlines
    are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if font.size(paragraph)[0] <= width:  # most labels: one measurement, one line
            lines.append(paragraph)
            continue
        current = ""
        for word in paragraph.split(" "):
            candidate = word if not current else f"{current} {word}"
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while font.size(word)[0] > width and len(word) > 1:
                # after a hyphen if a part up to one fits, else between letters
                hyphens = [i + 1 for i, c in enumerate(word[:-1]) if c in "-‐"
                           and font.size(word[:i + 1])[0] <= width]
                cut = hyphens[-1] if hyphens else len(word) - 1
                while not hyphens and cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def _cut(font: pygame.font.Font, line: str, width: int) -> str:
    """The line shortened at a word (or, failing that, a letter) to end in "…"."""
    words = line.split(" ")
    while len(words) > 1 and font.size(" ".join(words) + "…")[0] > width:
        words.pop()
    line = " ".join(words)
    while line and font.size(line + "…")[0] > width:
        line = line[:-1]
    return line.rstrip(" ,.;:") + "…"


class TextRenderer:
    def __init__(self, fonts: Fonts):
        self.fonts = fonts
        self._cache: PictureCache[TextBlock] = PictureCache(
            CACHE_BYTES, lambda block: surface_bytes(block.surface))
        self.drawn: list[Drawn] = []
        self.floor = 0  # text never shrinks below this (projector mode)

    def fit(self, text: str, size: int, color: Color, box: tuple[int, int],
            bold: bool = False, align: str = "left", max_lines: int | None = None,
            ellipsis: bool = False) -> TextBlock:
        """Wrap ``text`` into ``box``, shrinking the font until it fits; with
        ``ellipsis`` keep the size and cut the text with "…" instead."""
        key = (text, size, color, box, bold, align, max_lines, ellipsis, self.floor)
        block = self._cache.get(key)
        if block is not None:
            return block
        block = self._cache.put(key, self._layout(text, size, color, box, bold, align,
                                                  max_lines, ellipsis))
        return block

    def _layout(self, text, size, color, box, bold, align, max_lines, ellipsis) -> TextBlock:
        width, height = box
        smallest = min(size, max(MIN_FONT, self.floor))

        def attempt(points):
            font = self.fonts.get(points, bold)
            lines = wrap(font, text, max(1, width))
            fits = len(lines) * font.get_linesize() <= height and (
                max_lines is None or len(lines) <= max_lines)
            return points, font, lines, fits

        size_now, font, lines, fits = attempt(size)
        if not fits and not ellipsis and size > smallest:
            # the largest whole size that fits, found by halving the range
            best, low, high = None, smallest, size - 1
            while low <= high:
                middle = (low + high) // 2
                trial = attempt(middle)
                if trial[3]:
                    best, low = trial, middle + 1
                else:
                    high = middle - 1
            size_now, font, lines, fits = best or attempt(smallest)
        line_height = font.get_linesize()
        overflow = not fits
        if overflow:
            keep = max(1, min(len(lines), height // line_height, max_lines or len(lines)))
            lines = lines[:keep]
            if ellipsis:
                lines[-1] = _cut(font, lines[-1], width)
                overflow = len(lines) * line_height > height
        rendered = [font.render(line, True, color) for line in lines]
        block_width = min(width, max((s.get_width() for s in rendered), default=0))
        surface = pygame.Surface((max(1, block_width), max(1, len(lines) * line_height)),
                                 pygame.SRCALPHA)
        for index, line in enumerate(rendered):
            if align == "center":
                x = (block_width - line.get_width()) // 2
            elif align == "right":
                x = block_width - line.get_width()
            else:
                x = 0
            surface.blit(line, (x, index * line_height))
        return TextBlock(surface, len(lines), size_now, overflow)

    def draw(self, target: pygame.Surface, text: str, size: int, color: Color,
             box: pygame.Rect, bold: bool = False, align: str = "left",
             valign: str = "top", max_lines: int | None = None,
             ellipsis: bool = False) -> pygame.Rect:
        """Fit ``text`` into ``box`` and blit it; returns the rect drawn."""
        block = self.fit(text, size, color, (box.width, box.height), bold, align, max_lines,
                         ellipsis)
        rect = block.surface.get_rect()
        if align == "center":
            rect.centerx = box.centerx
        elif align == "right":
            rect.right = box.right
        else:
            rect.left = box.left
        if valign == "middle":
            rect.centery = box.centery
        elif valign == "bottom":
            rect.bottom = box.bottom
        else:
            rect.top = box.top
        target.blit(block.surface, rect)
        self.drawn.append(Drawn(text, rect, pygame.Rect(box), block.overflow,
                                block.size / size if size else 1.0, block.size, tuple(color)))
        return rect

    def measure(self, text: str, size: int, width: int, bold: bool = False) -> int:
        """Height the text needs at ``size`` when wrapped to ``width``."""
        font = self.fonts.get(size, bold)
        return len(wrap(font, text, max(1, width))) * font.get_linesize()
