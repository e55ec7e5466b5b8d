"""Every way through an encounter, with what each earns: for authors.

A *path* is the list of (card, choice) a player makes from the encounter's
start until the encounter ends, choosing answers only (no timeouts: time is
the player's to spend) and never coming back to a card already on the path,
so a loop in the dialogue is walked at most once and the paths are finite.
The encounter ends, as in :class:`game.play.encounter.EncounterRun`, either

- on an ending card, with its outcome; or
- when the customer's mood (starting at ``customer.mood``, each choice adding
  its ``mood`` effect, kept within 0–100) is 0 on a card that is not an
  ending: the customer walks out, and the encounter is a ``fail``. The path
  stops there, with the points earned so far.

A choice leading back to a card already on the path is not taken; a path
with no other way on is not an ending and is not counted.

**The maximum.** The game gives stars against
:func:`game.play.scoring.max_skill_total`, the best total over paths that
reach an ending *in the graph*, ignoring mood. :attr:`StagePaths.max_total`
is the best over the paths a player can really play, walk-outs included. The
two agree unless some path walks out:

- the game's best path may walk out before its ending (mood reaches 0 on the
  way), so nobody can earn it: the real maximum is lower;
- a path may earn more before the customer walks out than any complete path
  earns (the answers after it all cost points): the real maximum is higher.

``python main.py paths`` reports the walk-out-aware number and says when the
game's differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.content.model import SKILLS, Effects, Encounter, Outcome, Stage
from game.play.scoring import clamp_mood, max_skill_total

MAX_PATHS = 10_000  # per encounter; past it the walk stops and says so


@dataclass(frozen=True)
class Step:
    card: str
    choice: int  # index into the card's choices, from 0

    @property
    def number(self) -> int:
        """The choice as the player counts it, from 1."""
        return self.choice + 1


@dataclass(frozen=True)
class Path:
    steps: tuple[Step, ...]
    last_card: str  # the ending card, or the card the customer walked out on
    attention: int
    problem_solving: int
    partnership: int
    mood: int
    outcome: Outcome
    walked_out: bool = False

    @property
    def total(self) -> int:
        return self.attention + self.problem_solving + self.partnership

    @property
    def numbers(self) -> tuple[int, ...]:
        """The choice numbers (from 1), card by card."""
        return tuple(step.number for step in self.steps)

    @property
    def skills(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in SKILLS}

    def rank(self) -> tuple[int, int]:
        """Better paths rank higher: total skill, then mood."""
        return self.total, self.mood


@dataclass(frozen=True)
class Loop:
    """Choices that lead back to a card already on the path and earn skill
    points on the way. In play a card's skill points count once per encounter,
    so going round again changes only the mood; paths never repeat a card."""

    steps: tuple[Step, ...]  # from the card returned to, round to it again
    gain: Effects


@dataclass(frozen=True)
class EncounterPaths:
    encounter: Encounter
    paths: tuple[Path, ...]
    truncated: bool  # stopped at the limit: more paths exist
    loops: tuple[Loop, ...] = ()
    off_path: tuple[str, ...] = ()  # cards no path visits
    game_best: int | None = field(default=None)  # max_skill_total; None if truncated

    @property
    def best(self) -> Path | None:
        """Most skill points, then highest mood; the first such path."""
        return max(self.paths, key=Path.rank, default=None)

    @property
    def worst(self) -> Path | None:
        """Fewest skill points, then lowest mood; the first such path."""
        return min(self.paths, key=Path.rank, default=None)

    @property
    def best_total(self) -> int:
        return self.best.total if self.best else 0

    @property
    def walk_outs(self) -> int:
        return sum(path.walked_out for path in self.paths)


@dataclass(frozen=True)
class StagePaths:
    stage: Stage
    encounters: tuple[EncounterPaths, ...]

    @property
    def max_total(self) -> int:
        """The best score a player can reach: each encounter's best path,
        walk-outs taken into account."""
        return sum(walk.best_total for walk in self.encounters)

    @property
    def game_max(self) -> int | None:
        """The game's maximum (:func:`game.play.scoring.max_stage_total`);
        None if some encounter has too many paths to work it out."""
        bests = [walk.game_best for walk in self.encounters]
        return None if None in bests else sum(bests)

    @property
    def truncated(self) -> bool:
        return any(walk.truncated for walk in self.encounters)


def encounter_paths(encounter: Encounter, limit: int = MAX_PATHS) -> EncounterPaths:
    """Every path through ``encounter``, in choice order, at most ``limit``."""
    cards = encounter.cards
    paths: list[Path] = []
    loops: dict[tuple[Step, ...], Loop] = {}
    visited_cards: set[str] = set()
    mood = encounter.customer.mood
    zero = (0,) * len(SKILLS)
    truncated = False

    start = cards[encounter.start]
    if start.is_end:
        paths.append(Path((), start.id, *zero, mood, start.end))
        visited_cards.add(start.id)
    # Depth-first, without recursion (a long chain of cards is fine): each
    # frame is a card on the path and the next choice to try there.
    trail: list[str] = [start.id]  # cards on the current path
    chosen: list[int] = []  # the choice taken on each card but the last
    running: list[tuple[tuple[int, ...], int]] = [(zero, mood)]  # skills, mood on arrival
    next_choice: list[int] = [0]
    on_trail = {start.id}
    while trail and not start.is_end:
        card = cards[trail[-1]]
        index = next_choice[-1]
        if index >= len(card.choices):  # done with this card: step back
            on_trail.discard(trail.pop())
            next_choice.pop()
            running.pop()
            if chosen:
                chosen.pop()
            continue
        next_choice[-1] += 1
        choice = card.choices[index]
        skills, mood = running[-1]
        if choice.next in on_trail:
            _note_loop(loops, cards, trail, chosen + [index], choice.next)
            continue
        skills = tuple(total + choice.effects.skill(name)
                       for total, name in zip(skills, SKILLS, strict=True))
        mood = clamp_mood(mood + choice.effects.mood)
        target = cards[choice.next]
        if target.is_end or mood <= 0:
            if len(paths) >= limit:
                truncated = True
                break
            steps = tuple(Step(card_id, taken)
                          for card_id, taken in zip(trail, chosen + [index], strict=True))
            walked_out = not target.is_end
            paths.append(Path(steps, target.id, *skills, mood,
                              Outcome.FAIL if walked_out else target.end, walked_out))
            visited_cards.update(trail)
            visited_cards.add(target.id)
            continue
        trail.append(target.id)
        chosen.append(index)
        running.append((skills, mood))
        next_choice.append(0)
        on_trail.add(target.id)

    off_path = () if truncated else tuple(c for c in cards if c not in visited_cards)
    return EncounterPaths(encounter, tuple(paths), truncated, tuple(loops.values()), off_path,
                          None if truncated else max_skill_total(encounter))


def _note_loop(loops: dict[tuple[Step, ...], Loop], cards, trail: list[str],
               taken: list[int], back_to: str) -> None:
    """Record the loop from ``back_to`` round to it again if it earns points."""
    begin = trail.index(back_to)
    gain = {name: 0 for name in (*SKILLS, "mood")}
    for card_id, index in zip(trail[begin:], taken[begin:], strict=True):
        effects = cards[card_id].choices[index].effects
        for name in gain:
            gain[name] += effects.skill(name)
    effects = Effects(**gain)
    if effects.skill_total <= 0:
        return
    steps = tuple(Step(card_id, index)
                  for card_id, index in zip(trail[begin:], taken[begin:], strict=True))
    # the same loop entered at another of its cards is the same loop
    turn = steps.index(min(steps, key=lambda step: step.card))
    key = steps[turn:] + steps[:turn]
    if key not in loops:
        loops[key] = Loop(steps, effects)


def stage_paths(stage: Stage, limit: int = MAX_PATHS) -> StagePaths:
    return StagePaths(stage, tuple(encounter_paths(e, limit) for e in stage.encounters))
