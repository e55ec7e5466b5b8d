"""A group session: teams take turns at the customers of the chosen stages,
the trainer steers (skip a card, a bonus point, undo), and every step is kept.

The session is a list of *events* (a choice, a timeout, a skip, a bonus, the
move to the next customer) replayed over the level content. That makes undo
exact (drop the last choice and replay) and resuming after a crash or a
sleeping laptop the same as playing: the saved events are replayed. When the
level files changed under a saved session, the replay says where it broke.
"""

from __future__ import annotations

import time
import unicodedata
import uuid
from dataclasses import dataclass, field

from game.content.model import SKILLS, Stage
from game.play.encounter import Decision, EncounterRun
from game.play.scoring import Skills, best_choice_index

VERSION = 1
MIN_TEAMS, MAX_TEAMS = 2, 6
MAX_TEAM_NAME = 24  # characters: a team's name fits its badge on the scoreboard
MARKS = "ABCDEF"  # each team's letter, shown with its colour (never colour alone)


class SessionError(ValueError):
    """A session that can't be set up or resumed; args[0] is a reason code
    (see the ``reason`` property) for the interface to word, args[1:] details."""

    @property
    def reason(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Team:
    name: str
    mark: int  # index into MARKS and the team colours

    @property
    def letter(self) -> str:
        return MARKS[self.mark]


def clean_team_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" or ch == " ")
    return " ".join(name.split())


def check_teams(names: list[str]) -> list[Team]:
    """Teams from typed names; SessionError('teams-count' | 'team-empty' |
    'team-too-long' | 'team-twice', name) for names that can't be used."""
    if not MIN_TEAMS <= len(names) <= MAX_TEAMS:
        raise SessionError("teams-count", str(len(names)))
    teams, seen = [], set()
    for index, raw in enumerate(names):
        name = clean_team_name(raw)
        if not name:
            raise SessionError("team-empty", str(index + 1))
        if len(name) > MAX_TEAM_NAME:
            raise SessionError("team-too-long", name[:MAX_TEAM_NAME] + "…")
        if name.casefold() in seen:
            raise SessionError("team-twice", name)
        seen.add(name.casefold())
        teams.append(Team(name, index))
    return teams


@dataclass(frozen=True)
class Turn:
    """One decision in the session, for the scoreboard, the report and undo."""

    team: int
    stage: str
    encounter: str
    card: str
    choice: int | None  # None: time ran out, or skipped
    skipped: bool
    effects: dict[str, int]  # the three skills and mood, as scored
    seconds: float
    best: int


@dataclass(frozen=True)
class Bonus:
    team: int
    skill: str
    points: int  # +1 or -1
    stage: str
    encounter: str
    card: str


@dataclass
class GroupSession:
    teams: list[Team]
    stages: list[Stage]
    timer: str = "normal"
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started: float = field(default_factory=time.time)
    events: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.stages:
            raise SessionError("no-stages")
        self._replay()

    # state, rebuilt from the events -------------------------------------------------
    def _replay(self) -> None:
        self.stage_index = 0
        self.encounter_index = 0
        self.played = 0  # encounters finished and moved past, across the session
        self.turns: list[Turn] = []
        self.bonuses: list[Bonus] = []
        self.run = EncounterRun(self.stage.encounters[0])
        self.finished = False
        for number, event in enumerate(self.events, 1):
            try:
                self._apply(event)
            except (IndexError, KeyError, RuntimeError, TypeError, ValueError) as error:
                raise SessionError("replay", str(number), str(error)) from None

    @property
    def stage(self) -> Stage:
        return self.stages[self.stage_index]

    @property
    def encounter(self):
        return self.stage.encounters[self.encounter_index]

    @property
    def team_index(self) -> int:
        """The team at the customer now: encounters go round the teams in turn."""
        return self.played % len(self.teams)

    @property
    def team(self) -> Team:
        return self.teams[self.team_index]

    def _apply(self, event: dict) -> None:
        kind = event["kind"]
        if kind == "bonus":
            skill, points = event["skill"], int(event["points"])
            if skill not in SKILLS or points not in (-1, 1):
                raise ValueError(f"a bonus of {points} for {skill!r}")
            team = int(event["team"])
            if not 0 <= team < len(self.teams):
                raise ValueError(f"no team {team + 1}")
            self.bonuses.append(Bonus(team, skill, points, self.stage.id, self.encounter.id,
                                      self.run.card.id))
            return
        if self.finished:
            raise RuntimeError("the session is over")
        if kind == "advance":
            if not self.run.finished:
                raise RuntimeError("the customer is still there")
            self._next_encounter()
            return
        seconds = float(event.get("seconds", 0.0))
        card = self.run.card
        if kind == "choose":
            decision = self.run.choose(int(event["index"]))
        elif kind == "timeout":
            decision = self.run.timeout()
        elif kind == "skip":
            decision = self.run.skip()
        else:
            raise ValueError(f"unknown event {kind!r}")
        self.turns.append(self._turn(decision, card, seconds))

    def _turn(self, decision: Decision, card, seconds: float) -> Turn:
        effects = decision.effects
        return Turn(self.team_index, self.stage.id, self.encounter.id, card.id,
                    decision.choice_index, decision.skipped,
                    {**{s: effects.skill(s) for s in SKILLS}, "mood": effects.mood},
                    seconds, best_choice_index(card.choices))

    def _next_encounter(self) -> None:
        self.played += 1
        if self.encounter_index + 1 < len(self.stage.encounters):
            self.encounter_index += 1
        elif self.stage_index + 1 < len(self.stages):
            self.stage_index += 1
            self.encounter_index = 0
        else:
            self.finished = True
            return
        self.run = EncounterRun(self.encounter)

    # what the trainer and the teams do ------------------------------------------------
    def _do(self, event: dict) -> None:
        self._apply(event)  # raises before anything is kept
        self.events.append(event)

    def choose(self, index: int, seconds: float = 0.0) -> None:
        self._do({"kind": "choose", "index": index, "seconds": round(seconds, 1)})

    def timeout(self, seconds: float = 0.0) -> None:
        self._do({"kind": "timeout", "seconds": round(seconds, 1)})

    def skip(self) -> None:
        self._do({"kind": "skip"})

    def bonus(self, team: int, skill: str, points: int) -> None:
        self._do({"kind": "bonus", "team": team, "skill": skill, "points": points})

    def advance(self) -> None:
        self._do({"kind": "advance"})

    def undo(self) -> bool:
        """Take back the last choice (or timeout or skip) and anything after
        it; False when there is nothing to take back."""
        for index in range(len(self.events) - 1, -1, -1):
            if self.events[index]["kind"] in ("choose", "timeout", "skip"):
                del self.events[index:]
                self._replay()
                return True
        return False

    # scores ---------------------------------------------------------------------------
    def scores(self) -> list[Skills]:
        """Each team's three skills: what its choices earned, plus bonuses."""
        totals = [Skills() for _ in self.teams]
        for turn in self.turns:
            for skill in SKILLS:
                setattr(totals[turn.team], skill,
                        getattr(totals[turn.team], skill) + turn.effects[skill])
        for bonus in self.bonuses:
            setattr(totals[bonus.team], bonus.skill,
                    getattr(totals[bonus.team], bonus.skill) + bonus.points)
        return totals

    def standings(self) -> list[int]:
        """Team indexes, best total first (ties: the order of the teams)."""
        scores = self.scores()
        return sorted(range(len(self.teams)), key=lambda i: (-scores[i].total, i))

    def skill_leaders(self) -> dict[str, list[int]]:
        """For each skill, the team(s) with the most points in it."""
        scores = self.scores()
        leaders = {}
        for skill in SKILLS:
            best = max(getattr(s, skill) for s in scores)
            leaders[skill] = [i for i, s in enumerate(scores) if getattr(s, skill) == best]
        return leaders

    # saving ---------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {"version": VERSION, "id": self.id, "started": round(self.started),
                "timer": self.timer, "teams": [t.name for t in self.teams],
                "stages": [s.id for s in self.stages], "events": list(self.events)}

    @classmethod
    def from_json(cls, data: dict, stages: list[Stage]) -> GroupSession:
        """The saved session over today's levels. SessionError('stage-missing',
        id) when a stage is gone; ('replay', n, why) when the files changed so
        much that a step can't be taken again; ('damaged',) for a bad file."""
        try:
            teams = check_teams([str(name) for name in data["teams"]])
            wanted = [str(stage_id) for stage_id in data["stages"]]
            events = [dict(event) for event in data["events"]]
            timer = str(data.get("timer", "normal"))
            session_id = str(data.get("id", uuid.uuid4().hex[:12]))
            started = float(data.get("started", time.time()))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise SessionError("damaged") from None
        by_id = {stage.id: stage for stage in stages}
        for stage_id in wanted:
            if stage_id not in by_id:
                raise SessionError("stage-missing", stage_id)
        return cls(teams, [by_id[s] for s in wanted], timer, session_id, started, events)
