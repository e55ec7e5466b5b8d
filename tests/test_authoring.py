"""The authoring commands as an author meets them: `graph` draws every card and
answer of a stage (Graphviz renders it without complaint), and `paths` lists
every way through an encounter with totals worked out by hand in
tests/fixtures/levels/paths-small.yaml and paths-cycle.yaml."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_file, load_levels
from game.content.graph import mermaid_string, to_dot, to_mermaid
from game.content.loader import load_text
from game.content.model import Outcome
from game.content.walk import MAX_PATHS, encounter_paths, stage_paths
from game.play.scoring import max_skill_total

LEVELS = "tests/fixtures/levels"
GOOD = f"{LEVELS}/good.yaml"
SMALL = f"{LEVELS}/paths-small.yaml"
CYCLE = f"{LEVELS}/paths-cycle.yaml"
SHIPPED = sorted(f"levels/{path.name}"
                 for path in (Path(__file__).parents[1] / "levels").glob("[0-9]*.yaml"))
BROKEN = f"{LEVELS}/bad/not-yaml.yaml"


def stage_of(root, name):
    stage, problems = load_file(root / name, shown_as=name)
    assert problems == []
    return stage


def stage_from(text: str):
    stage, problems = load_text(textwrap.dedent(text), "inline.yaml")
    assert [str(p) for p in problems] == []
    return stage


def graphviz() -> str:
    """The `dot` program: CI installs Graphviz, so there it must be present."""
    found = shutil.which("dot")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Graphviz's `dot` is missing; .ci/run must install graphviz")
        pytest.skip("Graphviz's `dot` is not installed (apt-get install graphviz)")
    return found


def render(dot_text: str, fmt: str) -> str:
    result = subprocess.run([graphviz(), f"-T{fmt}"], input=dot_text, capture_output=True,
                            text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def rendered_clusters(dot_text: str) -> dict[str, dict]:
    """Graphviz's own reading of the graph: per cluster, node name -> attributes
    and a Counter of (tail, head, label, style, penwidth) edges."""
    data = json.loads(render(dot_text, "json"))
    objects = {obj["_gvid"]: obj for obj in data["objects"]}
    edges = {edge["_gvid"]: edge for edge in data.get("edges", [])}
    clusters = {}
    for obj in data["objects"]:
        if not obj["name"].startswith("cluster"):
            continue
        nodes = {objects[i]["name"]: objects[i] for i in obj.get("nodes", [])}
        found = Counter()
        for i in obj.get("edges", []):
            edge = edges[i]
            found[(objects[edge["tail"]]["name"], objects[edge["head"]]["name"], edge["label"],
                   edge.get("style", ""), edge.get("penwidth", ""))] += 1
        clusters[obj["label"].split(":")[0]] = {"nodes": nodes, "edges": found}
    return clusters


# -- graph: Graphviz ------------------------------------------------------------

@pytest.mark.parametrize("level", [GOOD, SMALL, CYCLE, *SHIPPED])
def test_graphviz_renders_the_dot_output_without_a_word_of_complaint(root, level, capsys):
    assert main(["graph", str(root / level)]) == 0
    out = capsys.readouterr().out
    svg = render(out, "svg")
    assert "<svg" in svg


def test_dot_draws_every_card_and_every_answer_of_each_encounter(root):
    stage = stage_of(root, GOOD)
    clusters = rendered_clusters(to_dot(stage))
    assert set(clusters) == {"returns-desk", "phone-call"}
    for encounter in stage.encounters:
        nodes = clusters[encounter.id]["nodes"]
        prefix = encounter.id.replace("-", "_") + "__"
        assert set(nodes) == {prefix + card.replace("-", "_") for card in encounter.cards}
        assert [node["label"].split("\\n")[0] for node in nodes.values()] == list(encounter.cards)
    desk, call = "returns_desk__", "phone_call__"
    thick, dashed = ("", "3"), ("dashed", "")
    assert clusters["returns-desk"]["edges"] == Counter({
        (desk + "arrives", desk + "explains", "1: A+2 P+1 m+10", *thick): 1,
        (desk + "arrives", desk + "waits", "2: A-1 Q-2 m-10", "", ""): 1,
        (desk + "arrives", desk + "waits", "timeout: A-1 m-5", *dashed): 1,
        (desk + "waits", desk + "arrives", "1: A+1 m+5", *thick): 1,
        (desk + "waits", desk + "leaves", "2: Q-3 m-20", "", ""): 1,
        (desk + "waits", desk + "leaves", "timeout: A-2 m-15", *dashed): 1,
        (desk + "explains", desk + "thanks", "1: P+3 Q+1 m+20", *thick): 1,
        (desk + "explains", desk + "settles", "2: P+1 m-5", "", ""): 1,
        # an on_timeout without `next` repeats the card: a dashed loop
        (desk + "explains", desk + "explains", "timeout: m-10", *dashed): 1,
    })
    assert clusters["phone-call"]["edges"] == Counter({
        (call + "rings", call + "helped", "1: A+1 Q+1 m+10", *thick): 1,
        (call + "rings", call + "hangs_up", "2: A-1 m-10", "", ""): 1,
    })


def test_dot_marks_the_start_and_each_ending_by_outcome_in_colour_and_in_words(root):
    nodes = rendered_clusters(to_dot(stage_of(root, GOOD)))["returns-desk"]["nodes"]
    start = nodes["returns_desk__arrives"]
    assert float(start["penwidth"]) >= 3
    assert all("penwidth" not in node for name, node in nodes.items() if name != start["name"])
    looks = {name.split("__")[1]: (node["label"].split("\\n")[1], node["shape"],
                                   node["fillcolor"]) for name, node in nodes.items()
             if node.get("style") == "filled"}
    assert looks == {"thanks": ("SUCCESS", "ellipse", "#c8e6c9"),
                     "settles": ("PARTIAL", "hexagon", "#ffe0a3"),
                     "leaves": ("FAIL", "octagon", "#ffcdd2")}
    # six words of `say`, then an ellipsis
    assert nodes["returns_desk__explains"]["label"] == "explains\\nThe zip broke on the first…"
    assert nodes["returns_desk__waits"]["label"] == "waits\\nHello? Is anyone listening?"


def test_dot_output_explains_its_abbreviations():
    from game.content.graph import LEGEND

    legend = "\n".join(LEGEND)
    for words in ("A attention", "P problem-solving", "Q partnership", "m customer mood",
                  "Dashed edge", "Bold border", "best choice"):
        assert words in legend


NASTY = r"""
    id: 9-quotes
    order: 1
    title: 'Quotes "and" back\slash'
    summary: Text that needs escaping.
    encounters:
      - id: 1st-call
        title: "Two\nlines, a \"quote\" and a \\ backslash"
        principles: [empathy]
        channel: chat
        customer: {name: "O'Brien", look: 2, mood: 50}
        start: a-b
        cards:
          a-b:
            say: "She said \"hi\\\" | <b>#35;</b> & more words here"
            choices:
              - {text: x, next: a_b, effects: {attention: 1, mood: -5}}
              - {text: y, next: end, effects: {attention: 3}}
          a_b:
            say: "ends with a backslash\\"
            choices:
              - {text: x, next: end, effects: {partnership: 1}}
              - {text: y, next: a-b, effects: {partnership: -1}}
          end: {say: '"', end: success}
"""


def test_quotes_backslashes_and_newlines_come_out_of_graphviz_as_written():
    stage = stage_from(NASTY)
    svg = ET.fromstring(render(to_dot(stage), "svg"))
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert 'She said "hi\\" | <b>#35;</b> &…' in texts  # six words
    assert "ends with a backslash\\" in texts
    assert "1st-call: Two" in texts  # the title's newline is a line break, not a "\n"
    assert 'lines, a "quote" and a \\ backslash (O\'Brien, mood 50, chat)' in texts
    assert '"' in texts


def test_card_ids_that_differ_only_by_dash_or_underscore_stay_two_nodes():
    stage = stage_from(NASTY)
    nodes = rendered_clusters(to_dot(stage))["1st-call"]["nodes"]
    assert sorted(node["label"].split("\\n")[0] for node in nodes.values()) == \
        ["a-b", "a_b", "end"]
    assert len(nodes) == 3
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) for name in nodes)


# -- graph: Mermaid -------------------------------------------------------------

NODE_LINE = re.compile(r"^\s+([A-Za-z_]\w*)(\[\[|\(\[|\{\{|\[)\"(.*)\"(\]\]|\]\)|\}\}|\])$")
EDGE_LINE = re.compile(r"^\s+([A-Za-z_]\w*) (-->|==>|-\.->)\|\"(.*)\"\| ([A-Za-z_]\w*)$")


def mermaid_blocks(text: str) -> dict[str, dict]:
    """Per subgraph: its node ids and labels, and its edges."""
    blocks: dict[str, dict] = {}
    current = None
    for line in text.splitlines():
        if line.strip().startswith("subgraph "):
            title = re.search(r'\["(.*)"\]', line).group(1)
            current = blocks.setdefault(title.split(":")[0], {"nodes": {}, "edges": []})
        elif line.strip() == "end":
            current = None
        elif (match := NODE_LINE.match(line)) and current is not None:
            current["nodes"][match.group(1)] = (match.group(2), match.group(3))
        elif (match := EDGE_LINE.match(line)) and current is not None:
            current["edges"].append(match.group(1, 4, 2, 3))
    return blocks


def test_mermaid_has_a_subgraph_per_encounter_a_node_per_card_an_edge_per_answer(root):
    stage = stage_of(root, GOOD)
    text = to_mermaid(stage)
    assert text.startswith("flowchart ")
    blocks = mermaid_blocks(text)
    assert set(blocks) == {"returns-desk", "phone-call"}
    for encounter in stage.encounters:
        block = blocks[encounter.id]
        assert [label.split("<br/>")[0] for _, label in block["nodes"].values()] == \
            list(encounter.cards)
        choices = sum(len(card.choices) for card in encounter.cards.values())
        timeouts = sum(card.on_timeout is not None for card in encounter.cards.values())
        arrows = Counter(arrow for *_, arrow, _ in block["edges"])
        assert arrows["==>"] == sum(1 for card in encounter.cards.values() if card.choices)
        assert arrows["==>"] + arrows["-->"] == choices
        assert arrows["-.->"] == timeouts
    desk = blocks["returns-desk"]
    assert ("returns_desk__arrives", "returns_desk__explains", "==>", "1: A+2 P+1 m+10") in \
        desk["edges"]
    assert ("returns_desk__explains", "returns_desk__explains", "-.->", "timeout: m-10") in \
        desk["edges"]
    assert desk["nodes"]["returns_desk__thanks"] == ("([", "thanks<br/>SUCCESS<br/>"
                                                     "Thank you, that was quick!")
    assert desk["nodes"]["returns_desk__leaves"][1].split("<br/>")[1] == "FAIL"
    assert "class returns_desk__arrives,phone_call__rings start" in text
    assert "class returns_desk__thanks,phone_call__helped success" in text
    assert all(line.lstrip().startswith("%%") for line in text.splitlines()
               if "A attention" in line)


def test_mermaid_writes_quotes_and_markup_as_entities():
    assert mermaid_string('a "b" \\ <i>#1 | `c` & d\ne') == (
        '"a #quot;b#quot; #92; #lt;i#gt;#35;1 #124; #96;c#96; #amp; d<br/>e"')
    text = to_mermaid(stage_from(NASTY))
    nodes = mermaid_blocks(text)["1st-call"]["nodes"]
    assert len(nodes) == 3
    for _, label in nodes.values():
        assert '"' not in label and "\\" not in label and "<b>" not in label


# -- paths ----------------------------------------------------------------------

def path_rows(walk):
    return [(path.numbers, path.attention, path.problem_solving, path.partnership,
             path.total, path.mood, path.outcome, path.walked_out, path.last_card)
            for path in walk.paths]


def test_paths_of_the_small_fixture_are_the_hand_counted_ones(root):
    walk = encounter_paths(stage_of(root, SMALL).encounters[0])
    S, P, F = Outcome.SUCCESS, Outcome.PARTIAL, Outcome.FAIL
    assert path_rows(walk) == [
        ((1, 1), 2, 3, 1, 6, 60, S, False, "happy"),
        ((1, 2), 1, 0, 0, 1, 30, P, False, "settle"),
        ((2,), 3, 2, -1, 4, 0, F, True, "ask"),
        ((3,), 0, 1, 1, 2, 25, P, False, "settle"),
    ]
    assert walk.best.numbers == (1, 1)
    assert walk.worst.numbers == (1, 2)
    assert not walk.truncated


def test_paths_maximum_allows_for_the_customer_walking_out(root):
    summary = stage_paths(stage_of(root, SMALL))
    assert summary.max_total == 6
    # the game's maximum ignores mood: 2 -> 1 would earn 7, but she leaves first
    assert max_skill_total(summary.stage.encounters[0]) == 7
    assert summary.game_max == 7


def test_paths_command_prints_the_small_fixture_as_a_table(root, capsys):
    assert main(["paths", str(root / SMALL)]) == 0
    out = capsys.readouterr().out.splitlines()
    start = out.index("Encounter counter: At the counter (Ilze, mood 30 at the start): "
                      "4 path(s), 1 ending in a walk-out")
    assert out[start + 1:start + 7] == [
        "         1 → 1  A+2 P+3 Q+1 = 6  mood 60  success (happy)",
        "         1 → 2  A+1 P+0 Q+0 = 1  mood 30  partial (settle)",
        "         2      A+3 P+2 Q-1 = 4  mood 0   fail: walks out at ask",
        "         3      A+0 P+1 Q+1 = 2  mood 25  partial (settle)",
        "  best:  1 → 1  A+2 P+3 Q+1 = 6  mood 60  success (happy)",
        "  worst: 1 → 2  A+1 P+0 Q+0 = 1  mood 30  partial (settle)",
    ]
    assert out[-1] == ("Maximum score: 6 (the game gives stars against 7, "
                       "which doesn't allow for customers walking out)")


def test_paths_through_a_cycle_visit_each_card_once(root):
    stage = stage_of(root, CYCLE)
    walk = encounter_paths(stage.encounters[0])
    S, F = Outcome.SUCCESS, Outcome.FAIL
    assert path_rows(walk) == [
        ((1, 1, 2), 2, 2, 2, 6, 60, S, False, "win"),
        ((1, 2), 1, 0, -2, -1, 25, F, False, "lose"),
        ((2, 1, 2), 0, 1, -2, -1, 15, F, False, "lose"),
        ((2, 2), 0, 3, 1, 4, 50, S, False, "win"),
    ]
    assert walk.best.numbers == (1, 1, 2)
    assert walk.worst.numbers == (2, 1, 2)  # ties with 1 -> 2 at -1; lower mood
    summary = stage_paths(stage)
    assert summary.max_total == summary.game_max == 6
    [loop] = walk.loops
    assert [(step.card, step.number) for step in loop.steps] == [("a", 1), ("b", 1)]
    assert (loop.gain.skill_total, loop.gain.mood) == (2, 0)


def test_paths_command_notes_a_loop_and_that_its_points_count_once(root, capsys):
    assert main(["paths", str(root / CYCLE)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert ("  note: going round a (1) → b (1) → a again changes the mood by +0 each time; "
            "its skill points (A+1 P+0 Q+1) count only the first time") in out
    assert "  worst: 2 → 1 → 2  A+0 P+1 Q-2 = -1  mood 15  fail (lose)" in out
    assert out[-1] == "Maximum score: 6"


def test_paths_maximum_is_the_games_for_every_shipped_level(root):
    levels = load_levels([root / "levels"])
    assert levels.stages
    for stage in levels.stages:
        for walk in stage_paths(stage).encounters:
            assert not walk.truncated
            if walk.walk_outs == 0:
                assert walk.best_total == max_skill_total(walk.encounter), walk.encounter.path


def test_paths_names_a_card_that_only_a_timeout_reaches(capsys, tmp_path):
    level = tmp_path / "timeout-only.yaml"
    level.write_text(textwrap.dedent("""
        id: timeout-only
        order: 1
        title: Timeout only
        summary: A card only the timer leads to.
        encounters:
          - id: call
            title: A call
            principles: [empathy]
            channel: phone
            customer: {name: Ana, look: 2, mood: 50}
            start: ring
            cards:
              ring:
                say: Hello?
                on_timeout: silence
                choices:
                  - {text: "Hi!", next: done, effects: {attention: 1}}
                  - {text: "What?", next: done, effects: {attention: -1}}
              silence:
                say: Hello? Anyone?
                choices:
                  - {text: "Sorry!", next: done, effects: {attention: 1}}
                  - {text: "Yes?", next: done, effects: {attention: -1}}
              done: {say: Bye., end: success}
    """))
    assert main(["paths", str(level)]) == 0
    assert "  note: card 'silence' is on no path (only a timeout leads there)" in \
        capsys.readouterr().out.splitlines()


def test_paths_stop_after_ten_thousand_and_say_so(tmp_path, capsys):
    # 14 cards in a row, each with two answers to the next: 2**14 paths
    lines = ["id: many", "order: 1", "title: Many paths", "summary: Too many paths to list.",
             "encounters:", "  - id: long", "    title: A long talk",
             "    principles: [empathy]", "    channel: chat",
             "    customer: {name: Ana, look: 2, mood: 100}", "    start: c0", "    cards:"]
    for i in range(14):
        target = f"c{i + 1}" if i < 13 else "done"
        lines += [f"      c{i}:", f"        say: Card {i}", "        choices:",
                  f"          - {{text: Yes, next: {target}, effects: {{attention: 1}}}}",
                  f"          - {{text: No, next: {target}, effects: {{attention: -1}}}}"]
    lines.append("      done: {say: Bye., end: success}")
    level = tmp_path / "many.yaml"
    level.write_text("\n".join(lines) + "\n")
    walk = encounter_paths(load_file(level)[0].encounters[0])
    assert walk.truncated and len(walk.paths) == MAX_PATHS
    assert main(["paths", str(level)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Encounter long: A long talk (Ana, mood 100 at the start): 10,000 path(s), and more" \
        in out
    assert "  stopped after 10,000 paths: best, worst and the maximum count only these" in out
    assert out[-1] == "Maximum score: at least 14"


# -- both commands: what they take ----------------------------------------------

@pytest.mark.parametrize("command", [["graph"], ["graph", "--format", "mermaid"], ["paths"]])
def test_a_folder_with_one_level_is_that_level(command, root, tmp_path, capsys):
    shutil.copy(root / GOOD, tmp_path / "only.yaml")
    (tmp_path / "_draft.yaml").write_text("not loaded")
    assert main([*command, str(tmp_path)]) == 0
    assert "good-stage" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["graph", "paths"])
@pytest.mark.parametrize("case", ["missing", "empty folder", "six levels", "broken"])
def test_bad_input_gets_the_checkers_one_line_and_exit_1(command, case, root, tmp_path,
                                                         capsys, monkeypatch):
    monkeypatch.chdir(root)
    if case == "missing":
        level, line = "no-such-level.yaml", "no-such-level.yaml: no such file or folder"
    elif case == "empty folder":
        level, line = str(tmp_path), f"{tmp_path}: no level files (*.yaml) in this folder"
    elif case == "six levels":
        level, line = "levels", "levels: 6 level files in this folder; name one of them"
    else:
        level = BROKEN
        line = f"{BROKEN}:72: not valid YAML: expected ',' or '}}', but got ':'"
    assert main([command, level]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == line + "\n"


def test_a_broken_file_gets_the_same_first_line_as_check(root, capsys, monkeypatch):
    monkeypatch.chdir(root)
    assert main(["check", BROKEN]) == 1
    checked = capsys.readouterr().out.splitlines()[0]
    assert main(["graph", BROKEN]) == 1
    assert capsys.readouterr().err.splitlines() == [checked]


def test_from_the_shell_a_broken_level_never_shows_a_traceback(root):
    for command in ("graph", "paths"):
        result = subprocess.run([sys.executable, "main.py", command, BROKEN], cwd=root,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.startswith(f"{BROKEN}:72: not valid YAML")
        assert "Traceback" not in result.stderr
