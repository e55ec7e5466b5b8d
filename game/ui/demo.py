"""The game playing itself: it looks at the top scene and posts the key a
player would press, so every step takes the same path as real input."""

from __future__ import annotations

import random

import pygame

from game.content.model import SKILLS
from game.play.scoring import best_choice_index
from game.ui.scenes.encounter import EncounterScene
from game.ui.scenes.feedback import FeedbackScene
from game.ui.scenes.pause import BlankScene, PauseScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.stagemap import StageMapScene
from game.ui.scenes.title import TitleScene

# Seconds the autopilot "thinks" before each key: quick when headless, slow
# enough to read on a projector in attract mode.
FAST_PAUSE = 0.3
SHOWN_PAUSE = {EncounterScene: 3.5, FeedbackScene: 5.0, ResultsScene: 5.0}
SHOWN_DEFAULT = 1.5


class Autopilot:
    def __init__(self, app, seed: int = 1, strategy: str = "best", fast: bool = True):
        self.app = app
        self.rng = random.Random(seed)
        self.seed = seed
        self.strategy = strategy
        self.fast = fast
        self.wait = FAST_PAUSE if fast else SHOWN_DEFAULT
        self.played: list[dict] = []
        self._recorded: set[int] = set()
        self.done = False

    def press(self, key: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                             scancode=0))

    def tick(self, dt: float) -> None:
        self.wait -= dt
        if self.wait > 0 or not self.app.running:
            return
        top = self.app.stack.top
        key = self.decide(top)
        if key is not None:
            self.press(key)
        self.wait = FAST_PAUSE if self.fast else SHOWN_PAUSE.get(type(top), SHOWN_DEFAULT)

    def decide(self, top) -> int | None:
        if isinstance(top, TitleScene):
            return pygame.K_RETURN if top.menu.focus == 0 else pygame.K_UP
        if isinstance(top, StageMapScene):
            return self._on_map(top)
        if isinstance(top, EncounterScene):
            run = top.encounter_run
            if run.finished:
                return pygame.K_RETURN
            choices = run.card.choices
            if self.strategy == "best":
                index = best_choice_index(choices)
            else:
                index = self.rng.randrange(len(choices))
            return pygame.K_1 + index
        if isinstance(top, ResultsScene):
            self._record(top)
            return pygame.K_RETURN if top.menu.focus == 0 else pygame.K_LEFT
        if isinstance(top, (FeedbackScene, BlankScene)):
            return pygame.K_RETURN
        if isinstance(top, PauseScene):
            return pygame.K_ESCAPE
        from game.ui.scenes.dialogs import NameScene

        if isinstance(top, NameScene):  # a first start asks for the player's name
            if not top.text:
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Demo"))
                return None
            top.menu.focus = 0
            return pygame.K_RETURN
        return None

    def _on_map(self, scene: StageMapScene) -> int | None:
        playable = [i for i, entry in enumerate(scene.entries) if entry.stage is not None]
        if len(self.played) >= len(playable):
            self.done = True
            self.app.quit()
            return None
        target = playable[len(self.played)]
        if scene.menu.focus < target:
            return pygame.K_RIGHT
        if scene.menu.focus > target:
            return pygame.K_LEFT
        return pygame.K_RETURN

    def _record(self, scene: ResultsScene) -> None:
        if id(scene) in self._recorded:
            return
        self._recorded.add(id(scene))
        run = scene.run
        self.played.append({
            "id": run.stage.id,
            "stars": run.stars,
            "skills": run.skills.as_dict(),
            "outcomes": [r.outcome.value for r in run.results],
        })

    def summary(self, frames: int) -> dict:
        totals = {skill: sum(stage["skills"][skill] for stage in self.played)
                  for skill in SKILLS}
        return {"stages": self.played, "totals": totals, "frames": frames,
                "strategy": self.strategy, "seed": self.seed, "finished": self.done}


class GroupAutopilot(Autopilot):
    """A whole group session played by itself: setup with ``teams`` teams and
    the first two stages, turns, one pause, one bonus point, the discussion
    with the best answer revealed, the scoreboard, the podium and its report."""

    def __init__(self, app, teams: int, **options):
        super().__init__(app, **options)
        self.teams = teams
        self.paused = False
        self.awarded = 0  # 0: not yet; 1: the award screen is open; 2: done
        self.session = None
        self.report = None

    def decide(self, top) -> int | None:
        from game.ui.scenes.dialogs import ConfirmScene
        from game.ui.scenes.group import (
            AwardScene,
            DiscussionScene,
            GroupEncounterScene,
            PodiumScene,
            ScoreboardScene,
            SetupScene,
        )
        from game.ui.scenes.title import GROUP

        if isinstance(top, TitleScene):
            return pygame.K_RETURN if top.menu.focus == GROUP else pygame.K_DOWN
        if isinstance(top, ConfirmScene):  # a saved demo session: start afresh
            return pygame.K_RETURN if top.menu.focus == 1 else pygame.K_RIGHT
        if isinstance(top, SetupScene):
            return self._setup(top)
        if isinstance(top, GroupEncounterScene):
            self.session = top.session
            if not self.paused:
                self.paused = True
                return pygame.K_ESCAPE
            return super().decide(top) if not top.encounter_run.finished else pygame.K_RETURN
        if isinstance(top, DiscussionScene):
            if self.awarded == 0:
                self.awarded = 1
                return pygame.K_a
            return pygame.K_d if not top.revealed else pygame.K_RETURN
        if isinstance(top, AwardScene):
            if self.awarded == 1:
                self.awarded = 2
                return pygame.K_RETURN
            return pygame.K_ESCAPE
        if isinstance(top, ScoreboardScene):
            return pygame.K_RETURN
        if isinstance(top, PodiumScene):
            self.report = top.report
            self.done = True
            self.app.quit()
            return None
        return super().decide(top)

    def _setup(self, scene) -> int:
        names, stages = len(scene.names), len(scene.stages)
        if names != self.teams:
            target = names if names < self.teams else names + 1  # "Add" or "Remove"
        else:
            wrong = [i for i, on in enumerate(scene.chosen) if on != (i < 2)]
            target = names + 2 + wrong[0] if wrong else names + 2 + stages + 1  # "Start"
        if scene.menu.focus == target:
            return pygame.K_RETURN
        return pygame.K_DOWN if scene.menu.focus < target else pygame.K_UP

    def summary(self, frames: int) -> dict:
        session = self.session
        teams = []
        if session is not None:
            scores = session.scores()
            teams = [{"name": team.name, "skills": scores[i].as_dict(),
                      "total": scores[i].total} for i, team in enumerate(session.teams)]
        return {"teams": teams, "turns": len(session.turns) if session else 0,
                "bonuses": len(session.bonuses) if session else 0,
                "report": [str(path) for path in self.report] if self.report else None,
                "frames": frames, "strategy": self.strategy, "seed": self.seed,
                "finished": self.done}
