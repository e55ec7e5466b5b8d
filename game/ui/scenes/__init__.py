"""The game's screens and overlays."""
