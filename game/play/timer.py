"""A countdown driven by ``update(dt)``; it never reads the wall clock."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Timer:
    """Counts ``limit`` seconds down. ``speed`` < 1 gives the player more time
    (0.5 means twice as long); ``speed`` 0 means the timer never runs out."""

    limit: float
    speed: float = 1.0
    elapsed: float = 0.0
    paused: bool = False

    def update(self, dt: float) -> bool:
        """Advance by ``dt`` seconds; True on the update in which time ran out."""
        if self.paused or self.expired or dt <= 0:
            return False
        self.elapsed = min(self.limit, self.elapsed + dt * self.speed)
        if self.limit - self.elapsed < 1e-9:  # frame times summed fall a hair short
            self.elapsed = self.limit
        return self.expired

    @property
    def running(self) -> bool:
        return not self.paused and not self.expired and self.speed > 0

    @property
    def remaining(self) -> float:
        return max(0.0, self.limit - self.elapsed)

    @property
    def fraction_left(self) -> float:
        return self.remaining / self.limit if self.limit > 0 else 0.0

    @property
    def expired(self) -> bool:
        return self.speed > 0 and self.elapsed >= self.limit

    @property
    def seconds_shown(self) -> int:
        """What a player reads on the clock: whole seconds, rounded up,
        and in wall-clock seconds (so a slowed timer shows more)."""
        if self.speed <= 0:
            return 0
        wall = self.remaining / self.speed
        return int(wall) + (1 if wall % 1 > 1e-9 else 0)

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def extend(self, seconds: float) -> None:
        """Give more time (in the card's own seconds)."""
        self.limit += seconds

    def restart(self, limit: float | None = None) -> None:
        if limit is not None:
            self.limit = limit
        self.elapsed = 0.0
