"""Start-up: launch to first painted window, for main.py and for the floor program, alternated.

Run by hand: python -m bench.startup [--runs N]. Each run is a fresh process timed from launch until it prints
'first paint' (both print it from a zero-delay timer after their main window's first paintEvent). Offscreen.
The floor and main.py run in pairs, in alternating order (floor first, then main.py first), and the figure is the
median of each pair's ratio: on a shared machine whose speed drifts from second to second, two runs a moment apart
see the same machine. The floor with torch imported, a second and a half of heavy loading that slows whatever runs
next, is timed after the pairs, on its own. With --instructions it also counts the instructions each program runs
to its first paint under valgrind's callgrind (half a minute each): a figure no neighbour on the machine moves.
Python writes its bytecode caches as it does by default (an environment that sets PYTHONDONTWRITEBYTECODE would
have main.py compile its hundred modules on every start, which no installed copy does), and one untimed run of
each program comes first.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "bench/floor_window.py"]
MAIN = [sys.executable, "main.py", "--report-first-paint"]
FLOOR_WITH_TORCH = [sys.executable, "-c", "import torch, runpy, sys; sys.argv = ['floor_window.py']; "
                    "runpy.run_path('bench/floor_window.py', run_name='__main__')"]


def time_to_first_paint(command: list[str]) -> float:
    scratch = tempfile.mkdtemp(prefix="bench-startup-")  # fresh settings and data: no recovery question
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": scratch, "XDG_DATA_HOME": scratch}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=env)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "first paint":
        raise RuntimeError(f"{command} did not report its first paint")
    return elapsed


def instructions_to_first_paint(command: list[str]) -> int:
    """Instructions `command` runs to its first paint (and its quit), counted by callgrind."""
    scratch = tempfile.mkdtemp(prefix="bench-startup-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": scratch, "XDG_DATA_HOME": scratch}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], cwd=ROOT,
                            capture_output=True, text=True, env=env, check=True)
    return int(re.search(r"Collected : (\d+)", result.stderr)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="pairs of runs (default 20)")
    parser.add_argument("--instructions", action="store_true", help="also count instructions with callgrind")
    args = parser.parse_args()
    for command in (FLOOR, MAIN, FLOOR_WITH_TORCH):  # bytecode caches written, files in the OS's cache
        time_to_first_paint(command)
    floor, main_py, ratios = [], [], []
    for k in range(args.runs):
        pair = (FLOOR, MAIN) if k % 2 == 0 else (MAIN, FLOOR)
        times = dict(zip(map(id, pair), map(time_to_first_paint, pair)))
        floor.append(times[id(FLOOR)])
        main_py.append(times[id(MAIN)])
        ratios.append(main_py[-1] / floor[-1])
    with_torch = [time_to_first_paint(FLOOR_WITH_TORCH) for _ in range(max(3, args.runs // 4))]
    print(f"Launch to first paint, {args.runs} pairs of runs (offscreen):")
    print(f"  main.py / floor, median of the pairs' ratios   {statistics.median(ratios):5.2f}×   "
          f"(quartiles {' – '.join(f'{q:.2f}' for q in statistics.quantiles(ratios, n=4)[::2])})")
    base = statistics.median(floor)
    for name, values in (("floor (QMainWindow + PlotWidget + 3×3 table)", floor), ("main.py", main_py),
                         ("floor + import torch before the window", with_torch)):
        median = statistics.median(values)
        print(f"  {name:45} {median * 1e3:6.0f} ms   {median / base:5.2f}× the floor's median   "
              f"(min {min(values) * 1e3:.0f} ms)")
    if args.instructions:
        if shutil.which("valgrind") is None:
            raise SystemExit("--instructions needs valgrind (Debian, Ubuntu: apt-get install valgrind)")
        counts = [instructions_to_first_paint(command) for command in (FLOOR, MAIN)]
        print(f"Instructions to first paint (callgrind): floor {counts[0] / 1e9:.3f} G, main.py "
              f"{counts[1] / 1e9:.3f} G, {counts[1] / counts[0]:.2f}× the floor")


if __name__ == "__main__":
    main()
