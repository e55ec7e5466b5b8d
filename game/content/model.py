"""The level model: what a stage file describes, as frozen dataclasses.

Nothing here knows about YAML, pygame or translation. Every player-facing
string is the English source text; the UI translates it with the string's
``context`` (its id path), which is also its msgctxt in the catalogs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

SKILLS = ("attention", "problem_solving", "partnership")
SKILL_RANGE = (-3, 3)
MOOD_RANGE = (-50, 50)
CHANNELS = ("shop", "phone", "email", "chat")
OUTCOMES = ("success", "partial", "fail")
LOOKS = range(0, 8)


class Outcome(StrEnum):
    SUCCESS = "success"
    PARTIAL = "partial"
    FAIL = "fail"


@dataclass(frozen=True)
class Effects:
    """What a choice does to the three skills and to the customer's mood."""

    attention: int = 0
    problem_solving: int = 0
    partnership: int = 0
    mood: int = 0

    @property
    def skill_total(self) -> int:
        return self.attention + self.problem_solving + self.partnership

    def skill(self, name: str) -> int:
        return getattr(self, name)

    def is_empty(self) -> bool:
        return self == Effects()


# A timeout with no rule of its own: the customer waits and loses a little patience.
DEFAULT_TIMEOUT = Effects(attention=-1, mood=-5)


@dataclass(frozen=True)
class Choice:
    text: str
    effects: Effects
    feedback: str
    next: str
    line: int = field(default=0, compare=False)


def best_choice_index(choices) -> int:
    """The choice a trainer would call best: most skill points, then mood,
    then the first listed."""
    return max(range(len(choices)),
               key=lambda i: (choices[i].effects.skill_total, choices[i].effects.mood, -i))


@dataclass(frozen=True)
class Timeout:
    """What happens when a card's timer runs out."""

    next: str | None  # None: the customer repeats the question (same card)
    effects: Effects
    feedback: str | None  # None: the game's own default explanation
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Card:
    id: str
    path: str  # "stage/encounter/card": where it is, and its msgctxt
    say: str
    narration: str | None = None
    choices: tuple[Choice, ...] = ()
    end: Outcome | None = None
    time_limit: float | None = None
    on_timeout: Timeout | None = None
    line: int = field(default=0, compare=False)

    @property
    def is_end(self) -> bool:
        return self.end is not None


@dataclass(frozen=True)
class Customer:
    name: str
    look: int
    mood: int
    age: int | None = None


@dataclass(frozen=True)
class Encounter:
    id: str
    path: str  # "stage/encounter"
    title: str
    principles: tuple[str, ...]
    channel: str
    customer: Customer
    time_limit: float
    start: str
    cards: dict[str, Card] = field(hash=False, compare=False)
    line: int = field(default=0, compare=False)

    def card(self, card_id: str) -> Card:
        return self.cards[card_id]


@dataclass(frozen=True)
class Stage:
    id: str
    order: int
    title: str
    summary: str
    encounters: tuple[Encounter, ...]
    source: str = ""  # file the stage came from
    time_limit: float = 30.0
    principles: tuple[str, ...] = ()  # what the stage says it teaches (optional)
    line: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a level file, located as precisely as we can."""

    file: str
    line: int | None
    path: str | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        message = f"warning: {self.message}" if self.warning else self.message
        what = message if not self.path else f"{self.path}: {message}"
        return one_line(f"{where}: {what}")


def one_line(text: str) -> str:
    """The text with line breaks and other control characters written as
    escapes (a key that is a newline, say): a problem is always one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
