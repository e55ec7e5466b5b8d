"""Short sound cues, generated at run time (no sound files, nothing to
license): a card appears, the time is nearly up, a good or a poor answer.

The mixer opens on the first cue, not at start-up. With no audio device the
cues are silently skipped: sound is a nicety, never a reason to stop.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable

RATE = 22050
# name -> notes as (frequency in Hz, seconds); 0 Hz is a rest
CUES = {
    "card": ((660, 0.05),),
    "warning": ((880, 0.07), (0, 0.06), (880, 0.07)),
    "good": ((523, 0.08), (784, 0.14)),
    "poor": ((392, 0.09), (262, 0.16)),
}


def tone(notes, volume: float = 0.25, channels: int = 1) -> bytes:
    """16-bit samples for ``notes`` (the same on every channel), each note with
    a short fade in and out so nothing clicks."""
    samples = array("h")
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        fade = max(1, int(RATE * 0.008))
        for i in range(count):
            if frequency <= 0:
                samples.append(0)
                continue
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = math.sin(2 * math.pi * frequency * i / RATE) * volume * envelope
            samples.append(int(value * 32767))
    if channels > 1:
        samples = array("h", (value for value in samples for _ in range(channels)))
    return samples.tobytes()


class Sound:
    def __init__(self, enabled: Callable[[], bool]):
        self.enabled = enabled
        self.sounds: dict[str, object] | None = None  # None: not opened yet
        self.played: list[str] = []  # every cue asked for while enabled, for tests

    def _open(self) -> dict[str, object]:
        import pygame

        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            init = pygame.mixer.get_init()
            if init is None or init[0] != RATE or init[1] != -16:
                raise pygame.error("the output can't play 16-bit sound at our rate")
            return {name: pygame.mixer.Sound(buffer=tone(notes, channels=init[2]))
                    for name, notes in CUES.items()}
        except (pygame.error, NotImplementedError):
            return {}  # no audio device: play nothing, quietly

    def play(self, name: str) -> None:
        if not self.enabled():
            return
        self.played.append(name)
        if self.sounds is None:
            self.sounds = self._open()
        cue = self.sounds.get(name)
        if cue is not None:
            cue.play()
