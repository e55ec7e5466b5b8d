"""Authoring commands: ``graph`` (a stage's dialogue as Graphviz DOT or
Mermaid) and ``paths`` (every way through each encounter, with its score).

Both take one level file, or a folder holding exactly one. A level that
doesn't load answers with the checker's problem lines on stderr and exit 1,
never a traceback. No pygame here.
"""

from __future__ import annotations

import os
import sys

from game.content.loader import level_files, load_file
from game.content.model import Problem, Stage
from game.content.walk import MAX_PATHS, EncounterPaths, Loop, Path, StagePaths, stage_paths

MAX_PROBLEM_LINES = 5  # the rest: "run check"
FORMATS = ("dot", "mermaid")


def load_level(level: str) -> tuple[Stage | None, list[str]]:
    """The stage in ``level`` (a file, or a folder with one level file), or
    the lines that say why there is none."""
    files, problems = level_files([level])
    if not problems and len(files) > 1:
        problems = [Problem(level, None, None,
                            f"{len(files)} level files in this folder; name one of them")]
    if problems:
        return None, [str(problem) for problem in problems]
    stage, problems = load_file(files[0])
    if stage is None:
        lines = [str(problem) for problem in problems[:MAX_PROBLEM_LINES]]
        if len(problems) > MAX_PROBLEM_LINES:
            lines.append(f"{files[0]}: {len(problems) - MAX_PROBLEM_LINES} more problem(s); "
                         f"see: service-marathon check {files[0]}")
        return None, lines
    return stage, []


def run_graph(level: str, fmt: str = "dot") -> int:
    from game.content.graph import to_dot, to_mermaid

    stage, errors = load_level(level)
    if stage is None:
        return _fail(errors)
    _emit(to_dot(stage) if fmt == "dot" else to_mermaid(stage))
    return 0


def run_paths(level: str) -> int:
    stage, errors = load_level(level)
    if stage is None:
        return _fail(errors)
    _emit(format_paths(stage_paths(stage)))
    return 0


# -- the paths table ----------------------------------------------------------

def format_paths(summary: StagePaths) -> str:
    stage = summary.stage
    source = f" ({stage.source})" if stage.source else ""
    out = [f"Stage {stage.id}: {_one_line(stage.title)}{source}",
           "Choices are numbered from 1 on each card; "
           "A attention, P problem-solving, Q partnership.",
           "A path visits a card at most once; timeouts are not followed."]
    for walk in summary.encounters:
        out.append("")
        out += _encounter_lines(walk)
    out.append("")
    out.append(_maximum_line(summary))
    return "\n".join(out) + "\n"


def _encounter_lines(walk: EncounterPaths) -> list[str]:
    encounter = walk.encounter
    customer = encounter.customer
    count = f"{len(walk.paths):,} path(s)" + (", and more" if walk.truncated else "")
    if walk.walk_outs:
        count += f", {walk.walk_outs} ending in a walk-out"
    lines = [f"Encounter {encounter.id}: {_one_line(encounter.title)} "
             f"({_one_line(customer.name)}, mood {customer.mood} at the start): {count}"]
    rows = [_row(path) for path in walk.paths]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    lines += [f"  {'':7}{_join(row, widths)}" for row in rows]
    if walk.truncated:
        lines.append(f"  stopped after {MAX_PATHS:,} paths: best, worst and the maximum "
                     "count only these")
    for name, path in (("best:  ", walk.best), ("worst: ", walk.worst)):
        if path is not None:
            lines.append(f"  {name}{_join(_row(path), widths)}")
    if walk.best is None:
        lines.append("  no path reaches an ending without going back to a card already visited")
    for loop in walk.loops:
        lines.append(f"  note: {_loop_text(loop)}")
    for card_id in walk.off_path:
        lines.append(f"  note: card '{card_id}' is on no path "
                     f"({_off_path_reason(walk, card_id)})")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _row(path: Path) -> tuple[str, str, str, str]:
    choices = " → ".join(map(str, path.numbers)) or "(no choice)"
    skills = (f"A{path.attention:+d} P{path.problem_solving:+d} "
              f"Q{path.partnership:+d} = {path.total}")
    mood = f"mood {path.mood}"
    if path.walked_out:
        outcome = f"{path.outcome.value}: walks out at {path.last_card}"
    else:
        outcome = f"{path.outcome.value} ({path.last_card})"
    return choices, skills, mood, outcome


def _join(row: tuple[str, ...], widths: list[int]) -> str:
    """The row's columns padded to ``widths``; the last one as it is."""
    cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
    return "  ".join([*cells, row[-1]])


def _loop_text(loop: Loop) -> str:
    way = " → ".join(f"{step.card} ({step.number})" for step in loop.steps)
    gain = loop.gain
    return (f"going round {way} → {loop.steps[0].card} again changes the mood by "
            f"{gain.mood:+d} each time; its skill points (A{gain.attention:+d} "
            f"P{gain.problem_solving:+d} Q{gain.partnership:+d}) count only the first time")


def _off_path_reason(walk: EncounterPaths, card_id: str) -> str:
    cards = walk.encounter.cards
    seen = {walk.encounter.start}
    todo = [walk.encounter.start]
    while todo:
        for choice in cards[todo.pop()].choices:
            if choice.next not in seen:
                seen.add(choice.next)
                todo.append(choice.next)
    if card_id not in seen:
        return "only a timeout leads there"
    return "every way on from it goes back to a card already visited, or the customer walks out"


def _maximum_line(summary: StagePaths) -> str:
    bests = [walk.best_total for walk in summary.encounters]
    sums = " + ".join(map(str, bests)) + " = " if len(bests) > 1 else ""
    at_least = "at least " if summary.truncated else ""
    line = f"Maximum score: {at_least}{sums}{summary.max_total}"
    game_max = summary.game_max
    if game_max is not None and game_max != summary.max_total:
        line += (f" (the game gives stars against {game_max}, "
                 "which doesn't allow for customers walking out)")
    return line


# -- output -------------------------------------------------------------------

def _fail(lines: list[str]) -> int:
    for line in lines:
        _emit(line + "\n", sys.stderr)
    return 1


def _emit(text: str, stream=None) -> None:
    """Write ``text``; on a console that can't show a character (→, …), a
    replacement mark instead of a crash."""
    stream = stream or sys.stdout
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "replace").decode(encoding))
        stream.flush()
    except BrokenPipeError:  # `| head` stopped reading: nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())


__all__ = ["FORMATS", "format_paths", "load_level", "run_graph", "run_paths"]
