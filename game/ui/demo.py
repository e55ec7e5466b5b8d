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
