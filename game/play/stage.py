"""A stage run: its encounters one after another, totals and stars."""

from __future__ import annotations

from dataclasses import dataclass

from game.content.model import Outcome, Stage
from game.play.encounter import Decision, EncounterRun
from game.play.scoring import Skills, max_skill_total, stars_for


@dataclass(frozen=True)
class EncounterResult:
    encounter_id: str
    title: str
    skills: dict[str, int]
    best_total: int
    mood: int
    outcome: Outcome
    walked_out: bool
    decisions: tuple[Decision, ...]


class StageRun:
    def __init__(self, stage: Stage, timer_speed: float = 1.0, first: int = 0,
                 practice: bool = False):
        """``practice``: only the encounter ``first``, played again from the
        review; it is not a stage attempt and earns no stars."""
        self.stage = stage
        self.practice = practice
        self.timer_speed = timer_speed
        self.index = first
        self.results: list[EncounterResult] = []
        self.best_totals = [max_skill_total(e) for e in stage.encounters]
        self.current = EncounterRun(stage.encounters[first], timer_speed)

    @property
    def best_total(self) -> int:
        return sum(self.best_totals)

    @property
    def finished(self) -> bool:
        if self.practice:
            return len(self.results) == 1
        return len(self.results) == len(self.stage.encounters)

    def advance(self) -> bool:
        """Record the finished encounter and start the next; False when the
        stage is over."""
        run = self.current
        if not run.finished:
            raise RuntimeError("the current encounter is not finished")
        if len(self.results) == self.index or (self.practice and not self.results):
            self.results.append(EncounterResult(
                run.encounter.id, run.encounter.title, run.skills.as_dict(),
                self.best_totals[self.index], run.mood, run.outcome, run.walked_out,
                tuple(run.decisions)))
        if self.practice or self.index + 1 >= len(self.stage.encounters):
            return False
        self.index += 1
        self.current = EncounterRun(self.stage.encounters[self.index], self.timer_speed)
        return True

    @property
    def skills(self) -> Skills:
        totals = Skills()
        for result in self.results:
            totals.add(Skills(**result.skills))
        return totals

    @property
    def stars(self) -> int:
        if not self.finished or self.practice:
            return 0
        return stars_for(self.skills.total, self.best_total)
