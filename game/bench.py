"""``service-marathon bench``: how fast and how lean the game is, each figure
measured in the same run against bare pygame doing the least the same job
needs. Absolute numbers depend on the machine; the ratios are what to read.

- start-up: process start to the title's first frame, against a script
  that imports pygame, opens a 1280x720 window and flips once;
- frame cost: a full redraw of each scene at two sizes (dummy driver),
  median and 95th percentile, against a fill and flip of the same size;
- idle CPU over 5 s on the title and on a card waiting for an answer (its
  timer running), against a loop doing ``clock.tick(60)``;
- content scaling: loading and validating synthetic stages of 10 to 10,000
  cards: ten times the cards may take at most twelve times as long;
- memory: peak resident size after the game has played every stage, against
  the bare script.

This is a command, not a test: timing assertions in tests fail on busy
machines. ``--monkey N`` adds a longer monkey run (see game.ui.monkey).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BARE_WINDOW = """
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720))
pygame.display.flip()
"""
BARE_PLAY = BARE_WINDOW + """
import time
for _ in range(3):
    screen.fill((240, 240, 240))
    pygame.display.flip()
    time.sleep(0.01)
"""
CHILD_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
SCENES = ("title", "map", "encounter", "feedback", "results", "scoreboard")
SIZES = ((1280, 720), (1920, 1080))
CARD_COUNTS = (10, 100, 1000, 10000)


@dataclass
class Figure:
    name: str
    value: float
    baseline: float
    unit: str
    target: str
    limit: float | None  # the highest ratio that meets the target; None: shown only

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool | None:
        return None if self.limit is None else self.ratio <= self.limit

    def as_json(self) -> dict:
        return {**asdict(self), "ratio": round(self.ratio, 3), "met": self.met}


# -- start-up and memory: separate processes ------------------------------------------------

def _environment(headless: bool) -> dict[str, str]:
    environment = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1", SDL_AUDIODRIVER="dummy")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once, then cached
    if headless:
        environment["SDL_VIDEODRIVER"] = "dummy"
    else:
        environment.pop("SDL_VIDEODRIVER", None)
    return environment


def _game_command(*arguments: str) -> list[str]:
    main = Path(__file__).resolve().parent.parent / "main.py"
    return [sys.executable, str(main), *arguments]


def _wall_time(command: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure_startup(headless: bool, runs: int = 15) -> Figure:
    environment = _environment(headless)
    with tempfile.TemporaryDirectory() as data:
        game = _game_command("--frames", "1", "--data-dir", data,
                             *(["--headless"] if headless else []))
        bare = [sys.executable, "-c", BARE_WINDOW]
        _wall_time(game, environment)  # the first run fills the disk cache for both
        _wall_time(bare, environment)
        game_times, bare_times = [], []
        for _ in range(runs):  # in turn, so a busy moment slows both alike
            game_times.append(_wall_time(game, environment))
            bare_times.append(_wall_time(bare, environment))
    # the fastest run of each: what the machine can do; anything slower is noise
    return Figure("start-up to the first frame", min(game_times) * 1000,
                  min(bare_times) * 1000, "ms", "at most 1.5x", 1.5)


def _peak_rss_kb(command: list[str], environment: dict[str, str]) -> int:
    done = subprocess.run([sys.executable, "-c", CHILD_RSS, *command], env=environment,
                          check=True, capture_output=True, text=True)
    return int(done.stdout.strip().splitlines()[-1])


def measure_memory() -> Figure:
    environment = _environment(headless=True)
    with tempfile.TemporaryDirectory() as data:
        game = _peak_rss_kb(_game_command("--headless", "--data-dir", data, "demo",
                                          "--strategy", "best"), environment)
    bare = _peak_rss_kb([sys.executable, "-c", BARE_PLAY], environment)
    game_mb, bare_mb = game / 1024, bare / 1024
    return Figure("peak memory after every stage", game_mb, bare_mb, "MB",
                  f"at most 80 MB above (now {game_mb - bare_mb:+.0f} MB)",
                  (bare_mb + 80) / bare_mb)  # 80 MB above, as a ratio


# -- in this process, with the dummy driver ----------------------------------------------------

def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _scene(app, name: str, levels):
    """The scene ``name`` as a player reaches it, on the first stage."""
    from game.play import StageRun
    from game.play.scoring import best_choice_index
    from game.play.session import GroupSession, Team
    from game.ui.scenes.encounter import EncounterScene
    from game.ui.scenes.feedback import FeedbackScene
    from game.ui.scenes.group import ScoreboardScene
    from game.ui.scenes.results import ResultsScene
    from game.ui.scenes.stagemap import StageMapScene
    from game.ui.scenes.title import TitleScene

    stage = levels.stages[0]
    if name == "title":
        return [TitleScene(app)]
    if name == "map":
        return [StageMapScene(app)]
    run = StageRun(stage)
    encounter = EncounterScene(app, run)
    if name == "encounter":
        return [encounter]
    if name == "feedback":
        decision = run.current.choose(best_choice_index(run.current.card.choices))
        return [encounter, FeedbackScene(app, decision, run.current)]
    if name == "results":
        while True:
            while not run.current.finished:
                run.current.choose(best_choice_index(run.current.card.choices))
            if not run.advance():
                break
        return [ResultsScene(app, run)]
    session = GroupSession([Team("Ūdri", 0), Team("Žuvėdros", 1), Team("Õunad", 2)],
                           levels.stages[:2])
    for _ in range(2):
        while not session.run.finished:
            session.choose(best_choice_index(session.run.card.choices), 4.0)
        session.advance()
    return [ScoreboardScene(app, session)]


def _frame_times(app, scenes, frames: int) -> list[float]:
    import pygame

    app.stack.scenes = []
    for scene in scenes:
        app.stack.push(scene)
    times = []
    for number in range(frames + 10):
        app.stack.mark_dirty()
        start = time.perf_counter()
        app.draw()
        pygame.event.pump()
        if number >= 10:  # the first frames fill the caches
            times.append(time.perf_counter() - start)
    return times


def _bare_frame_times(size: tuple[int, int], frames: int) -> list[float]:
    import pygame

    screen = pygame.display.set_mode(size)
    times = []
    for number in range(frames + 10):
        start = time.perf_counter()
        screen.fill((243, 240, 234))
        pygame.display.flip()
        pygame.event.pump()
        if number >= 10:
            times.append(time.perf_counter() - start)
    return times


def _open_app(data: Path, size: tuple[int, int]):
    import pygame

    from game.ui.app import App, build_context

    pygame.display.init()
    pygame.font.init()
    ctx = build_context(data, "en")
    return App(ctx, size, fixed_dt=1 / 30)


def measure_frames(frames: int = 200) -> list[Figure]:
    import pygame

    from game.content import load_levels
    from game.paths import Paths

    levels = load_levels([Paths.of_install().levels])
    figures = []
    with tempfile.TemporaryDirectory() as data:
        for size in SIZES:
            bare = _bare_frame_times(size, frames)
            app = _open_app(Path(data), size)
            for name in SCENES:
                times = _frame_times(app, _scene(app, name, levels), frames)
                label = f"{name} frame at {size[0]}x{size[1]}"
                limit = 4.0 if name == "encounter" else None
                figures.append(Figure(f"{label}, median", statistics.median(times) * 1000,
                                      statistics.median(bare) * 1000, "ms", "shown", None))
                figures.append(Figure(f"{label}, p95", _percentile(times, 0.95) * 1000,
                                      _percentile(bare, 0.95) * 1000, "ms",
                                      "at most 4x" if limit else "shown", limit))
            pygame.display.quit()
    return figures


def _cpu_share(step, seconds: float) -> float:
    start_cpu, start = time.process_time(), time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
    return 100 * (time.process_time() - start_cpu) / (time.perf_counter() - start)


def measure_idle(seconds: float = 5.0) -> list[Figure]:
    import pygame

    from game.content import load_levels
    from game.paths import Paths

    levels = load_levels([Paths.of_install().levels])
    pygame.display.init()
    screen = pygame.display.set_mode((1280, 720))
    clock = pygame.time.Clock()
    screen.fill((243, 240, 234))
    pygame.display.flip()

    def bare_step():
        pygame.event.get()
        clock.tick(60)

    bare = _cpu_share(bare_step, seconds)
    pygame.display.quit()
    figures = []
    with tempfile.TemporaryDirectory() as data:
        app = _open_app(Path(data), (1280, 720))
        app.fixed_dt = None  # the real loop: it sleeps when nothing moves
        for name, label in (("title", "idle CPU on the title"),
                            ("encounter", "idle CPU on a card, timer running")):
            scenes = _scene(app, name, levels)
            app.stack.scenes = []
            for scene in scenes:
                app.stack.push(scene)
            app.step()
            figures.append(Figure(label, _cpu_share(app.step, seconds), bare, "% CPU",
                                  "no more than the bare loop", 1.0))
        pygame.display.quit()
    return figures


def synthetic_stage(cards: int) -> str:
    """A valid stage of ``cards`` cards: encounters of ten cards each, every
    card with three answers (one on, two to endings)."""
    per = min(10, cards)
    lines = ["id: synthetic", "title: A synthetic stage", "order: 1",
             "summary: Many cards, to time the loader.", "encounters:"]
    for number in range(max(1, cards // per)):
        lines += [f"  - id: e{number}", f"    title: Encounter {number}", "    channel: shop",
                  "    principles: [active-listening]",
                  "    customer: {name: Anna, look: 1, mood: 50}", "    start: c0", "    cards:"]
        for card in range(per):
            lines += [f"      c{card}:", f"        say: Line {card} of customer {number}."]
            if card == per - 1:
                lines.append("        end: success")
                continue
            lines.append("        choices:")
            for choice, target in enumerate((f"c{card + 1}", "good", "bad")):
                lines += [f"          - text: Answer {choice} to line {card}.",
                          f"            next: {target}",
                          "            effects: {attention: 1, mood: 5}",
                          "            feedback: Why it worked, and how the customer felt."]
        lines += ["      good:", "        say: Thank you.", "        end: partial",
                  "      bad:", "        say: Goodbye.", "        end: fail"]
    return "\n".join(lines) + "\n"


def measure_content() -> list[Figure]:
    from game.content.loader import load_text

    timings = {}
    for cards in CARD_COUNTS:
        text = synthetic_stage(cards)
        stage, problems = load_text(text, "synthetic.yaml")
        if stage is None:
            raise RuntimeError(f"the synthetic stage does not load: {problems[0]}")
        best = float("inf")
        for _ in range({10: 40, 100: 15, 1000: 5}.get(cards, 2)):  # small ones: more tries
            start = time.perf_counter()
            load_text(text, "synthetic.yaml")
            best = min(best, time.perf_counter() - start)
        timings[cards] = best
    figures = []
    for smaller, larger in zip(CARD_COUNTS, CARD_COUNTS[1:], strict=False):
        figures.append(Figure(f"load {larger:,} cards against {smaller:,}",
                              timings[larger] * 1000, timings[smaller] * 1000, "ms",
                              "at most 12x (linear)", 12.0))
    return figures


def measure_monkey(frames: int) -> list[str]:
    from game.storage import Folders
    from game.ui.app import open_app
    from game.ui.monkey import Monkey
    from game.ui.scenes.title import TitleScene

    lines = []
    for seed in (1, 2, 3):
        import pygame

        with tempfile.TemporaryDirectory() as data:
            pygame.display.init()
            pygame.font.init()
            app = open_app(Folders(Path(data), Path(data)), "en", (1280, 720),
                           fixed_dt=1 / 30)
            app.stack.push(TitleScene(app))
            report = Monkey(app, seed).run(frames)
            lines.append(f"monkey seed {seed}: {report.frames} frames, {report.events} events, "
                         f"{len(report.scenes)} scenes, {len(report.sizes)} window sizes: "
                         "no failure")
            pygame.quit()
    return lines


# -- the command ---------------------------------------------------------------------------------

def run_bench(json_path: str | None, monkey: int | None, headless: bool) -> int:
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # in this process: frames without a screen
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    real = not headless and bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    figures = [measure_startup(headless=not real)]
    figures += measure_frames()
    figures += measure_idle()
    figures += measure_content()
    figures.append(measure_memory())
    width = max(len(f.name) for f in figures)
    print(f"{'figure':<{width}}  {'game':>10}  {'bare':>10}  {'ratio':>7}  target")
    for figure in figures:
        verdict = "" if figure.met is None else ("  ok" if figure.met else "  MISSED")
        print(f"{figure.name:<{width}}  {figure.value:>8.2f}{figure.unit[:2]:>2}  "
              f"{figure.baseline:>8.2f}{figure.unit[:2]:>2}  {figure.ratio:>6.2f}x  "
              f"{figure.target}{verdict}")
    print(f"start-up window: {'a real window' if real else 'the dummy driver (no screen)'}")
    extra = measure_monkey(monkey) if monkey else []
    for line in extra:
        print(line)
    if json_path:
        Path(json_path).write_text(json.dumps(
            {"figures": [f.as_json() for f in figures], "monkey": extra,
             "window": "real" if real else "dummy"}, indent=2), encoding="utf-8")
    return 0 if all(f.met is not False for f in figures) else 1
