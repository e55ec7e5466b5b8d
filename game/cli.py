"""Command line: play (default), ``check``, ``graph``, ``paths``, ``demo`` and ``bench``.

pygame is imported only when a window is needed, after the video and audio
drivers are chosen, so ``check`` stays fast and works anywhere.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from game.i18n import LANGUAGES

WINDOW_PATTERN = re.compile(r"^(\d{3,5})[xX](\d{3,5})$")
MIN_WINDOW = (320, 240)
MAX_WINDOW = (7680, 4320)
DEFAULT_WINDOW = (1280, 720)


class _Parser(argparse.ArgumentParser):
    """Bad arguments get one line and exit 2, not a usage dump."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def window_size(text: str) -> tuple[int, int]:
    match = WINDOW_PATTERN.match(text.strip())
    if match:
        size = int(match.group(1)), int(match.group(2))
        if all(lo <= v <= hi for v, lo, hi in zip(size, MIN_WINDOW, MAX_WINDOW, strict=True)):
            return size
    raise argparse.ArgumentTypeError(
        f"expected WIDTHxHEIGHT between {MIN_WINDOW[0]}x{MIN_WINDOW[1]} and "
        f"{MAX_WINDOW[0]}x{MAX_WINDOW[1]}, such as 1280x720, not '{text}'"
    )


def language(text: str) -> str:
    if text not in LANGUAGES:
        raise argparse.ArgumentTypeError(
            f"unknown language '{text}'; available: {', '.join(LANGUAGES)}"
        )
    return text


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number above 0, not '{text}'")
    return int(text)


def team_count(text: str) -> int:
    from game.play.session import MAX_TEAMS, MIN_TEAMS

    if not text.isdigit() or not MIN_TEAMS <= int(text) <= MAX_TEAMS:
        raise argparse.ArgumentTypeError(
            f"a group session has {MIN_TEAMS} to {MAX_TEAMS} teams, not '{text}'")
    return int(text)


def _display_options(parser: argparse.ArgumentParser, repeated: bool = False) -> None:
    """The options of a game window. ``repeated``: on a command, where they may
    also be given; there they have no defaults of their own, so one given
    before the command (``--headless demo``) is not reset by it."""
    keep = {"default": argparse.SUPPRESS} if repeated else {}
    parser.add_argument("--lang", type=language, help="language: " + ", ".join(LANGUAGES),
                        **keep)
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen", **keep)
    parser.add_argument("--window", type=window_size, metavar="WxH",
                        help="window size, such as 1280x720", **keep)
    parser.add_argument("--data-dir", metavar="PATH",
                        help="folder for settings and progress (portable copy, tests)", **keep)
    parser.add_argument("--headless", action="store_true",
                        help="no screen or sound (dummy drivers), for machines without a display",
                        **keep)
    parser.add_argument("--frames", type=positive, metavar="N",
                        help="quit cleanly after N drawn frames", **keep)
    parser.add_argument("--unlock-all", action="store_true",
                        help="open every stage at once (for trainers)", **keep)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="service-marathon",
                     description="Service Marathon: a training game for customer service.")
    _display_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = commands.add_parser("check", help="validate level files")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="level files or folders (default: the game's levels/)")
    check.add_argument("--strict", action="store_true",
                       help="fail (exit 1) on warnings too, not only on errors")
    graph = commands.add_parser("graph", help="a stage's dialogue graph (Graphviz or Mermaid)")
    graph.add_argument("level", metavar="LEVEL", help="a level file, or a folder with one")
    graph.add_argument("--format", choices=("dot", "mermaid"), default="dot",
                       help="dot (Graphviz, the default) or mermaid")
    paths = commands.add_parser("paths", help="every path through a stage, with its score")
    paths.add_argument("level", metavar="LEVEL", help="a level file, or a folder with one")
    demo = commands.add_parser("demo", help="the game plays itself (attract mode, smoke test)")
    _display_options(demo, repeated=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--strategy", choices=("best", "random"), default="best")
    demo.add_argument("--teams", type=team_count, metavar="N",
                      help="play a group session with N teams (2-6) and write its report")
    bench = commands.add_parser("bench", help="measure start-up, frames, idle CPU, content "
                                              "scaling and memory against bare pygame")
    bench.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    bench.add_argument("--monkey", type=positive, metavar="N",
                       help="also run the monkey (random input) for N frames, three seeds")
    bench.add_argument("--headless", action="store_true", default=argparse.SUPPRESS,
                       help="time start-up with the dummy driver even when there is a screen")
    return parser


def run_check(paths: list[str], strict: bool = False) -> int:
    """Levels (and, for the whole game, the catalogs): one line per problem.
    Errors exit 1; warnings alone exit 0 unless ``strict``."""
    from game.content import load_levels
    from game.content.lint import stage_warnings
    from game.i18n import catalog_problems
    from game.paths import Paths

    install = Paths.of_install()
    levels = load_levels(paths or [str(install.levels)])
    errors = [str(problem) for problem in levels.problems]
    if not paths:
        errors += catalog_problems(install.locales)
    warnings = [w for stage in levels.stages for w in stage_warnings(stage)]
    if levels.stages:
        import tempfile

        from game.ui.fitcheck import fit_warnings

        with tempfile.TemporaryDirectory() as scratch:
            warnings += fit_warnings(levels.stages, Path(scratch))
    warnings.sort(key=lambda w: (w.file, w.line or 0, w.message))
    for line in [*errors, *map(str, warnings)]:
        print(line)
    if errors or warnings:
        print(f"{len(errors)} error(s), {len(warnings)} warning(s).", file=sys.stderr)
    if errors or (strict and warnings):
        return 1
    what = "stage(s)" if paths else "stage(s) and the catalogs"
    verdict = "all valid" if not warnings else "valid, with warnings"
    print(f"{len(levels.stages)} {what} checked: {verdict}.")
    return 0


def run_game(args: argparse.Namespace, demo: bool) -> int:
    from game.paths import Paths
    from game.storage import ENV_VAR, DataDirError, Folders, prepare_data_dir, resolve_folders

    folders = resolve_folders(args.data_dir, Paths.of_install().root)
    unsaved = None
    try:
        folders = Folders(prepare_data_dir(folders.config), prepare_data_dir(folders.data))
    except DataDirError as error:
        if args.data_dir or os.environ.get(ENV_VAR):
            print(f"service-marathon: {error}", file=sys.stderr)
            return 2  # the folder the player named can't be used: say so, don't guess
        # the platform's own folder can't be made (a read-only home): play on
        print(f"service-marathon: {error}; progress won't be saved", file=sys.stderr)
        unsaved = str(error)
        import tempfile

        temp = Path(tempfile.mkdtemp(prefix="service-marathon-"))
        folders = Folders(temp, temp)
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import launch

    return launch(args, folders, demo=demo, unsaved=unsaved)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args.paths, args.strict)
        if args.command == "bench":
            from game.bench import run_bench

            return run_bench(args.json, args.monkey, args.headless)
        if args.command in ("graph", "paths"):
            from game.authoring import run_graph, run_paths

            if args.command == "graph":
                return run_graph(args.level, args.format)
            return run_paths(args.level)
        return run_game(args, demo=args.command == "demo")
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence: one line, and a log
        import tempfile
        import traceback

        log = Path(tempfile.gettempdir()) / "service-marathon-crash.log"
        try:
            log.write_text(traceback.format_exc(), encoding="utf-8")
            where = f"; details in {log}"
        except OSError:
            where = ""
        print(f"service-marathon: unexpected error: {error}{where}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
