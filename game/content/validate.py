"""Checks on an encounter's dialogue graph: targets exist, every card is
reachable from the start, and every reachable card can still reach an ending.
"""

from __future__ import annotations

from collections import deque

import yaml

from game.content.model import Card, Encounter, Problem


def successors(card: Card) -> list[str]:
    """Cards a card can lead to: its choices' targets and its timeout target."""
    targets = [choice.next for choice in card.choices]
    if card.on_timeout is not None and card.on_timeout.next is not None:
        targets.append(card.on_timeout.next)
    return targets


def graph_problems(encounter: Encounter, start_node: yaml.Node, file: str) -> list[Problem]:
    cards = encounter.cards
    problems: list[Problem] = []
    if encounter.start not in cards:
        return [Problem(file, start_node.start_mark.line + 1, encounter.path,
                        f"start card '{encounter.start}' is not a card in this encounter")]
    for card in cards.values():
        for choice in card.choices:
            if choice.next not in cards:
                problems.append(Problem(file, choice.line, card.path,
                                        f"next: '{choice.next}' is not a card in this encounter"))
        timeout = card.on_timeout
        if timeout is not None and timeout.next is not None and timeout.next not in cards:
            problems.append(Problem(file, timeout.line, card.path,
                                    f"on_timeout: '{timeout.next}' is not a card "
                                    "in this encounter"))
    if problems:
        return problems

    reachable = _reachable_from(encounter.start, cards)
    for card in cards.values():
        if card.id not in reachable:
            problems.append(Problem(file, card.line, card.path,
                                    f"card '{card.id}' can't be reached from the start "
                                    f"card '{encounter.start}'"))
    ending = _can_reach_ending(cards)
    for card_id in sorted(reachable - ending, key=lambda c: cards[c].line):
        card = cards[card_id]
        problems.append(Problem(file, card.line, card.path,
                                f"no path from card '{card_id}' ever reaches an ending"))
    return problems


def _reachable_from(start: str, cards: dict[str, Card]) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        for target in successors(cards[queue.popleft()]):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _can_reach_ending(cards: dict[str, Card]) -> set[str]:
    """Walk the graph backwards from every ending card."""
    incoming: dict[str, list[str]] = {card_id: [] for card_id in cards}
    for card in cards.values():
        for target in successors(card):
            incoming[target].append(card.id)
    done = {card.id for card in cards.values() if card.is_end}
    queue = deque(done)
    while queue:
        for source in incoming[queue.popleft()]:
            if source not in done:
                done.add(source)
                queue.append(source)
    return done
