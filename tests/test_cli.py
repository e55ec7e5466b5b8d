"""The command line as a user meets it: exit codes and exact one-line answers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.cli import main

BAD = "tests/fixtures/levels/bad"


def run_cli(root, *args, env_extra=None):
    import os

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "main.py", *args], cwd=root, capture_output=True,
                          text=True, timeout=120, env=env)


def test_check_passes_on_the_shipped_levels(capsys):
    assert main(["check"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("6 stage(s) and the catalogs checked: ")


def test_check_names_file_line_and_card_path(capsys, root):
    path = root / BAD / "next-missing-card.yaml"
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"{path}:")
    assert "good-stage/returns-desk/" in out[0]
    assert out[0].endswith("is not a card in this encounter")


def test_check_on_every_broken_file_never_shows_a_traceback(root):
    result = run_cli(root, "check", BAD, "no-such-file.yaml")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    files = sorted((root / BAD).glob("*.yaml"))
    assert len(lines) >= len(files) + 1
    for file in files:
        assert any(line.startswith(f"{BAD}/{file.name}:") for line in lines), file.name
    assert "no-such-file.yaml: no such file or folder" in lines


def test_check_on_a_folder_without_levels(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().out.strip() == f"{tmp_path}: no level files (*.yaml) in this folder"


@pytest.mark.parametrize("args, message", [
    (["--lang", "xx"],
     "service-marathon: argument --lang: unknown language 'xx'; available: en, lv, et, lt"
     " (see --help)"),
    (["--window", "12"],
     "service-marathon: argument --window: expected WIDTHxHEIGHT between 320x240 and "
     "7680x4320, such as 1280x720, not '12' (see --help)"),
    (["--window", "100x100"],
     "service-marathon: argument --window: expected WIDTHxHEIGHT between 320x240 and "
     "7680x4320, such as 1280x720, not '100x100' (see --help)"),
    (["--frames", "0"],
     "service-marathon: argument --frames: expected a whole number above 0, not '0'"
     " (see --help)"),
])
def test_bad_options_get_one_line_and_exit_2(args, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip() == message


def test_a_data_dir_that_is_a_file_gets_one_line_and_exit_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--headless", "--data-dir", str(blocker)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"service-marathon: the data folder {blocker} is a file, not a folder")


def test_a_data_dir_that_cannot_be_created_gets_one_line_and_exit_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--headless", "--data-dir", str(blocker / "inside")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"service-marathon: can't create the data folder {blocker / 'inside'}:")
    assert "\n" not in err


def test_frames_option_quits_after_that_many_frames(root, tmp_path):
    result = run_cli(root, "--headless", "--frames", "3", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("strategy", ["best", "random"])
def test_demo_plays_every_stage_and_prints_one_json_line(root, tmp_path, strategy):
    from game.content import load_levels

    result = run_cli(root, "demo", "--headless", "--seed", "1", "--strategy", strategy,
                     "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    stages = load_levels([root / "levels"]).stages
    assert [s["id"] for s in summary["stages"]] == [s.id for s in stages]
    assert summary["frames"] > 0
    assert set(summary["totals"]) == {"attention", "problem_solving", "partnership"}
    for played, stage in zip(summary["stages"], stages, strict=True):
        assert len(played["outcomes"]) == len(stage.encounters)
        if strategy == "best":
            assert played["stars"] == 3, played


def test_no_screen_gets_one_line_that_names_the_way_out(root, tmp_path):
    result = run_cli(root, "--data-dir", str(tmp_path),
                     env_extra={"SDL_VIDEODRIVER": "no-such-driver"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("service-marathon: can't open a window (")
    assert lines[0].endswith("); on a machine without a screen, add --headless")


def test_a_window_option_before_the_command_is_kept_by_it():
    from game.cli import build_parser

    args = build_parser().parse_args(["--headless", "--lang", "lt", "demo", "--teams", "3"])
    assert (args.headless, args.lang, args.teams) == (True, "lt", 3)
    args = build_parser().parse_args(["demo", "--headless"])
    assert args.headless and args.lang is None
