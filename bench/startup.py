"""Start-up: launch to first painted window, for main.py and for the floor program, alternated.

Run by hand: python -m bench.startup [--runs N]. Each run is a fresh process timed from launch until it prints
'first paint' (both print it from a zero-delay timer after their main window's first paintEvent). Offscreen.
Python writes its bytecode caches as it does by default (an environment that sets PYTHONDONTWRITEBYTECODE would
have main.py compile its hundred modules on every start, which no installed copy does), and one untimed run of
each program comes first.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = {
    "floor (QMainWindow + PlotWidget + 3×3 table)": [sys.executable, "bench/floor_window.py"],
    "main.py": [sys.executable, "main.py", "--report-first-paint"],
    "floor + import torch before the window": [sys.executable, "-c", "import torch, runpy, sys; sys.argv = "
                                               "['floor_window.py']; runpy.run_path('bench/floor_window.py', "
                                               "run_name='__main__')"],
}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    times = {name: [] for name in PROGRAMS}
    for command in PROGRAMS.values():  # bytecode caches written, files in the OS's cache
        time_to_first_paint(command)
    for _ in range(args.runs):  # alternated, so all see the same machine load
        for name, command in PROGRAMS.items():
            times[name].append(time_to_first_paint(command))
    floor = statistics.median(times[next(iter(PROGRAMS))])
    print(f"Launch to first paint, median of {args.runs} runs (offscreen):")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:45} {median * 1e3:6.0f} ms   {median / floor:5.2f}× the floor   "
              f"(min {min(values) * 1e3:.0f} ms)")


if __name__ == "__main__":
    main()
