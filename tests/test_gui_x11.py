"""Presentation mode and F11 under a real X server with a window manager (Xvfb and openbox, started here).

The offscreen platform applies every request at once; a window manager decides, and that is where leaving
presentation mode once left the window full screen. These tests need the Xvfb and openbox programs (Debian and
Ubuntu: apt-get install xvfb openbox) and fail, not skip, where they are missing: a check that did not run has not
passed.
"""

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREEN = [0, 0, 1920, 1080]


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def x_display(tmp_path_factory):
    """A 1920×1080 X server on a free display with openbox managing it; both stopped afterwards."""
    missing = [program for program in ("Xvfb", "openbox") if shutil.which(program) is None]
    if missing:
        pytest.fail(f"{' and '.join(missing)} not found: these tests need a real X server and a window manager "
                    "(Debian, Ubuntu: apt-get install xvfb openbox)", pytrace=False)
    home = tmp_path_factory.mktemp("x11")
    log = open(home / "x.log", "w")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten",
                             "tcp"], pass_fds=[write_end], stdout=log, stderr=log)
    os.close(write_end)
    processes = [xvfb]
    try:
        ready, _, _ = select.select([read_end], [], [], 10)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        assert number.isdigit(), f"Xvfb did not start: {(home / 'x.log').read_text()}"
        display = f":{number}"
        # openbox runs --startup once it manages the screen; its own settings and caches stay in `home`
        env = {**os.environ, "DISPLAY": display, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data")}
        started = home / "openbox-started"
        processes.append(subprocess.Popen(["openbox", "--startup", f"touch {started}"], env=env, stdout=log,
                                          stderr=log))
        for _ in range(200):
            if started.exists() or processes[-1].poll() is not None:
                break
            select.select([], [], [], 0.05)
        assert started.exists(), f"openbox did not start: {(home / 'x.log').read_text()}"
        yield display, home
    finally:
        os.close(read_end)
        for process in reversed(processes):
            _stop(process)
        log.close()


def run_window_states(display: str, home: Path) -> list[dict]:
    """tests/x11_window_states.py on `display`: one observation per key press."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data")}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "x11_window_states.py"),
                             str(home / "settings.ini")], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_presentation_and_f11_give_back_the_window_the_window_manager_had(x_display):
    """From normal, maximized and full screen: F5, then Esc or F5, and F11 twice, each back to exactly what it
    was, title bar included, with View's ticks right, and the status bar as high as before (it kept the height of
    the presentation's type)."""
    observations = run_window_states(*x_display)
    assert [o["step"] for o in observations] == [
        f"{start}: {key}" for start in ("normal", "maximized", "full screen")
        for key in ("before", "F5", "Esc back", "before", "F5", "F5 back")
        + (("F11", "F11 back") if start != "full screen" else ())]
    assert observations[0]["screen"] == SCREEN
    before = None
    for o in observations:
        start, key = o["step"].split(": ")
        assert o["widget_agrees"], o  # Qt's widget and the window manager's window are in the same state
        if key == "before":
            before = o
            assert o["states"] == [start], o
            assert o["ticked"] == (["actionFullScreen"] if start == "full screen" else []), o
            assert (o["title_bar"] > 0) == (start != "full screen"), o
        elif key in ("F5", "F11"):
            assert "full screen" in o["states"] and o["frame"] == SCREEN and o["title_bar"] == 0, o
            assert o["ticked"] == ["actionFullScreen"] + (["actionPresentation"] if key == "F5" else []), o
        else:
            kept = ("states", "frame", "title_bar", "ticked", "status_bar")
            assert {k: o[k] for k in kept} == {k: before[k] for k in kept}, o
