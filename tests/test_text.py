"""Text layout: wrapping, shrinking to fit, and cutting with an ellipsis."""

import pygame
import pytest

from game.paths import Paths
from game.ui.text import Fonts, TextRenderer, wrap


@pytest.fixture
def renderer():
    pygame.font.init()
    yield TextRenderer(Fonts(Paths.of_install().fonts))
    pygame.font.quit()


def test_wrapping_keeps_every_line_inside_the_width(renderer):
    font = renderer.fonts.get(20)
    text = "Sveiki! Vai varat man palīdzēt atrast dāvanu tēvam? " * 4 + "Ļoti-garš-vārds" * 8
    lines = wrap(font, text, 300)
    assert all(font.size(line)[0] <= 300 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_a_hyphenated_word_too_long_for_its_line_breaks_after_the_hyphen(renderer):
    font = renderer.fonts.get(20)
    width = font.size("Problem-solvi")[0]  # "Problem-solving" does not fit
    assert wrap(font, "Problem-solving", width) == ["Problem-", "solving"]
    assert wrap(font, "Problemsolving", width)[0] == "Problemsolvi"  # no hyphen: letters


def test_shrinking_text_keeps_the_largest_size_that_fits(renderer):
    text = "A customer explains a long story about a parcel. " * 3
    block = renderer.fit(text, 30, (0, 0, 0), (400, 200))
    assert not block.overflow
    one_larger = renderer.fonts.get(block.size + 1)
    assert len(wrap(one_larger, text, 400)) * one_larger.get_linesize() > 200


def test_text_that_does_not_fit_shrinks(renderer):
    long = "A customer explains a long story about a parcel. " * 6
    block = renderer.fit(long, 30, (0, 0, 0), (400, 120))
    assert block.size < 30 and not block.overflow
    assert block.surface.get_height() <= 120


def test_ellipsis_keeps_the_size_and_cuts_to_one_line(renderer):
    long = "You: I'll let you know. You'll get an email within five working days, promise."
    block = renderer.fit(long, 24, (0, 0, 0), (300, 40), max_lines=1, ellipsis=True)
    assert block.size == 24 and block.lines == 1 and not block.overflow
    assert block.surface.get_width() <= 300
    short = renderer.fit("You: Fine.", 24, (0, 0, 0), (300, 40), max_lines=1, ellipsis=True)
    assert short.surface.get_width() < block.surface.get_width()


def test_the_text_cache_keeps_to_its_budget_and_the_latest_stays(renderer):
    from game.ui.text import CACHE_BYTES

    long = "A customer explains a long story about a parcel that went astray. " * 8
    for number in range(400):  # far more than the budget holds
        renderer.fit(f"{number} {long}", 30, (0, 0, 0), (900, 900))
    assert renderer._cache.used <= CACHE_BYTES
    latest = renderer.fit(f"399 {long}", 30, (0, 0, 0), (900, 900))
    assert renderer.fit(f"399 {long}", 30, (0, 0, 0), (900, 900)) is latest
