"""A profile's progress: best result per stage and every attempt, decision by
decision, as plain data that round-trips through JSON.

Version history of the saved document:

- 1: ``{"version": 1, "finished": {stage_id: {"stars": n, "skills": {...}}}}``,
  best results only.
- 2: ``{"version": 2, "stages": {...}, "attempts": [...]}``: the best results
  under ``stages`` and every attempt with its decisions, for the review
  screen and the growth chart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

VERSION = 2
MAX_ATTEMPTS = 500  # the oldest go first; the best results are kept apart


@dataclass(frozen=True)
class DecisionRecord:
    encounter: str
    card: str
    choice: int | None  # None: the time ran out
    best: int  # the index of the best choice on that card
    seconds: float
    effects: dict[str, int]  # the three skills and mood

    def to_json(self) -> dict:
        return {"encounter": self.encounter, "card": self.card, "choice": self.choice,
                "best": self.best, "seconds": round(self.seconds, 1),
                "effects": dict(self.effects)}

    @classmethod
    def from_json(cls, data: dict) -> DecisionRecord:
        choice = data.get("choice")
        return cls(str(data["encounter"]), str(data["card"]),
                   None if choice is None else int(choice), int(data.get("best", 0)),
                   float(data.get("seconds", 0.0)), _numbers(data.get("effects", {})))


@dataclass(frozen=True)
class Attempt:
    stage: str
    when: float  # seconds since the epoch, when the stage was finished
    stars: int
    skills: dict[str, int]
    outcomes: dict[str, str]  # encounter id -> success, partial, fail
    decisions: tuple[DecisionRecord, ...] = ()

    def to_json(self) -> dict:
        return {"stage": self.stage, "when": round(self.when), "stars": self.stars,
                "skills": dict(self.skills), "outcomes": dict(self.outcomes),
                "decisions": [decision.to_json() for decision in self.decisions]}

    @classmethod
    def from_json(cls, data: dict) -> Attempt:
        return cls(str(data["stage"]), float(data.get("when", 0)), int(data.get("stars", 0)),
                   _numbers(data.get("skills", {})),
                   {str(k): str(v) for k, v in dict(data.get("outcomes", {})).items()},
                   tuple(DecisionRecord.from_json(d) for d in data.get("decisions", [])))


@dataclass(frozen=True)
class StageBest:
    stars: int
    skills: dict[str, int]

    @property
    def total(self) -> int:
        from game.content.model import SKILLS  # not at import: progress is read before the title

        return sum(self.skills.get(name, 0) for name in SKILLS)


@dataclass
class Progress:
    stages: dict[str, StageBest] = field(default_factory=dict)  # finished stages
    attempts: list[Attempt] = field(default_factory=list)  # oldest first

    @property
    def finished(self) -> set[str]:
        return set(self.stages)

    def add(self, attempt: Attempt) -> None:
        """Record a finished stage: kept as an attempt, and as the stage's best
        if it earns more stars (or as many stars and more points)."""
        self.attempts.append(attempt)
        del self.attempts[:-MAX_ATTEMPTS]
        best = self.stages.get(attempt.stage)
        new = StageBest(attempt.stars, dict(attempt.skills))
        if best is None or (new.stars, new.total) > (best.stars, best.total):
            self.stages[attempt.stage] = new

    def last_attempt(self, stage_id: str) -> Attempt | None:
        return next((a for a in reversed(self.attempts) if a.stage == stage_id), None)

    def to_json(self) -> dict:
        return {"version": VERSION,
                "stages": {sid: {"stars": b.stars, "skills": dict(b.skills)}
                           for sid, b in self.stages.items()},
                "attempts": [attempt.to_json() for attempt in self.attempts]}

    @classmethod
    def from_json(cls, data: dict) -> Progress:
        """Raises ValueError, KeyError or TypeError on a malformed document."""
        stages = {str(sid): StageBest(int(b["stars"]), _numbers(b.get("skills", {})))
                  for sid, b in dict(data.get("stages", {})).items()}
        attempts = [Attempt.from_json(a) for a in list(data.get("attempts", []))]
        return cls(stages, attempts[-MAX_ATTEMPTS:])


def upgrade_1(data: dict) -> dict:
    """Version 1 kept only each finished stage's best result."""
    return {"version": 2, "stages": dict(data.get("finished", {})), "attempts": []}


UPGRADES = {1: upgrade_1}


def _numbers(data) -> dict[str, int]:
    return {str(key): int(value) for key, value in dict(data).items()}


def attempt_of(run, when: float) -> Attempt:
    """The record of a finished :class:`game.play.stage.StageRun`."""
    from game.content.model import SKILLS, best_choice_index

    decisions = []
    for result in run.results:
        for decision in result.decisions:
            effects = decision.effects
            decisions.append(DecisionRecord(
                result.encounter_id, decision.card.id, decision.choice_index,
                best_choice_index(decision.card.choices), decision.seconds,
                {**{name: effects.skill(name) for name in SKILLS}, "mood": effects.mood}))
    return Attempt(run.stage.id, when, run.stars, run.skills.as_dict(),
                   {result.encounter_id: str(result.outcome) for result in run.results},
                   tuple(decisions))
