"""Saved data survives every fault: corrupt files are set aside (never
deleted), a crash mid-save leaves the old file, two writers never mix."""

from __future__ import annotations

import json
import os
import threading

import pytest

from game.play.progress import Attempt, DecisionRecord, Progress
from game.profiles import MAX_NAME, BadName, Profiles
from game.settings import TIMER_MODES, Settings
from game.storage import (
    PORTABLE_FOLDER,
    Folders,
    SaveError,
    read_json,
    resolve_folders,
    write_json,
)

NOON = 1_795_000_000.0  # a fixed clock for the names of set-aside files


def clock():
    return NOON


def stamp():
    import time

    return time.strftime("%Y%m%d-%H%M%S", time.localtime(NOON))


def attempt(stage="first-contact", stars=2, total=(3, 4, 5)):
    skills = dict(zip(("attention", "problem_solving", "partnership"), total, strict=True))
    return Attempt(stage, NOON, stars, skills, {"e1": "success"},
                   (DecisionRecord("e1", "start", 1, 2, 4.5,
                                   {"attention": 1, "problem_solving": 0, "partnership": 0,
                                    "mood": 5}),
                    DecisionRecord("e1", "next", None, 0, 30.0,
                                   {"attention": -1, "problem_solving": 0, "partnership": 0,
                                    "mood": -5})))


# -- reading and writing -----------------------------------------------------------

def test_a_document_round_trips_with_diacritics(tmp_path):
    path = tmp_path / "doc.json"
    write_json(path, {"version": 1, "name": "Jānis Ūdris ų õ 🏃"})
    assert read_json(path, 1).document == {"version": 1, "name": "Jānis Ūdris ų õ 🏃"}
    assert "Jānis" in path.read_text(encoding="utf-8")  # readable, not \u-escaped
    assert [p.name for p in tmp_path.iterdir()] == ["doc.json"]  # no temp file left


def test_a_missing_file_is_no_problem(tmp_path):
    loaded = read_json(tmp_path / "none.json", 1)
    assert (loaded.document, loaded.problem, loaded.aside) == (None, None, None)


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b'{"version": 1, "stages": {"a": ', "damaged"),  # truncated
    (b"\xff\xfe not utf-8", "damaged"),
    (b"stars: 3", "damaged"),  # not JSON
    (b"[1, 2]", "no-version"),
    (b'{"stages": {}}', "no-version"),
    (b'{"version": "2"}', "no-version"),
    (b'{"version": true}', "no-version"),
    (b'{"version": 99}', "newer"),
    (b'{"version": 0}', "no-upgrade"),
])
def test_an_unusable_file_is_moved_aside_with_a_timestamp_never_deleted(tmp_path, content,
                                                                         problem):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded = read_json(path, 2, {1: lambda d: {**d, "version": 2}}, now=clock)
    assert loaded.document is None and loaded.problem == problem
    assert loaded.aside == f"settings.{stamp()}.unreadable.json"
    assert not path.exists()
    assert (tmp_path / loaded.aside).read_bytes() == content


def test_a_second_bad_file_in_the_same_second_does_not_overwrite_the_first(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("one")
    first = read_json(path, 1, now=clock).aside
    path.write_text("two")
    second = read_json(path, 1, now=clock).aside
    assert first != second
    assert (tmp_path / first).read_text() == "one" and (tmp_path / second).read_text() == "two"


def test_a_crash_between_writing_the_temp_file_and_replacing_keeps_the_old_file(
        tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    write_json(path, {"version": 1, "stars": 1})

    def crash(*args):
        raise KeyboardInterrupt  # the process dies here: nothing after runs

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_json(path, {"version": 1, "stars": 3})
    monkeypatch.undo()
    assert read_json(path, 1).document == {"version": 1, "stars": 1}


def test_a_read_only_folder_gives_a_one_line_save_error(tmp_path, monkeypatch):
    # chmod can't stop root (CI runs as root), so the refusal is simulated
    # where the operating system would give it: creating the temp file.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("game.storage.os.open", refuse)
    with pytest.raises(SaveError) as error:
        write_json(tmp_path / "settings.json", {"version": 1})
    assert str(error.value) == "can't save settings.json: Permission denied"


def test_a_full_disk_gives_a_one_line_save_error_and_keeps_the_old_file(tmp_path,
                                                                         monkeypatch):
    path = tmp_path / "progress.json"
    write_json(path, {"version": 1, "stars": 1})

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as error:
        write_json(path, {"version": 1, "stars": 3})
    monkeypatch.undo()
    assert str(error.value) == "can't save progress.json: No space left on device"
    assert read_json(path, 1).document == {"version": 1, "stars": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["progress.json"]


def test_two_writers_at_once_never_leave_a_mixed_file(tmp_path):
    path = tmp_path / "progress.json"
    big = {"version": 1, "a": ["x" * 1000] * 200}
    other = {"version": 1, "b": ["y" * 1000] * 200}
    errors = []

    def writer(document):
        try:
            for _ in range(30):
                write_json(path, document)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(doc,)) for doc in (big, other)]
    for thread in threads:
        thread.start()
    seen = []
    while any(thread.is_alive() for thread in threads):
        loaded = read_json(path, 1)
        if loaded.document is not None:
            seen.append(loaded.document)
        assert loaded.problem is None, loaded
    for thread in threads:
        thread.join()
    assert not errors
    assert all(doc in (big, other) for doc in seen)
    assert json.loads(path.read_text(encoding="utf-8")) in (big, other)


# -- folders -----------------------------------------------------------------------

def test_data_dir_option_beats_the_environment_and_portable_mode(tmp_path):
    (tmp_path / PORTABLE_FOLDER).mkdir()
    env = {"SERVICE_MARATHON_DATA": str(tmp_path / "env")}
    assert resolve_folders(str(tmp_path / "opt"), tmp_path, env) == Folders(
        tmp_path / "opt", tmp_path / "opt")
    assert resolve_folders(None, tmp_path, env) == Folders(tmp_path / "env", tmp_path / "env")
    portable = tmp_path / PORTABLE_FOLDER
    assert resolve_folders(None, tmp_path, {}) == Folders(portable, portable)


def test_without_overrides_settings_and_progress_go_to_the_platform_folders(tmp_path):
    folders = resolve_folders(None, tmp_path, {})
    assert folders.config.name == "service-marathon"
    assert folders.data.name == "service-marathon"
    assert tmp_path not in folders.config.parents


# -- progress ----------------------------------------------------------------------

def test_progress_round_trips_with_every_decision(tmp_path):
    progress = Progress()
    progress.add(attempt())
    path = tmp_path / "p.json"
    write_json(path, progress.to_json())
    again = Progress.from_json(read_json(path, 2).document)
    assert again == progress
    assert again.attempts[0].decisions[1].choice is None  # a timeout stays a timeout


def test_the_best_result_per_stage_keeps_the_most_stars_then_points():
    progress = Progress()
    progress.add(attempt(stars=2, total=(5, 5, 5)))
    progress.add(attempt(stars=1, total=(9, 9, 9)))
    assert progress.stages["first-contact"].stars == 2
    progress.add(attempt(stars=2, total=(6, 5, 5)))
    assert progress.stages["first-contact"].total == 16
    assert len(progress.attempts) == 3


def test_a_version_1_progress_file_is_upgraded(tmp_path):
    profiles = Profiles(tmp_path, now=clock)
    path = profiles.progress_file("abc")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"version": 1, "finished": {
        "first-contact": {"stars": 3, "skills": {"attention": 9, "problem_solving": 8,
                                                 "partnership": 7}}}}))
    progress = profiles.load_progress("abc")
    assert progress.finished == {"first-contact"}
    assert progress.stages["first-contact"].total == 24
    assert progress.attempts == []
    assert profiles.problems == []


def test_progress_with_the_right_version_but_wrong_shape_is_set_aside(tmp_path):
    profiles = Profiles(tmp_path, now=clock)
    path = profiles.progress_file("abc")
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 2, "stages": {"a": {"stars": "many"}}}')
    assert profiles.load_progress("abc") == Progress()
    (name, loaded), = profiles.problems
    assert (name, loaded.problem) == ("abc.json", "damaged")
    assert (path.parent / loaded.aside).exists()


# -- profiles ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Jānis Bērziņš", "Õie Tõnisson", "Žydrūnė Šaltė",
                                  "🏃 Team Ų", "x" * MAX_NAME])
def test_profile_names_in_any_language_survive_a_restart(tmp_path, name):
    profiles = Profiles(tmp_path)
    created = profiles.create(name)
    profiles.save()
    again = Profiles(tmp_path)
    again.load()
    assert [p.name for p in again.entries] == [name]
    assert again.current == created.id


@pytest.mark.parametrize("name, problem", [("", "empty"), ("   \t", "empty"),
                                           ("x" * 200, "too-long"), ("ANNA", "taken"),
                                           (" anna ", "taken")])
def test_bad_profile_names_are_refused_with_a_reason(tmp_path, name, problem):
    profiles = Profiles(tmp_path)
    profiles.create("Anna")
    with pytest.raises(BadName) as error:
        profiles.create(name)
    assert error.value.args == (problem,)
    assert [p.name for p in profiles.entries] == ["Anna"]


def test_rename_keeps_the_progress_and_delete_removes_it(tmp_path):
    profiles = Profiles(tmp_path)
    anna = profiles.create("Anna")
    progress = Progress()
    progress.add(attempt())
    profiles.save_progress(anna.id, progress)
    profiles.rename(anna.id, "anna")  # a new spelling of one's own name is fine
    assert profiles.get(anna.id).name == "anna"
    assert profiles.load_progress(anna.id) == progress
    profiles.delete(anna.id)
    assert profiles.entries == [] and profiles.current is None
    assert not profiles.progress_file(anna.id).exists()


def test_a_corrupt_profiles_file_is_set_aside_and_the_game_starts_afresh(tmp_path):
    (tmp_path / "profiles.json").write_text('{"version": 1, "profiles": [{"id": ')
    profiles = Profiles(tmp_path, now=clock)
    profiles.load()
    assert profiles.entries == []
    (name, loaded), = profiles.problems
    assert (name, loaded.problem) == ("profiles.json", "damaged")
    assert (tmp_path / f"profiles.{stamp()}.unreadable.json").exists()


# -- settings ----------------------------------------------------------------------

def test_settings_keep_good_values_and_drop_bad_ones():
    data = {"version": 1, "language": "lv", "text_scale_index": 9, "timer": "relaxed",
            "fullscreen": "yes", "sound": False, "unknown": 1}
    settings = Settings.from_json(data, {"en", "lv"}, 5)
    assert settings == Settings(language="lv", timer="relaxed", sound=False)


def test_timer_modes_follow_wcag_2_2_1():
    assert TIMER_MODES == {"normal": 1.0, "relaxed": 2.0, "extended": 10.0, "off": None}
    assert Settings(timer="extended").timer_factor == 10.0
    assert Settings(timer="off").timer_factor is None


def test_settings_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(language="lt", text_scale_index=4, high_contrast=True, timer="off")
    write_json(path, settings.to_json())
    assert Settings.from_json(read_json(path, 1).document, {"lt"}, 5) == settings
