"""Who is playing: pick, create, rename or delete a profile. On a shared
workshop laptop each participant keeps their own progress."""

from __future__ import annotations

import pygame

from game.profiles import MAX_NAME, BadName
from game.ui import input as ui_input
from game.ui.scene import MenuScene
from game.ui.theme import BODY, SMALL, TITLE
from game.ui.widgets import button, overlay

NEW, RENAME, DELETE, BACK = range(4)


def name_problem(tr, problem: str, name: str) -> str:
    """One line for a name ``Profiles.check_name`` refused."""
    if problem == "empty":
        return tr._("Type a name first.")
    if problem == "too-long":
        return tr._("A name can have at most {count} characters.").format(count=MAX_NAME)
    return tr._("“{name}” is already taken; choose another name.").format(name=name.strip())


def ask_for_new_profile(app, then=None) -> None:
    """Open the name field; a good name becomes a new profile, the current one."""
    from game.ui.scenes.dialogs import NameScene

    tr = app.ctx.tr

    def create(name: str) -> str | None:
        try:
            app.ctx.player.create_profile(name)
        except BadName as error:
            return name_problem(tr, error.args[0], name)
        app.collect_notices()
        app.stack.mark_dirty()
        if then is not None:
            app.stack.pop()  # the name field
            then()
        return None

    app.stack.push(NameScene(app, tr._("Your name"), create, limit=MAX_NAME))


class ProfilesScene(MenuScene):
    opaque = False
    closes_on_back = True

    def __init__(self, app):
        super().__init__(app)
        self.first = 0  # the first profile row shown, when they don't all fit
        self.menu = ui_input.Menu(0)
        self._sync()

    @property
    def entries(self):
        return self.app.ctx.player.profiles.entries

    def _sync(self) -> None:
        player = self.app.ctx.player
        focus = next((i for i, p in enumerate(self.entries) if p.id == player.profiles.current),
                     len(self.entries))
        self.menu.set_count(len(self.entries) + 4)
        self.menu.focus = focus
        self._layout_key = None
        self.dirty = True

    def layout(self, width, height):
        ctx = self.app.ctx
        m = ctx.metrics
        w = min(width - 2 * m.margin, m.px(640))
        title = max(m.px(56), ctx.line_height(TITLE, bold=True))
        row = max(m.px(52), ctx.line_height(BODY) + m.px(14))
        # as tall as the list needs, up to the whole window
        wanted = (2 * m.margin + title + m.gap + max(1, len(self.entries)) * (row + m.gap)
                  + 2 * ctx.line_height(SMALL) + m.gap + 2 * row + m.gap)
        h = min(height - 2 * m.margin, wanted)
        self.box = pygame.Rect((width - w) // 2, (height - h) // 2, w, h)
        inner = self.box.inflate(-2 * m.margin, -2 * m.margin)
        self.title_box = pygame.Rect(inner.left, inner.top, inner.width, title)
        buttons_top = inner.bottom - 2 * row - m.gap
        self.note_box = pygame.Rect(inner.left, buttons_top - m.gap - 2 * ctx.line_height(SMALL),
                                    inner.width, 2 * ctx.line_height(SMALL))
        list_top = self.title_box.bottom + m.gap
        self.rows_fit = max(1, (self.note_box.top - m.gap - list_top) // (row + m.gap))
        count = len(self.entries)
        focus = self.menu.focus
        if focus < count:
            if focus < self.first:
                self.first = focus
            elif focus >= self.first + self.rows_fit:
                self.first = focus - self.rows_fit + 1
        self.first = max(0, min(self.first, count - self.rows_fit))
        hidden = pygame.Rect(0, 0, 0, 0)
        rects = []
        for index in range(count):
            place = index - self.first
            rects.append(pygame.Rect(inner.left, list_top + place * (row + m.gap), inner.width,
                                     row) if 0 <= place < self.rows_fit else hidden)
        half = (inner.width - m.gap) // 2
        for index in range(4):
            rects.append(pygame.Rect(inner.left + (index % 2) * (half + m.gap),
                                     buttons_top + (index // 2) * (row + m.gap), half, row))
        self.menu.rects = rects

    def handle_event(self, event):
        handled = super().handle_event(event)
        if self.menu.changed:
            self._layout_key = None  # the list may scroll to the focus
        return handled

    def activate(self, index):
        app, count = self.app, len(self.entries)
        player = app.ctx.player
        if index < count:
            player.switch(self.entries[index].id)
            app.collect_notices()
            app.stack.pop()
            return
        action = index - count
        current = player.profile
        if action == NEW:
            ask_for_new_profile(app)
        elif action == BACK:
            app.stack.pop()
        elif current is None:
            return
        elif action == RENAME:
            self._rename(current)
        elif action == DELETE:
            self._delete(current)

    def resume(self):
        self._sync()  # a profile may have been made, renamed or deleted

    def _rename(self, profile):
        from game.ui.scenes.dialogs import NameScene

        app, tr = self.app, self.app.ctx.tr

        def rename(name: str) -> str | None:
            try:
                app.ctx.player.rename_profile(profile.id, name)
            except BadName as error:
                return name_problem(tr, error.args[0], name)
            app.collect_notices()
            self._sync()
            return None

        app.stack.push(NameScene(app, tr._("New name for {name}").format(name=profile.name),
                                 rename, text=profile.name, limit=MAX_NAME))

    def _delete(self, profile):
        from game.ui.scenes.dialogs import ConfirmScene

        app, tr = self.app, self.app.ctx.tr

        def delete():
            app.ctx.player.delete_profile(profile.id)
            app.collect_notices()
            self._sync()

        app.stack.push(ConfirmScene(
            app, tr._("Delete {name} and all of their progress? This can't be undone.")
            .format(name=profile.name), tr._("Yes, delete"), delete))

    def draw(self, surface):
        ctx = self.app.ctx
        p, m, tr = ctx.palette, ctx.metrics, ctx.tr
        player = ctx.player
        overlay(ctx, surface, self.box, tr._("Players"), self.title_box)
        current = player.profiles.current
        for index, profile in enumerate(self.entries):
            rect = self.menu.rects[index]
            if rect.width:
                # Translators: the profile now playing, in the list of players
                label = (tr._("{name} (playing)").format(name=profile.name)
                         if profile.id == current else profile.name)
                button(ctx, surface, rect, label, focused=index == self.menu.focus,
                       primary=profile.id == current)
        if not self.entries:
            note = tr._("No players yet. Make one to keep your progress.")
        elif len(self.entries) > self.rows_fit:
            note = tr._("Players {first}–{last} of {count}; arrows scroll.").format(
                first=self.first + 1, last=min(len(self.entries), self.first + self.rows_fit),
                count=len(self.entries))
        else:
            note = tr._("Enter or a click picks who plays; progress is kept for each.")
        ctx.text.draw(surface, note, m.font(SMALL), p.muted, self.note_box, valign="middle")
        count = len(self.entries)
        labels = [tr._("New player"), tr._("Rename"), tr._("Delete"), tr._("Back")]
        for action, label in enumerate(labels):
            index = count + action
            button(ctx, surface, self.menu.rects[index], label,
                   focused=index == self.menu.focus,
                   primary=False)
