"""The pygame layer: scenes, widgets, text and drawn pictures."""
