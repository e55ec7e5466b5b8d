"""Colours and sizes. Every size derives from the window and the text scale,
so the same layout fits a 1280x720 laptop and a 1920x1080 projector."""

from __future__ import annotations

from dataclasses import dataclass

Color = tuple[int, int, int]

TEXT_SCALES = (0.85, 1.0, 1.15, 1.3, 1.5)
DEFAULT_TEXT_SCALE_INDEX = 1


@dataclass(frozen=True)
class Palette:
    background: Color = (244, 241, 234)
    backdrop: Color = (226, 232, 236)
    panel: Color = (255, 255, 255)
    panel_edge: Color = (208, 212, 218)
    ink: Color = (30, 36, 48)
    muted: Color = (92, 100, 114)
    accent: Color = (22, 110, 150)
    accent_ink: Color = (255, 255, 255)
    focus: Color = (242, 170, 40)
    hover: Color = (232, 243, 249)
    good: Color = (36, 130, 72)
    poor: Color = (190, 52, 46)
    neutral: Color = (120, 128, 140)
    timer_ok: Color = (46, 150, 90)
    timer_warn: Color = (226, 160, 30)
    timer_low: Color = (205, 58, 48)
    track: Color = (218, 222, 228)
    shade: tuple[int, int, int, int] = (20, 26, 36, 170)
    route: Color = (196, 120, 80)
    locked: Color = (170, 174, 182)
    star: Color = (240, 178, 30)
    attention: Color = (60, 120, 200)
    problem_solving: Color = (150, 90, 190)
    partnership: Color = (30, 150, 140)
    mood: Color = (226, 120, 60)
    bubble: Color = (255, 253, 246)


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels for one window size and text scale."""

    width: int
    height: int
    text_scale: float

    @property
    def unit(self) -> float:
        """One 'point' of the 1280x720 design, scaled to this window."""
        return min(self.width / 1280, self.height / 720)

    def font(self, points: float) -> int:
        return max(10, round(points * self.unit * self.text_scale))

    def px(self, points: float) -> int:
        return max(1, round(points * self.unit))

    @property
    def margin(self) -> int:
        return self.px(24)

    @property
    def gap(self) -> int:
        return self.px(12)

    @property
    def radius(self) -> int:
        return self.px(12)


# Text sizes in 1280x720 points.
SMALL, BODY, LARGE, TITLE, HUGE = 17, 21, 27, 38, 60
