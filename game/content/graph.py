"""A stage's dialogue graph as Graphviz DOT or Mermaid text, for authors.

One cluster (subgraph) per encounter; a node per card, labelled with its id
and the first words of what the customer says; an edge per choice, labelled
with the choice's number and its effects; a dashed edge for each timeout the
author set. The start card has a bold border, endings are coloured and shaped
by their outcome (and name it, so a black-and-white print still reads), and
the best choice on each card is drawn bolder.

No pygame here: ``python main.py graph LEVEL`` works anywhere.
"""

from __future__ import annotations

import re

from game.content.model import SKILLS, Card, Effects, Encounter, Outcome, Stage, best_choice_index

SAY_WORDS = 6  # words of `say` shown in a card's box
ABBREVIATIONS = {"attention": "A", "problem_solving": "P", "partnership": "Q", "mood": "m"}
LEGEND = (
    "Edges: choice number (from 1, in the card's order) and its effects,",
    "  A attention, P problem-solving, Q partnership, m customer mood;",
    "  effects of 0 are left out. Thick edge: the best choice on its card.",
    "  Dashed edge: what happens when time runs out (the card's on_timeout);",
    "  cards without on_timeout repeat on a timeout (A-1 m-5), not drawn.",
    "Nodes: card id and the first words of `say`. Bold border: the encounter's",
    "  start card. Endings name their outcome and are coloured by it:",
)
DOT_SHAPES_LEGEND = "  SUCCESS green ellipse, PARTIAL amber hexagon, FAIL red octagon."
MERMAID_SHAPES_LEGEND = "  SUCCESS green stadium, PARTIAL amber hexagon, FAIL red double-sided box."
OUTCOME_STYLE = {  # shape, fill, border (Graphviz); Mermaid uses the same colours
    Outcome.SUCCESS: ("ellipse", "#c8e6c9", "#2e7d32"),
    Outcome.PARTIAL: ("hexagon", "#ffe0a3", "#b26a00"),
    Outcome.FAIL: ("octagon", "#ffcdd2", "#c62828"),
}
MERMAID_SHAPES = {  # opening and closing brackets of the node's shape
    None: ("[", "]"),
    Outcome.SUCCESS: ("([", "])"),
    Outcome.PARTIAL: ("{{", "}}"),
    Outcome.FAIL: ("[[", "]]"),
}


def effects_label(effects: Effects) -> str:
    """``A+2 P+1 Q-1 m+10``; zero effects left out ("" when all are 0)."""
    parts = [f"{ABBREVIATIONS[name]}{effects.skill(name):+d}"
             for name in (*SKILLS, "mood") if effects.skill(name)]
    return " ".join(parts)


def choice_label(number: int, effects: Effects) -> str:
    detail = effects_label(effects)
    return f"{number}: {detail}" if detail else str(number)


def timeout_label(effects: Effects) -> str:
    detail = effects_label(effects)
    return f"timeout: {detail}" if detail else "timeout"


def first_words(text: str, count: int = SAY_WORDS) -> str:
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]).rstrip(".,;:") + "…"


def card_lines(card: Card) -> list[str]:
    """The lines of a card's box: id, outcome (endings), first words of `say`."""
    lines = [card.id]
    if card.end is not None:
        lines.append(card.end.value.upper())
    lines.append(first_words(card.say))
    return lines


class _Ids:
    """Node ids that both formats accept (letters, digits, _; not starting
    with a digit), unique within one graph."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, *parts: str) -> str:
        base = re.sub(r"[^A-Za-z0-9]", "_", "__".join(parts))
        if not base or base[0].isdigit():
            base = "n_" + base
        name, count = base, 1
        while name in self.used:
            count += 1
            name = f"{base}_{count}"
        self.used.add(name)
        return name


def _node_ids(stage: Stage, ids: _Ids) -> dict[tuple[str, str], str]:
    return {(encounter.id, card_id): ids.make(encounter.id, card_id)
            for encounter in stage.encounters for card_id in encounter.cards}


def _timeout_edge(card: Card) -> tuple[str, Effects] | None:
    """The target and effects of a timeout the author set; None if the card
    has the default (repeat, A-1 m-5)."""
    if card.on_timeout is None:
        return None
    return card.on_timeout.next or card.id, card.on_timeout.effects


def _encounter_title(encounter: Encounter) -> str:
    customer = encounter.customer
    return (f"{encounter.id}: {encounter.title} "
            f"({customer.name}, mood {customer.mood}, {encounter.channel})")


# -- Graphviz ---------------------------------------------------------------

def dot_string(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines
    as Graphviz's centred line break."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def to_dot(stage: Stage) -> str:
    ids = _Ids()
    nodes = _node_ids(stage, ids)
    out = [f"// Dialogue graph of stage '{stage.id}': {stage.title}"]
    if stage.source:
        out.append(f"// from {stage.source}")
    out += [f"// {line}" for line in (*LEGEND, DOT_SHAPES_LEGEND)]
    out += [
        f"digraph {dot_string(stage.id)} {{",
        '  graph [fontname="Helvetica", rankdir=TB, newrank=true];',
        '  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded"];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for encounter in stage.encounters:
        out.append(f"  subgraph {ids.make('cluster', encounter.id)} {{")
        out.append(f"    label={dot_string(_encounter_title(encounter))};")
        out.append('    style="rounded"; color="#888888"; fontsize=13;')
        for card in encounter.cards.values():
            out.append(f"    {nodes[encounter.id, card.id]} [{_dot_node_attrs(encounter, card)}];")
        for card in encounter.cards.values():
            source = nodes[encounter.id, card.id]
            best = best_choice_index(card.choices) if card.choices else None
            for index, choice in enumerate(card.choices):
                attrs = [f"label={dot_string(choice_label(index + 1, choice.effects))}"]
                if index == best:
                    attrs.append("penwidth=3")
                target = nodes[encounter.id, choice.next]
                out.append(f"    {source} -> {target} [{', '.join(attrs)}];")
            timeout = _timeout_edge(card)
            if timeout is not None:
                target = nodes[encounter.id, timeout[0]]
                label = dot_string(timeout_label(timeout[1]))
                out.append(f'    {source} -> {target} [label={label}, style=dashed, '
                           'color="#666666", fontcolor="#444444"];')
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def _dot_node_attrs(encounter: Encounter, card: Card) -> str:
    attrs = [f"label={dot_string(chr(10).join(card_lines(card)))}"]
    if card.end is not None:
        shape, fill, border = OUTCOME_STYLE[card.end]
        attrs += [f"shape={shape}", 'style="filled"', f'fillcolor="{fill}"', f'color="{border}"']
    if card.id == encounter.start:
        attrs.append("penwidth=3.5")
    return ", ".join(attrs)


# -- Mermaid ----------------------------------------------------------------

_MERMAID_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;",
                     "`": "#96;", "\\": "#92;", "|": "#124;"}


def mermaid_string(text: str) -> str:
    """A Mermaid quoted label: characters Mermaid would read as syntax (or
    HTML) written as its #entities; newlines as <br/>."""
    text = "".join(_MERMAID_ENTITIES.get(char, char) for char in text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")
    return f'"{text}"'


def to_mermaid(stage: Stage) -> str:
    ids = _Ids()
    nodes = _node_ids(stage, ids)
    out = ["flowchart TB",
           f"  %% Dialogue graph of stage '{stage.id}': {_comment(stage.title)}"]
    if stage.source:
        out.append(f"  %% from {_comment(stage.source)}")
    out += [f"  %% {line}" for line in (*LEGEND, MERMAID_SHAPES_LEGEND)]
    starts: list[str] = []
    endings: dict[Outcome, list[str]] = {outcome: [] for outcome in Outcome}
    for encounter in stage.encounters:
        cluster = ids.make("cluster", encounter.id)
        out.append(f"  subgraph {cluster} [{mermaid_string(_encounter_title(encounter))}]")
        out.append("    direction TB")
        for card in encounter.cards.values():
            node = nodes[encounter.id, card.id]
            opening, closing = MERMAID_SHAPES[card.end]
            label = mermaid_string("\n".join(card_lines(card)))
            out.append(f"    {node}{opening}{label}{closing}")
            if card.id == encounter.start:
                starts.append(node)
            if card.end is not None:
                endings[card.end].append(node)
        for card in encounter.cards.values():
            source = nodes[encounter.id, card.id]
            best = best_choice_index(card.choices) if card.choices else None
            for index, choice in enumerate(card.choices):
                arrow = "==>" if index == best else "-->"
                label = mermaid_string(choice_label(index + 1, choice.effects))
                out.append(f"    {source} {arrow}|{label}| {nodes[encounter.id, choice.next]}")
            timeout = _timeout_edge(card)
            if timeout is not None:
                label = mermaid_string(timeout_label(timeout[1]))
                out.append(f"    {source} -.->|{label}| {nodes[encounter.id, timeout[0]]}")
        out.append("  end")
    for outcome, (_shape, fill, border) in OUTCOME_STYLE.items():
        out.append(f"  classDef {outcome.value} fill:{fill},stroke:{border},color:#000000")
    out.append("  classDef start stroke-width:4px")
    for outcome, members in endings.items():
        if members:
            out.append(f"  class {','.join(members)} {outcome.value}")
    if starts:
        out.append(f"  class {','.join(starts)} start")
    return "\n".join(out) + "\n"


def _comment(text: str) -> str:
    """Text safe inside a one-line %% comment."""
    return " ".join(text.split())
