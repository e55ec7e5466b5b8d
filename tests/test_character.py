"""The drawn customer: exact sizes, real transparency, visibly different looks
and moods, and pictures drawn once then reused."""

import pytest

pygame = pytest.importorskip("pygame")

from game.ui.character import CharacterArt  # noqa: E402

MOODS = (5, 30, 50, 70, 95)  # one per bucket: furious, upset, neutral, content, delighted


def pixels(surface: "pygame.Surface") -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def alphas(surface: "pygame.Surface") -> set[int]:
    return set(pixels(surface)[3::4])


@pytest.fixture
def art() -> CharacterArt:
    return CharacterArt()


@pytest.mark.parametrize("size", [(160, 200), (220, 280), (700, 900), (400, 300)])
def test_figure_has_requested_size_and_is_cut_out(art, size):
    for channel in ("shop", "phone", "email", "chat"):
        surface = art.figure(2, 50, size, channel)
        assert surface.get_size() == size
        assert surface.get_flags() & pygame.SRCALPHA
        seen = alphas(surface)
        assert 0 in seen and 255 in seen


@pytest.mark.parametrize("diameter", [32, 64, 180])
def test_avatar_is_round_on_a_transparent_square(art, diameter):
    surface = art.avatar(4, 70, diameter)
    assert surface.get_size() == (diameter, diameter)
    assert surface.get_at((0, 0)).a == 0
    assert surface.get_at((diameter - 1, diameter - 1)).a == 0
    assert surface.get_at((diameter // 2, diameter // 2)).a == 255


def test_six_looks_are_all_different(art):
    for mood in (10, 50, 90):
        figures = {pixels(art.figure(look, mood, (220, 280))) for look in range(6)}
        avatars = {pixels(art.avatar(look, mood, 96)) for look in range(6)}
        assert len(figures) == 6 and len(avatars) == 6


def test_each_mood_bucket_changes_the_face(art):
    for look in range(6):
        faces = set()
        for mood in MOODS:
            figure = art.figure(look, mood, (220, 280))
            faces.add(pixels(figure.subsurface((55, 30, 110, 110))))
        assert len(faces) == 5
        assert len({pixels(art.avatar(look, mood, 96)) for mood in MOODS}) == 5


def test_moods_within_a_bucket_share_one_picture(art):
    assert art.figure(1, 0, (160, 200)) is art.figure(1, 19, (160, 200))
    assert art.figure(1, 80, (160, 200)) is art.figure(1, 100, (160, 200))
    assert art.figure(1, 19, (160, 200)) is not art.figure(1, 20, (160, 200))


def test_same_call_returns_the_cached_surface(art):
    assert art.figure(0, 50, (200, 250)) is art.figure(0, 50, (200, 250))
    assert art.figure(0, 50, (200, 250), "phone") is art.figure(0, 50, (200, 250), "phone")
    assert art.avatar(3, 90, 64) is art.avatar(3, 90, 64)


def test_cache_stays_bounded(art):
    for width in range(40, 40 + 70):
        art.avatar(0, 50, width)
    assert len(art._cache) <= 64
    again = art.avatar(0, 50, 109)
    assert again is art.avatar(0, 50, 109)


def test_phone_figure_differs_from_shop_figure(art):
    for mood in MOODS:
        shop = art.figure(5, mood, (220, 280), "shop")
        phone = art.figure(5, mood, (220, 280), "phone")
        assert pixels(shop) != pixels(phone)


def test_out_of_range_look_wraps_and_mood_clamps(art):
    assert pixels(art.figure(7, 50, (160, 200))) == pixels(art.figure(1, 50, (160, 200)))
    assert pixels(art.figure(-1, 50, (160, 200))) == pixels(art.figure(5, 50, (160, 200)))
    assert pixels(art.figure(2, -40, (160, 200))) == pixels(art.figure(2, 0, (160, 200)))
    assert pixels(art.avatar(2, 250, 48)) == pixels(art.avatar(2, 100, 48))


def test_tiny_and_odd_sizes_do_not_crash(art):
    assert art.figure(0, 50, (1, 1)).get_size() == (1, 1)
    assert art.figure(0, 50, (30, 600), "phone").get_size() == (30, 600)
    assert art.avatar(0, 50, 1).get_size() == (1, 1)
