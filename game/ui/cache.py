"""A cache of drawn pictures with a budget in bytes, not in entries: a few
large paragraphs weigh as much as hundreds of short labels. The least
recently used go first."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import pygame

Value = TypeVar("Value")


def surface_bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


class PictureCache(Generic[Value]):
    def __init__(self, budget: int, weigh: Callable[[Value], int]):
        self.budget = budget
        self._weigh = weigh
        self._items: OrderedDict[Hashable, tuple[Value, int]] = OrderedDict()
        self.used = 0

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> Value | None:
        found = self._items.get(key)
        if found is None:
            return None
        self._items.move_to_end(key)
        return found[0]

    def put(self, key: Hashable, value: Value) -> Value:
        weight = self._weigh(value)
        if key in self._items:
            self.used -= self._items.pop(key)[1]
        self._items[key] = (value, weight)
        self.used += weight
        while self.used > self.budget and len(self._items) > 1:
            _, (_, dropped) = self._items.popitem(last=False)
            self.used -= dropped
        return value
