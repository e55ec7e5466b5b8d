"""One customer encounter as a state machine: the current card, choose, time out."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.content.model import (
    DEFAULT_TIMEOUT,
    SKILLS,
    Card,
    Choice,
    Effects,
    Encounter,
    Outcome,
)
from game.play.scoring import Skills, best_choice_index, clamp_mood
from game.play.timer import Timer


@dataclass(frozen=True)
class Decision:
    """What happened on one card: a choice, or the timer running out."""

    card: Card
    choice_index: int | None  # None when time ran out
    effects: Effects
    seconds: float  # card seconds spent before deciding
    mood_before: int
    mood_after: int
    repeat: bool = False  # the card was answered before: skill gains didn't count again
    skipped: bool = False  # a trainer skipped the card: nothing was scored

    @property
    def timed_out(self) -> bool:
        return self.choice_index is None and not self.skipped

    @property
    def choice(self) -> Choice | None:
        return None if self.choice_index is None else self.card.choices[self.choice_index]

    @property
    def best_index(self) -> int:
        return best_choice_index(self.card.choices)

    @property
    def feedback(self) -> str | None:
        """The author's explanation; None for a timeout the author left to the game."""
        if self.choice is not None:
            return self.choice.feedback or None
        return self.card.on_timeout.feedback if self.card.on_timeout else None


class EncounterRun:
    """Plays one encounter. Drive it with ``update(dt)``, ``choose(i)`` and
    ``timeout()``; read ``card``, ``skills``, ``mood`` and ``outcome``."""

    def __init__(self, encounter: Encounter, timer_speed: float = 1.0):
        self.encounter = encounter
        self.card = encounter.card(encounter.start)
        self.skills = Skills()
        self.mood = encounter.customer.mood
        self.decisions: list[Decision] = []
        self.outcome: Outcome | None = None
        self.walked_out = False
        self._answered: set[str] = set()  # cards answered by a choice
        self.timer = Timer(self._limit(self.card), speed=timer_speed)
        if self.card.is_end:  # an encounter may start on its ending: nothing to decide
            self.outcome = self.card.end

    def set_timer_speed(self, speed: float) -> None:
        """A new timer setting, from this card on (0: no time limit)."""
        self.timer.speed = speed

    def _limit(self, card: Card) -> float:
        return card.time_limit or self.encounter.time_limit

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    def update(self, dt: float) -> Decision | None:
        """Advance the card's timer; returns the timeout's Decision if time ran out."""
        if self.finished:
            return None
        if self.timer.update(dt):
            return self.timeout()
        return None

    def choose(self, index: int) -> Decision:
        if self.finished:
            raise RuntimeError("the encounter is over")
        if not 0 <= index < len(self.card.choices):
            raise IndexError(f"card '{self.card.id}' has no choice {index + 1}")
        choice = self.card.choices[index]
        effects = choice.effects
        repeat = self.card.id in self._answered
        if repeat:  # a loop back to a card can't be played again for points
            effects = replace(effects, **{s: min(0, effects.skill(s)) for s in SKILLS})
        self._answered.add(self.card.id)
        return self._apply(index, effects, choice.next, repeat)

    def timeout(self) -> Decision:
        """Time ran out: follow the card's on_timeout, or by default the customer
        loses patience a little and asks again (same card, timer restarted)."""
        if self.finished:
            raise RuntimeError("the encounter is over")
        rule = self.card.on_timeout
        effects = rule.effects if rule else DEFAULT_TIMEOUT
        target = rule.next if rule and rule.next else self.card.id
        return self._apply(None, effects, target)

    def skip(self) -> Decision:
        """A trainer moves the dialogue on: the customer goes on as after the
        best answer, and nothing is scored (no skill points, no mood)."""
        if self.finished:
            raise RuntimeError("the encounter is over")
        best = self.card.choices[best_choice_index(self.card.choices)]
        decision = replace(self._apply(None, Effects(), best.next), skipped=True)
        self.decisions[-1] = decision
        return decision

    def _apply(self, index: int | None, effects: Effects, target: str,
               repeat: bool = False) -> Decision:
        before = self.mood
        self.skills.add(effects)
        self.mood = clamp_mood(self.mood + effects.mood)
        decision = Decision(self.card, index, effects, self.timer.elapsed, before, self.mood,
                            repeat)
        self.decisions.append(decision)
        self.card = self.encounter.card(target)
        if self.card.is_end:
            self.outcome = self.card.end
        elif self.mood <= 0:
            self.outcome = Outcome.FAIL
            self.walked_out = True
        else:
            self.timer.restart(self._limit(self.card))
        return decision
