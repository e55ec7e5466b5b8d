"""Which stages of the marathon a player may start."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def unlocked(order: Sequence[str], finished: Collection[str], unlock_all: bool = False) -> set[str]:
    """Stage ids that can be played: the first stage, every finished one, and
    the one after each finished stage. ``order`` is the marathon order."""
    if unlock_all:
        return set(order)
    open_ids = set(order[:1])
    for index, stage_id in enumerate(order):
        if stage_id in finished:
            open_ids.add(stage_id)
            if index + 1 < len(order):
                open_ids.add(order[index + 1])
    return open_ids
