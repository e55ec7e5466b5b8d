"""The customers' looks: skin, hair, clothes and accessories of each drawn
character. A level picks one by number (``customer: {look: N}``); keep this
table in step with ``LOOKS`` in ``game.content.model`` and the list of looks in
docs/authoring.md."""

from __future__ import annotations

from dataclasses import dataclass

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Look:
    skin: Color
    hair: Color
    brow: Color
    hair_style: str  # short, side, curls, straight, long, bald, bun, perm
    top: Color
    neckline: str  # crew, v, collar, cardigan, hoodie, tie
    under: Color = (236, 238, 242)  # shirt under a cardigan; the tie
    glasses: bool = False
    beard: bool = False
    moustache: bool = False
    earrings: str = ""  # hoop, stud
    scarf: Color | None = None
    lashes: bool = False  # a flick of lashes and tinted lips
    lines: int = 0  # age: 1 smile lines, 2 also crow's feet and forehead lines
    pearls: bool = False  # a pearl necklace


LOOKS: tuple[Look, ...] = (
    # 0 Man around thirty: fair skin, short brown hair, trimmed beard, teal sweater.
    Look(skin=(242, 204, 176), hair=(104, 70, 44), brow=(84, 56, 36), hair_style="short",
         top=(34, 138, 140), neckline="crew", beard=True),
    # 1 Young woman: fair skin, long straight blonde hair, mustard top, small hoops.
    Look(skin=(248, 218, 198), hair=(240, 212, 140), brow=(172, 132, 80),
         hair_style="straight", top=(214, 150, 30), neckline="v", earrings="hoop",
         lashes=True),
    # 2 Woman in her thirties: fair skin, long auburn hair, navy top, coral scarf.
    Look(skin=(247, 214, 190), hair=(156, 70, 38), brow=(118, 56, 34), hair_style="long",
         top=(48, 64, 112), neckline="crew", scarf=(236, 112, 92), lashes=True),
    # 3 Older man: light skin, bald with grey sides, grey moustache, glasses, cardigan.
    Look(skin=(236, 194, 162), hair=(200, 200, 204), brow=(128, 126, 132), hair_style="bald",
         top=(140, 98, 66), neckline="cardigan", under=(190, 214, 236), glasses=True,
         moustache=True, lines=2),
    # 4 Woman around fifty: light skin, salt-and-pepper bun, burgundy blouse, pearl studs.
    Look(skin=(240, 204, 176), hair=(104, 100, 106), brow=(80, 74, 78), hair_style="bun",
         top=(150, 48, 72), neckline="collar", earrings="stud", lashes=True, lines=1),
    # 5 Young man: medium-brown skin, short black curls, grey hoodie.
    Look(skin=(174, 120, 84), hair=(32, 26, 26), brow=(30, 22, 20), hair_style="curls",
         top=(128, 134, 144), neckline="hoodie"),
    # 6 Older woman: fair skin, short curly white hair, glasses, lilac cardigan.
    Look(skin=(246, 214, 196), hair=(232, 232, 236), brow=(156, 150, 156), hair_style="perm",
         top=(172, 142, 200), neckline="cardigan", under=(250, 248, 244), glasses=True,
         earrings="stud", lashes=True, lines=2, pearls=True),
    # 7 Man in his forties: light skin, short dark-blond side-parted hair, shirt and tie.
    Look(skin=(236, 198, 168), hair=(150, 116, 70), brow=(116, 88, 56), hair_style="side",
         top=(244, 246, 250), neckline="tie", under=(40, 50, 84), lines=1),
)
