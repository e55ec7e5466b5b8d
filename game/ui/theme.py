"""Colours and sizes. Every size derives from the window and the text scale,
so the same layout fits a 1280x720 laptop and a 1920x1080 projector."""

from __future__ import annotations

Color = tuple[int, int, int]

TEXT_SCALES = (0.85, 1.0, 1.15, 1.3, 1.5)
DEFAULT_TEXT_SCALE_INDEX = 1


class Palette:
    """The colours; ``Palette(ink=...)`` overrides some. A plain class: a
    dataclass of thirty fields costs the first frame a millisecond to build."""

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

    def __init__(self, **colors: Color):
        for name, value in colors.items():
            if not hasattr(Palette, name):
                raise TypeError(f"Palette has no colour {name!r}")
            setattr(self, name, value)


# Text at least 7:1 against whatever it is drawn on (WCAG 1.4.6, level AAA):
# near-black on white, and dark, saturated colours where colour carries meaning.
HIGH_CONTRAST = Palette(
    background=(255, 255, 255), backdrop=(236, 236, 236), panel=(255, 255, 255),
    panel_edge=(0, 0, 0), ink=(0, 0, 0), muted=(45, 45, 45), accent=(0, 50, 110),
    accent_ink=(255, 255, 255), focus=(200, 90, 0), hover=(228, 238, 255),
    good=(0, 90, 30), poor=(150, 0, 0), neutral=(60, 60, 60), timer_ok=(0, 90, 30),
    timer_warn=(105, 65, 0), timer_low=(150, 0, 0), track=(190, 190, 190),
    shade=(0, 0, 0, 200), route=(120, 60, 20), locked=(90, 90, 90), star=(200, 120, 0),
    attention=(0, 70, 170), problem_solving=(100, 30, 140), partnership=(0, 100, 90),
    mood=(170, 70, 0), bubble=(255, 255, 255))


def contrast_ratio(one: Color, other: Color) -> float:
    """WCAG contrast ratio of two sRGB colours, from 1 to 21."""
    def luminance(color: Color) -> float:
        channels = []
        for value in color[:3]:
            c = value / 255
            channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class Metrics:
    """Sizes in pixels for one window size and text scale."""

    __slots__ = ("width", "height", "text_scale", "floor")

    def __init__(self, width: int, height: int, text_scale: float, floor: int = 0):
        self.width = width
        self.height = height
        self.text_scale = text_scale
        self.floor = floor  # no text smaller than this (projector mode: 1/28 of the height)

    @property
    def unit(self) -> float:
        """One 'point' of the 1280x720 design, scaled to this window."""
        return min(self.width / 1280, self.height / 720)

    def font(self, points: float) -> int:
        return max(10, self.floor, round(points * self.unit * self.text_scale))

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
