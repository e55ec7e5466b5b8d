"""The drawn customer: exact sizes, real transparency, visibly different looks
and moods, and pictures drawn once then reused."""

import pytest

pygame = pytest.importorskip("pygame")

from game.content.model import LOOKS as LEVEL_LOOKS  # noqa: E402
from game.ui.character import CharacterArt  # noqa: E402
from game.ui.character_looks import LOOKS  # noqa: E402

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


def test_there_are_eight_looks_and_levels_may_use_each(art):
    assert len(LOOKS) == 8
    assert list(LEVEL_LOOKS) == list(range(len(LOOKS)))


def test_four_men_and_four_women():
    women = [look for look in LOOKS if look.lashes]
    men = [look for look in LOOKS if not look.lashes]
    assert len(women) == 4 and len(men) == 4
    assert not any(look.beard or look.moustache for look in women)
    assert not any(look.earrings or look.pearls for look in men)


def test_most_looks_are_fair_or_light_skinned():
    light = [look for look in LOOKS if sum(look.skin) > 560]
    assert len(light) == 7


def test_eight_looks_are_all_different(art):
    for mood in (10, 50, 90):
        figures = {pixels(art.figure(look, mood, (220, 280))) for look in range(8)}
        phones = {pixels(art.figure(look, mood, (160, 200), "phone")) for look in range(8)}
        avatars = {pixels(art.avatar(look, mood, 96)) for look in range(8)}
        assert len(figures) == len(phones) == len(avatars) == 8


def test_looks_differ_at_a_glance(art):
    """Even shrunk to a thumbnail, no two looks come out nearly the same."""
    thumbs = [pygame.transform.smoothscale(art.figure(look, 50, (160, 200)), (16, 20))
              for look in range(8)]
    for a in range(8):
        for b in range(a + 1, 8):
            pa, pb = pixels(thumbs[a]), pixels(thumbs[b])
            diff = sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)
            assert diff > 8, (a, b, diff)


def test_each_mood_bucket_changes_the_face(art):
    for look in range(8):
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


def test_cache_stays_within_its_budget_in_bytes(art):
    from game.ui.character import CACHE_BYTES

    for width in range(300, 300 + 70):  # ~25 MB of pictures asked for
        art.avatar(0, 50, width)
    assert art._cache.used <= CACHE_BYTES
    again = art.avatar(0, 50, 369)  # the latest is kept
    assert again is art.avatar(0, 50, 369)


def test_phone_figure_differs_from_shop_figure(art):
    for look in (5, 7):
        for mood in MOODS:
            shop = art.figure(look, mood, (220, 280), "shop")
            phone = art.figure(look, mood, (220, 280), "phone")
            assert pixels(shop) != pixels(phone)


def test_out_of_range_look_wraps_and_mood_clamps(art):
    assert pixels(art.figure(9, 50, (160, 200))) == pixels(art.figure(1, 50, (160, 200)))
    assert pixels(art.figure(-1, 50, (160, 200))) == pixels(art.figure(7, 50, (160, 200)))
    assert pixels(art.avatar(8, 50, 48)) == pixels(art.avatar(0, 50, 48))
    assert pixels(art.figure(2, -40, (160, 200))) == pixels(art.figure(2, 0, (160, 200)))
    assert pixels(art.avatar(2, 250, 48)) == pixels(art.avatar(2, 100, 48))


def test_tiny_and_odd_sizes_do_not_crash(art):
    assert art.figure(0, 50, (1, 1)).get_size() == (1, 1)
    assert art.figure(0, 50, (30, 600), "phone").get_size() == (30, 600)
    assert art.avatar(0, 50, 1).get_size() == (1, 1)
