"""Hostile input: whatever a level file or the data folder holds, the game
answers in one line and goes on; nothing in a file ever runs as code."""

from __future__ import annotations

import json
import shutil

import pygame
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from uikit import open_saved_app, shown_text

from game.content.loader import load_file, load_levels, load_text
from game.content.yamlsafe import MAX_FILE_BYTES
from game.storage import read_json
from game.ui.scenes.title import TitleScene

NAME = "levels/hostile.yaml"
QUICK = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_one_line_each(problems) -> None:
    assert problems, "a file that isn't a stage must say why"
    for problem in problems:
        text = str(problem)
        assert text.startswith(f"{NAME}:") and "\n" not in text and "Traceback" not in text


@QUICK
@given(st.text(max_size=400))
def test_any_text_as_a_level_file_gives_one_line_problems_or_a_stage(text):
    stage, problems = load_text(text, NAME)
    if stage is None:
        assert_one_line_each(problems)


YAML_WORDS = st.sampled_from(["id", "title", "order", "encounters", "cards", "say", "choices",
                              "next", "effects", "end", "customer", "mood", "look", "tags",
                              "channel", "start", "text", "feedback", "on_timeout"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=True), st.text(max_size=30), YAML_WORDS)
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(YAML_WORDS, st.text(max_size=8)), inner, max_size=5)),
    max_leaves=30)


@QUICK
@given(DATA)
def test_any_yaml_data_as_a_level_gives_one_line_problems_or_a_stage(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    stage, problems = load_text(text, NAME)
    if stage is None:
        assert_one_line_each(problems)


@QUICK
@given(st.binary(max_size=300))
def test_any_bytes_as_a_level_file_give_one_line_problems(tmp_path, data):
    path = tmp_path / "hostile.yaml"
    path.write_bytes(data)
    stage, problems = load_file(path, shown_as=NAME)
    if stage is None:
        assert_one_line_each(problems)


def test_a_control_character_is_named_with_its_line():
    stage, problems = load_text("id: x\ntitle: a\x08b\n", NAME)
    assert [str(p) for p in problems] == [
        f"{NAME}:2: not valid YAML: the character U+0008 is not allowed in a level file"]


def test_a_50_mb_level_file_is_refused_by_its_size_and_the_other_stages_load(tmp_path,
                                                                          fixtures):
    shutil.copy(fixtures / "levels" / "good.yaml", tmp_path / "good.yaml")
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:  # sparse: the size is real, the disk stays empty
        stream.truncate(50 * 1024 * 1024)
    levels = load_levels([tmp_path])
    assert [stage.id for stage in levels.stages] == ["good-stage"]
    assert [str(p) for p in levels.problems] == [
        f"{huge}: the file is 52,428,800 bytes; level files are limited to "
        f"{MAX_FILE_BYTES:,} bytes"]


def test_an_alias_bomb_is_refused_before_it_is_expanded(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]"
              for n in range(1, 12)]
    stage, problems = load_text("\n".join(lines), NAME)
    assert stage is None
    assert [str(p) for p in problems] == [
        f"{NAME}:1: YAML anchors (&a0) are not allowed in level files"]


# -- the data folder --------------------------------------------------------------------------

@pytest.fixture
def folder(tmp_path):
    yield tmp_path / "data"
    pygame.quit()


def start_with(folder, files: dict[str, bytes | None]) -> object:
    """Start the game on a data folder whose files were replaced: bytes, or
    None for a folder of the same name."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
    return open_saved_app(folder)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(settings_bytes=st.binary(max_size=200), profiles_bytes=st.binary(max_size=200))
def test_random_bytes_in_the_saved_files_never_stop_the_game(tmp_path_factory, settings_bytes,
                                                              profiles_bytes):
    folder = tmp_path_factory.mktemp("data")
    try:
        app = start_with(folder, {"settings.json": settings_bytes,
                                  "profiles.json": profiles_bytes})
        assert isinstance(app.stack.top, TitleScene)
        kept = sorted(p.name for p in folder.iterdir() if ".unreadable" in p.name)
        # whatever could not be read is kept aside, never deleted
        for name, content in (("settings", settings_bytes), ("profiles", profiles_bytes)):
            aside = [k for k in kept if k.startswith(f"{name}.")]
            if aside:
                assert (folder / aside[0]).read_bytes() == content
    finally:
        pygame.quit()


def test_huge_saved_files_are_set_aside_unread(folder):
    folder.mkdir(parents=True)
    for name in ("settings.json", "profiles.json"):
        with (folder / name).open("wb") as stream:
            stream.truncate(200 * 1024 * 1024)
    app = open_saved_app(folder)
    assert isinstance(app.stack.top, TitleScene)
    assert sorted(p.name.split(".")[0] for p in folder.glob("*.unreadable.json")) == [
        "profiles", "settings"]
    assert "settings.json can't be used" in shown_text(app)


def test_folders_named_like_the_saved_files_mean_play_without_saving(folder):
    app = start_with(folder, {"settings.json": None, "profiles.json": None})
    assert isinstance(app.stack.top, TitleScene)
    app.set_text_scale(app.ctx.text_scale_index + 1)  # a change that must be saved
    app.stack.mark_dirty()
    app.step()
    assert "can't be saved" in shown_text(app)
    assert (folder / "settings.json").is_dir()  # the player's folder is left alone


def test_json_nested_beyond_reason_is_set_aside_not_a_crash(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    loaded = read_json(path, 1)
    assert loaded.document is None and loaded.problem == "damaged"
    assert json.loads((tmp_path / loaded.aside).read_text()[:1] + "]") == []
