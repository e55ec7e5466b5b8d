"""The window, the main loop and the context every scene shares.

The loop sleeps in ``pygame.event.wait`` whenever no scene needs drawing, and
wakes for input or when the top scene asks for time (a running timer). With
``fixed_dt`` (headless demo and tests) it never sleeps and time is simulated.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import Translator, detect_language
from game.paths import Paths
from game.player import Player
from game.ui.scene import Scene, SceneStack
from game.ui.text import Fonts, TextRenderer
from game.ui.theme import DEFAULT_TEXT_SCALE_INDEX, TEXT_SCALES, Metrics, Palette

if TYPE_CHECKING:
    from game.content import LevelSet
    from game.ui.character import CharacterArt

FRAME_CAP = 60
IDLE_WAIT = 1.0  # the longest the loop sleeps with nothing to do (seconds)
IDLE_SLICE = 1 / 30  # how often a sleeping loop looks for input (seconds): a frame
# the most time one turn of the loop counts: a whole sleep, but not the minutes
# of a laptop's suspend or a dragged window
MAX_STEP = IDLE_WAIT + 0.1
PROJECTOR_SHARE = 28  # projector mode: the smallest text is this share of the height


@dataclass
class Context:
    """Everything the scenes share, built once in ``launch`` and passed down."""

    paths: Paths
    tr: Translator
    data_dir: Path
    fonts: Fonts
    text: TextRenderer
    palette: Palette = field(default_factory=Palette)
    metrics: Metrics = field(default_factory=lambda: Metrics(1280, 720, 1.0))
    text_scale_index: int = DEFAULT_TEXT_SCALE_INDEX
    timer_speed: float = 1.0  # 0: no time limit
    player: Player = field(default_factory=lambda: Player(None))
    notices: list[str] = field(default_factory=list)  # one-line messages for the player
    unlock_all: bool = False  # a trainer opened every stage
    sessions_dir: Path | None = None  # where a group session is kept; see __post_init__
    projector: bool = False  # text for the back of a room (group sessions)
    _levels: LevelSet | None = None
    _art: CharacterArt | None = None

    def __post_init__(self) -> None:
        if self.sessions_dir is None:
            self.sessions_dir = self.data_dir / "sessions"

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[-1] if self.projector else TEXT_SCALES[self.text_scale_index]

    def reload_levels(self) -> None:
        self._levels = None

    @property
    def art(self) -> CharacterArt:
        """The customers' pictures: made when a customer first appears."""
        if self._art is None:
            from game.ui.character import CharacterArt

            self._art = CharacterArt()
        return self._art

    def is_unlocked(self, stage_id: str) -> bool:
        from game.play.marathon import unlocked

        order = [stage.id for stage in self.levels.stages]
        return stage_id in unlocked(order, self.progress, self.unlock_all)

    @property
    def progress(self):
        """The best result of each finished stage, by stage id."""
        return self.player.progress.stages

    def line_height(self, points: float, bold: bool = False) -> int:
        """Pixels one line of text takes at this size (theme points)."""
        return self.fonts.get(self.metrics.font(points), bold).get_linesize()

    @property
    def levels(self) -> LevelSet:
        """Level files are read when first needed, not before the first frame."""
        if self._levels is None:
            from game.content import load_levels

            self._levels = load_levels([self.paths.levels])
        return self._levels

    def record(self, run) -> None:
        """Keep a finished stage run in the player's progress (and on disk)."""
        from game.play.progress import attempt_of

        self.player.record(attempt_of(run, time.time()))


class App:
    def __init__(self, ctx: Context, size: tuple[int, int], fullscreen: bool = False,
                 fixed_dt: float | None = None, max_frames: int | None = None):
        self.ctx = ctx
        self.windowed_size = size
        self.fullscreen = fullscreen
        self.fixed_dt = fixed_dt
        self.max_frames = max_frames
        self.frames = 0
        self.running = True
        self.stack = SceneStack()
        self.autopilot = None
        self._told_save_error = None
        from game.ui.sound import Sound

        self.sound = Sound(lambda: ctx.player.settings.sound)
        self.apply_palette()
        self._clock = pygame.time.Clock()
        self._last_time = time.perf_counter()
        pygame.display.set_caption(ctx.tr._("Service Marathon"))
        self.screen = self._open_window()
        self.collect_notices()

    # window ------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        if self.fullscreen:
            screen = self._set_fullscreen(True)
        self._sync_metrics(screen.get_size())
        return screen

    def _set_fullscreen(self, on: bool) -> pygame.Surface:
        """Full screen on the display the window is on (a projector, say),
        at that display's own resolution; or back to the window."""
        with warnings.catch_warnings():
            # pygame-ce prefers Window-based drawing; this game draws through
            # pygame.display, and only borrows the Window to change its state.
            warnings.simplefilter("ignore", DeprecationWarning)
            window = pygame.Window.from_display_module()
        if on:
            window.set_fullscreen(desktop=True)
        else:
            window.set_windowed()
            window.size = self.windowed_size
        return pygame.display.get_surface()

    def _sync_metrics(self, size: tuple[int, int]) -> None:
        floor = -(-size[1] // PROJECTOR_SHARE) if self.ctx.projector else 0
        self.ctx.metrics = Metrics(size[0], size[1], self.ctx.text_scale, floor)
        self.ctx.text.floor = floor
        self.stack.mark_dirty()

    def set_projector(self, on: bool) -> None:
        """Projector mode: the largest text size, and no text smaller than
        1/28 of the screen height, readable from the back of a room."""
        self.ctx.projector = on
        self._sync_metrics(self.screen.get_size())

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.screen.get_size()
        self.fullscreen = not self.fullscreen
        self.screen = self._set_fullscreen(self.fullscreen)
        self._sync_metrics(self.screen.get_size())
        self.ctx.player.change(fullscreen=self.fullscreen)
        self.collect_notices()

    def change_text_scale(self, step: int) -> None:
        self.set_text_scale(self.ctx.text_scale_index + step)

    def set_text_scale(self, index: int) -> None:
        index = max(0, min(len(TEXT_SCALES) - 1, index))
        if index != self.ctx.text_scale_index:
            self.ctx.text_scale_index = index
            self._sync_metrics(self.screen.get_size())
            self.ctx.player.change(text_scale_index=index)
            self.collect_notices()

    def apply_palette(self) -> None:
        from game.ui.theme import HIGH_CONTRAST

        self.ctx.palette = HIGH_CONTRAST if self.ctx.player.settings.high_contrast \
            else Palette()
        self.stack.mark_dirty()

    def apply_timer(self) -> None:
        """The timer setting, at once: for the next stage and the card on screen."""
        from game.ui.scenes.encounter import EncounterScene

        factor = self.ctx.player.settings.timer_factor
        speed = 0.0 if factor is None else 1 / factor
        self.ctx.timer_speed = speed
        scene = self.stack.find(EncounterScene)
        if scene is not None:
            scene.run.timer_speed = speed
            scene.encounter_run.set_timer_speed(speed)

    def set_language(self, language: str) -> None:
        self.ctx.tr.switch(language)
        self.ctx.player.change(language=language)
        self.collect_notices()
        pygame.display.set_caption(self.ctx.tr._("Service Marathon"))
        self.stack.mark_dirty()

    def collect_notices(self) -> None:
        """Move new messages from the translator and the player's files to the
        screen (and the console)."""
        from game.ui.words import file_notice, save_notice

        ctx = self.ctx
        player = ctx.player
        notices = ctx.tr.take_notices()
        notices += [file_notice(ctx.tr, name, loaded) for name, loaded in player.problems]
        player.problems.clear()
        if player.save_error is not None and player.save_error is not self._told_save_error:
            notices.append(save_notice(ctx.tr, player.save_error))
        self._told_save_error = player.save_error
        for notice in notices:
            ctx.notices.append(notice)
            print(f"service-marathon: {notice}", file=sys.stderr)
        if notices:
            self.stack.mark_dirty()

    def quit(self) -> None:
        self.running = False

    def reload_levels(self) -> None:
        """F5: read the level files again and show the stage map, with each
        broken file listed as unavailable with its error."""
        from game.ui.scenes.stagemap import StageMapScene
        from game.ui.scenes.title import TitleScene

        current = self.stack.find(StageMapScene)
        selected = current.selected.name if current and current.selected else None
        self.ctx.reload_levels()
        levels = self.ctx.levels
        for problem in levels.problems:
            print(problem, file=sys.stderr)
        tr = self.ctx.tr
        broken = len(levels.broken)
        banner = (tr.ngettext("Levels reloaded: {count} file has an error.",
                              "Levels reloaded: {count} files have errors.", broken)
                  .format(count=broken) if broken else tr._("Levels reloaded."))
        self.stack.reset(TitleScene(self))
        scene = StageMapScene(self, banner=banner, failed=bool(broken))
        names = [entry.name for entry in scene.entries]
        if selected in names:
            scene.menu.focus = names.index(selected)
        self.stack.push(scene)

    # the loop ------------------------------------------------------------------
    def run(self, first: Scene) -> int:
        self.stack.push(first)
        while self.running and self.stack.top is not None:
            self.step()
            if self._frames_done():
                break
        return 0

    def _frames_done(self) -> bool:
        return self.max_frames is not None and self.frames >= self.max_frames

    def step(self) -> None:
        """One turn of the loop: input, time, and a frame if anything changed."""
        events = pygame.event.get()
        if not events and self.fixed_dt is None and not self.stack.needs_draw():
            events = self._sleep()
        if self.fixed_dt is not None:
            dt = self.fixed_dt
        else:
            now = time.perf_counter()
            dt, self._last_time = min(now - self._last_time, MAX_STEP), now
        for event in events:
            self.dispatch(event)
        if not self.running:
            return
        self.stack.update(dt)
        if self.autopilot is not None:
            self.autopilot.tick(dt)
        if self.max_frames is not None:  # counting frames: draw every turn
            self.stack.mark_dirty()
        if self.stack.needs_draw() and self.stack.top is not None:
            self.draw()
        elif self.stack.top is not None and self.stack.top.partial:
            self.draw_partial()
        else:
            return
        if self.fixed_dt is None and self.running and not self._frames_done():
            self._clock.tick(FRAME_CAP)  # no waiting after the last frame of --frames

    def _sleep(self) -> list[pygame.event.Event]:
        """Wait for input or until the top scene needs time. pygame's own
        ``event.wait(timeout)`` polls every millisecond; short sleeps cost less."""
        wake = self.stack.wake_in()
        deadline = time.perf_counter() + (IDLE_WAIT if wake is None else max(0.0, wake))
        while True:
            events = pygame.event.get()
            remaining = deadline - time.perf_counter()
            if events or remaining <= 0:
                return events
            time.sleep(min(IDLE_SLICE, remaining))

    def draw(self) -> None:
        self.ctx.text.drawn.clear()
        self.screen.fill(self.ctx.palette.background)
        self.stack.draw(self.screen)
        pygame.display.flip()
        self.frames += 1

    def draw_partial(self) -> None:
        """Only a part of the top scene changed (a timer): update just that."""
        top = self.stack.top
        rects = top.draw_partial(self.screen)
        top.partial = False
        pygame.display.update(rects)
        self.frames += 1

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE):
            self.screen = pygame.display.get_surface()
            self._sync_metrics(self.screen.get_size())
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE, pygame.WINDOWSHOWN):
            self.stack.mark_dirty()
            return
        if event.type == pygame.KEYDOWN and self._global_key(event):
            return
        self.stack.handle_event(event)

    def _global_key(self, event: pygame.event.Event) -> bool:
        key = getattr(event, "key", None)
        ctrl = getattr(event, "mod", 0) & pygame.KMOD_CTRL
        if key == pygame.K_F11:
            self.toggle_fullscreen()
        elif key == pygame.K_F5:
            self.reload_levels()
        elif ctrl and key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.change_text_scale(1)
        elif ctrl and key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.change_text_scale(-1)
        elif key in (pygame.K_b, pygame.K_PERIOD) and not ctrl \
                and not (self.stack.top and self.stack.top.takes_text):
            from game.ui.scenes.pause import BlankScene

            if not isinstance(self.stack.top, BlankScene):
                self.stack.push(BlankScene(self))
            else:
                self.stack.pop()
        else:
            return False
        return True


def build_context(data_dir: Path, language: str | None, paths: Paths | None = None,
                  player: Player | None = None) -> Context:
    """``player`` brings saved settings and progress; without one nothing is
    saved (the demo, the checker, tests)."""
    paths = paths or Paths.of_install()
    player = player or Player(None)
    settings = player.settings
    tr = Translator(paths.locales, language or settings.language or detect_language(),
                    cache=data_dir / "cache")
    fonts = Fonts(paths.fonts)
    factor = settings.timer_factor
    return Context(paths=paths, tr=tr, data_dir=data_dir, fonts=fonts,
                   text=TextRenderer(fonts),
                   text_scale_index=settings.text_scale_index,
                   timer_speed=0.0 if factor is None else 1 / factor, player=player)


def open_app(folders, language: str | None, size: tuple[int, int], fullscreen: bool = False,
             save: bool = True, fixed_dt: float | None = None,
             max_frames: int | None = None, paths: Paths | None = None,
             unsaved: str | None = None) -> App:
    """The game as a player starts it: saved settings and the last profile
    loaded from ``folders`` (unless ``save`` is off, as in the demo), then
    the window. ``language`` and ``fullscreen`` from the command line win
    over the saved settings for this run."""
    from game.i18n import LANGUAGES

    player = Player(folders if save and unsaved is None else None)
    player.load(LANGUAGES, len(TEXT_SCALES))
    if unsaved is not None and save:  # the data folder can't be made: tell the player
        from game.storage import SaveError

        player.save_error = SaveError("progress", unsaved)
    ctx = build_context(folders.data, language, paths, player=player)
    return App(ctx, size, fullscreen=fullscreen or player.settings.fullscreen,
               fixed_dt=fixed_dt, max_frames=max_frames)


def launch(args: argparse.Namespace, folders, demo: bool = False,
           unsaved: str | None = None) -> int:
    from game.ui.scenes.title import TitleScene

    try:
        try:
            pygame.display.init()
            pygame.font.init()
            app = open_app(folders, args.lang, args.window or (1280, 720),
                           fullscreen=args.fullscreen, save=not demo,
                           fixed_dt=1 / 30 if (demo and args.headless) else None,
                           max_frames=args.frames, unsaved=unsaved)
            app.ctx.unlock_all = bool(getattr(args, "unlock_all", False))
        except pygame.error as error:
            print(f"service-marathon: can't open a window ({error}); on a machine without "
                  "a screen, add --headless", file=sys.stderr)
            return 1
        if demo:
            from game.ui.demo import Autopilot, GroupAutopilot

            options = {"seed": args.seed, "strategy": args.strategy,
                       "fast": bool(args.headless)}
            teams = getattr(args, "teams", None)
            app.autopilot = (GroupAutopilot(app, teams, **options) if teams
                             else Autopilot(app, **options))
            app.ctx.sessions_dir = folders.data / "demo" / "sessions"  # not a real session
        code = app.run(TitleScene(app))
        if demo:
            import json

            print(json.dumps(app.autopilot.summary(app.frames), ensure_ascii=False))
            code = 0 if app.autopilot.done else 1
        return code
    finally:
        pygame.quit()
