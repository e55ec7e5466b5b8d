"""The monkey: a seeded stream of random input through the real scenes.

Each round starts at the title, lets the autopilot (a player, or a trainer
with teams) play on for a random while, so the monkey also lands deep in the
game (results, review, discussion, scoreboard, podium), and then the monkey
takes over. Keys (mostly the ones the game listens to, some it doesn't), typed text in
any script, mouse moves, clicks and wheel, touches, window resizes from
320x240 to 3840x2160, focus lost and found, exposes and quit requests. After
every frame it checks that no text was drawn outside the window; every few
hundred frames it checks that the title can still be reached with Esc (and,
where Esc opens the pause menu, that menu's way back to the map). A request
to quit is answered and then taken back, so the run goes on.

Used by the tests (a few seeds, a few thousand frames) and by
``bench --monkey N`` for longer runs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pygame

from game.ui.app import App

# window sizes, the huge one rarer: each frame at 3840x2160 costs the most
SIZES = ((320, 240), (480, 320), (800, 600), (1024, 768), (1280, 720), (1366, 768),
         (1920, 1080), (2560, 1440), (3840, 2160))
SIZE_WEIGHTS = (3, 2, 3, 3, 3, 2, 2, 1, 1)
TEXTS = ("a", "Ā", "ž", "õ", "ų", "Ļ", "ß", "é", "Ω", "я", "中", "😀", "\u202e", "e\u0301",
         "  ", "Ūdri", "Žuvėdros", "Õunad", "x" * 60)
PLAIN_KEYS = (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE, pygame.K_UP, pygame.K_DOWN,
              pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB, pygame.K_PAGEDOWN, pygame.K_PAGEUP,
              pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_1, pygame.K_2, pygame.K_3,
              pygame.K_4, pygame.K_5, pygame.K_9, pygame.K_0, pygame.K_a, pygame.K_b,
              pygame.K_d, pygame.K_e, pygame.K_g, pygame.K_h, pygame.K_r, pygame.K_s,
              pygame.K_t, pygame.K_u, pygame.K_z, pygame.K_PERIOD, pygame.K_PLUS,
              pygame.K_MINUS, pygame.K_F1, pygame.K_F5, pygame.K_F11, pygame.K_HOME,
              pygame.K_END, pygame.K_KP_ENTER, pygame.K_CAPSLOCK, pygame.K_F12,
              pygame.K_LALT, pygame.K_MENU, pygame.K_AC_BACK)
MODS = (0, 0, 0, 0, pygame.KMOD_CTRL, pygame.KMOD_SHIFT, pygame.KMOD_ALT,
        pygame.KMOD_CTRL | pygame.KMOD_SHIFT)
HATCH_EVERY = 400  # frames in a round; each ends by reaching the title with Esc
AUTOPILOT_FRAMES = 260  # at most, at the start of a round


class MonkeyFailure(AssertionError):
    """The game broke under the monkey: what, at which frame, with which seed."""


@dataclass
class MonkeyReport:
    seed: int
    frames: int = 0
    events: int = 0
    scenes: set[str] = field(default_factory=set)
    sizes: set[tuple[int, int]] = field(default_factory=set)
    quits_taken_back: int = 0
    hatches: int = 0


class Monkey:
    def __init__(self, app: App, seed: int):
        self.app = app
        self.random = random.Random(seed)
        self.report = MonkeyReport(seed)

    # events ---------------------------------------------------------------------------------
    def _position(self) -> tuple[int, int]:
        width, height = self.app.screen.get_size()
        if self.random.random() < 0.05:  # now and then just outside the window
            return self.random.randint(-50, width + 50), self.random.randint(-50, height + 50)
        return self.random.randrange(width), self.random.randrange(height)

    def _key(self) -> pygame.event.Event:
        key = self.random.choice(PLAIN_KEYS)
        if self.random.random() < 0.03:
            key = self.random.randrange(0, 0x4000011A)  # a key nobody mapped
        return pygame.event.Event(pygame.KEYDOWN, key=key, mod=self.random.choice(MODS),
                                  unicode="", scancode=0)

    def _resize(self) -> list[pygame.event.Event]:
        size = self.random.choices(SIZES, SIZE_WEIGHTS)[0]
        self.app.windowed_size = size
        pygame.display.set_mode(size, pygame.RESIZABLE)
        return [pygame.event.Event(pygame.WINDOWSIZECHANGED, x=size[0], y=size[1])]

    def events(self) -> list[pygame.event.Event]:
        r = self.random.random()
        if r < 0.45:
            return [self._key()]
        if r < 0.55:
            return [pygame.event.Event(pygame.TEXTINPUT, text=self.random.choice(TEXTS))]
        if r < 0.65:
            return [pygame.event.Event(pygame.MOUSEMOTION, pos=self._position(), rel=(1, 1),
                                       buttons=(0, 0, 0))]
        if r < 0.77:
            pos, button = self._position(), self.random.choice((1, 1, 1, 2, 3))
            return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
                    pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)]
        if r < 0.81:
            return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=self.random.choice((-1, 1)),
                                       flipped=False)]
        if r < 0.87:
            x, y = self.random.random(), self.random.random()
            kind = self.random.choice((pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION))
            return [pygame.event.Event(kind, x=x, y=y, dx=0.0, dy=0.0, finger_id=0,
                                       touch_id=0)]
        if r < 0.90:
            return self._resize()
        if r < 0.94:
            return [pygame.event.Event(self.random.choice(
                (pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWEXPOSED,
                 pygame.VIDEOEXPOSE, pygame.WINDOWSHOWN, pygame.WINDOWHIDDEN)))]
        if r < 0.95:
            return [pygame.event.Event(pygame.QUIT)]
        return []  # a frame with no input: time passes, timers run out

    # checks -----------------------------------------------------------------------------------
    def _fail(self, what: str) -> None:
        raise MonkeyFailure(f"seed {self.report.seed}, frame {self.report.frames}: {what}")

    def _check_text(self) -> None:
        window = self.app.screen.get_rect()
        for drawn in self.app.ctx.text.drawn:
            if drawn.text.strip() and not window.contains(drawn.rect):
                self._fail(f"text drawn outside the {window.size} window: {drawn.text!r} at "
                           f"{drawn.rect}")

    def _step(self) -> None:
        self.app.step()
        self.report.frames += 1
        if not self.app.running:  # a quit was asked for: take it back, go on
            self.app.running = True
            self.report.quits_taken_back += 1
        top = self.app.stack.top
        if top is None:
            self._fail("no scene is left on the stack")
        self.report.scenes.add(type(top).__name__)
        self.report.sizes.add(self.app.screen.get_size())
        self._check_text()

    def _press(self, key: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                             scancode=0))
        self._step()
        self._step()

    def escape_hatch(self) -> None:
        """Esc until the title is on top; the pause menu is left by its own
        way back to the map, which Esc alone would only close."""
        from game.ui.scenes.pause import TO_MAP, PauseScene
        from game.ui.scenes.title import TitleScene

        for _ in range(40):
            top = self.app.stack.top
            if isinstance(top, TitleScene):
                self.report.hatches += 1
                return
            if isinstance(top, PauseScene):
                top.menu.focus = TO_MAP
                self._press(pygame.K_RETURN)
            else:
                self._press(pygame.K_ESCAPE)
        self._fail(f"Esc does not lead back to the title (stuck on {type(top).__name__})")

    def _autopilot(self):
        """A player or a trainer who presses a key every frame."""
        from game.ui.demo import Autopilot, GroupAutopilot

        seed = self.random.randrange(1000)
        if self.random.random() < 0.4:
            pilot = GroupAutopilot(self.app, self.random.randint(2, 6), seed=seed)
        else:
            pilot = Autopilot(self.app, seed=seed,
                              strategy=self.random.choice(("best", "random")))
        pilot.wait = 0.0
        original = pilot.tick

        def tick(dt):
            original(dt)
            pilot.wait = min(pilot.wait, dt)

        pilot.tick = tick
        return pilot

    def run(self, frames: int) -> MonkeyReport:
        pygame.key.set_repeat()  # posted events only
        while self.report.frames < frames:
            if self.report.frames % HATCH_EVERY == 0:
                self.app.autopilot = self._autopilot()
                driven = self.random.randint(0, AUTOPILOT_FRAMES)
                while driven > 0 and self.report.frames < frames:
                    self._step()
                    driven -= 1
                self.app.autopilot = None
            for event in self.events():
                pygame.event.post(event)
                self.report.events += 1
            self._step()
            if self.report.frames % HATCH_EVERY == 0:
                self.escape_hatch()
        return self.report
