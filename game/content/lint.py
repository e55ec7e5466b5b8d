"""Warnings for authors: a stage that loads but teaches poorly.

Errors stop a stage from loading; these only advise. ``check`` prints them,
and with ``--strict`` they fail the check too.
"""

from __future__ import annotations

from game.content.model import Problem, Stage, best_choice_index


def stage_warnings(stage: Stage) -> list[Problem]:
    found: list[Problem] = []

    def warn(line: int, path: str, message: str) -> None:
        found.append(Problem(stage.source, line, path, message, warning=True))

    decision_cards = 0
    best_is_longest = 0
    trained = {tag for encounter in stage.encounters for tag in encounter.principles}
    for tag in stage.principles:
        if tag not in trained:
            warn(stage.line, stage.id, f"the stage lists the principle '{tag}', "
                                       "but none of its encounters trains it")
    for encounter in stage.encounters:
        for card in encounter.cards.values():
            if not card.choices:
                continue
            for index, choice in enumerate(card.choices):
                if choice.effects.is_empty():
                    warn(choice.line, card.path, f"answer {index + 1} changes nothing: "
                                                 "give it effects")
                if not choice.feedback:
                    warn(choice.line, card.path, f"answer {index + 1} has no feedback: "
                                                 "say why it helps or hurts")
            totals = {choice.effects.skill_total for choice in card.choices}
            if len(card.choices) > 1 and len(totals) == 1:
                warn(card.line, card.path, f"every answer scores {totals.pop():+d}: "
                                           "the card can't tell a good answer from a poor one")
            decision_cards += 1
            best = best_choice_index(card.choices)
            lengths = [len(choice.text) for choice in card.choices]
            if lengths[best] == max(lengths) and lengths.count(max(lengths)) == 1:
                best_is_longest += 1
    if decision_cards and best_is_longest * 2 > decision_cards:
        warn(stage.line, stage.id,
             f"the best answer is also the longest on {best_is_longest} of {decision_cards} "
             "cards: players learn to pick the longest answer")
    return found
