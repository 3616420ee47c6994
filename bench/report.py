#!/usr/bin/env python3
"""Build the Markdown table of bench/run.sh from hyperfine's JSON exports.

Usage: report.py DIR

DIR is the temporary directory written by run.sh. It holds
  programs            one program name a line ("empty" is the start-up row)
  library             the library programs among them (no Lua version: mlpy and
                      CPython only), one a line; they get rows of their own after the
                      interpreter programs' geometric mean, and a mean of their own
  runs, rounds        the runs per command in a round, and the number of rounds
  profile             whether the --profile column is wanted
  NAME.roundK.json    hyperfine --export-json output of round K (commands named mlpy,
                      python3, lua, mlpy_profile); the medians are over every round's
                      runs
  NAME.IMPL.mem       output of /usr/bin/time -f %M: peak RSS in KiB
  NAME.status         "IMPL ok|fail|mismatch" lines
"""

import json
import math
import os
import statistics
import sys


def read_lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [line.strip() for line in f if line.strip()]
    except OSError:
        return []


def fmt_time(seconds):
    if seconds is None:
        return "—"
    if seconds < 1.0:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.3f} s"


def fmt_ratio(value):
    return "—" if value is None else f"{value:.2f}x"


def fmt_mem(kib):
    return "—" if kib is None else f"{kib / 1024:.1f} MB"


def ratio(other, base):
    if other is None or base is None or base <= 0:
        return None
    return other / base


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def load_program(directory, name):
    """Returns {impl: {"median": s or None, "mem": KiB or None, "state": str}}."""
    data = {}
    for line in read_lines(os.path.join(directory, name + ".status")):
        impl, _, state = line.partition(" ")
        data[impl] = {"median": None, "mem": None, "state": state}
    times = {}
    prefix = name + ".round"
    for file in sorted(os.listdir(directory)):
        if not (file.startswith(prefix) and file.endswith(".json")):
            continue
        try:
            with open(os.path.join(directory, file), encoding="utf-8") as f:
                results = json.load(f).get("results", [])
        except (OSError, ValueError):
            results = []
        for result in results:
            times.setdefault(result["command"], []).extend(result.get("times") or [])
    for command, runs in times.items():
        entry = data.setdefault(command, {"median": None, "mem": None, "state": "ok"})
        entry["median"] = statistics.median(runs) if runs else None
    for impl, entry in data.items():
        # /usr/bin/time writes "Command exited with non-zero status N" before the number
        # when the command fails; the last line is the number.
        lines = read_lines(os.path.join(directory, f"{name}.{impl}.mem"))
        if lines and lines[-1].isdigit():
            entry["mem"] = int(lines[-1])
    return data


def cell(entry, key, formatter):
    if entry is None:
        return "—"
    if entry["state"] == "fail":
        return "FAIL"
    text = formatter(entry[key])
    if entry["state"] == "mismatch":
        text += " (!)"
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    programs = read_lines(os.path.join(directory, "programs"))
    library = set(read_lines(os.path.join(directory, "library")))
    runs = (read_lines(os.path.join(directory, "runs")) or ["?"])[0]
    rounds = (read_lines(os.path.join(directory, "rounds")) or ["1"])[0]
    profile = (read_lines(os.path.join(directory, "profile")) or ["0"])[0] == "1"

    header = ["program", "mlpy median", "python3 median", "lua median",
              "python/mlpy", "lua/mlpy", "mlpy max RSS", "python3 max RSS", "lua max RSS"]
    if profile:
        header += ["mlpy --profile median", "profile/mlpy"]
    rows = []
    # Ratios per group: interpreter programs (the start-up row excluded) and library ones.
    ratios = {"core": ([], [], []), "library": ([], [], [])}
    slower = []
    problems = []

    def mean_row(label, group, with_lua):
        py_list, lua_list, prof_list = ratios[group]
        counted = sum(1 for r in py_list if r is not None)
        row = [f"**{label}** ({counted} of {len(py_list)} programs)", "", "", "",
               fmt_ratio(geomean(py_list)),
               fmt_ratio(geomean(lua_list)) if with_lua else "—", "", "", ""]
        if profile:
            row += ["", fmt_ratio(geomean(prof_list))]
        return row

    def add_program(name):
        data = load_program(directory, name)
        mlpy, py, lua = data.get("mlpy"), data.get("python3"), data.get("lua")
        prof = data.get("mlpy_profile")

        def median(entry):
            return entry["median"] if entry and entry["state"] != "fail" else None

        r_py = ratio(median(py), median(mlpy))
        r_lua = ratio(median(lua), median(mlpy))
        r_prof = ratio(median(prof), median(mlpy))
        # A ratio is only meaningful when both sides did the same work: a ratio
        # involving a mismatching output is marked (!) and left out of the means.
        valid = lambda entry: mlpy is not None and mlpy["state"] == "ok" \
            and entry is not None and entry["state"] == "ok"

        def ratio_cell(value, entry):
            text = fmt_ratio(value)
            return text if value is None or valid(entry) else text + " (!)"

        label = "start-up (empty program)" if name == "empty" else name
        row = [label,
               cell(mlpy, "median", fmt_time), cell(py, "median", fmt_time),
               cell(lua, "median", fmt_time), ratio_cell(r_py, py), ratio_cell(r_lua, lua),
               cell(mlpy, "mem", fmt_mem), cell(py, "mem", fmt_mem), cell(lua, "mem", fmt_mem)]
        if profile:
            row += [cell(prof, "median", fmt_time), ratio_cell(r_prof, prof)]
        rows.append(row)
        if name != "empty":
            py_list, lua_list, prof_list = ratios["library" if name in library else "core"]
            py_list.append(r_py if valid(py) else None)
            lua_list.append(r_lua if valid(lua) else None)
            prof_list.append(r_prof if valid(prof) else None)
        if name in library and r_py is not None and valid(py) and r_py < 1.0:
            slower.append(f"{name} ({fmt_ratio(r_py)})")
        for impl, entry in data.items():
            if entry["state"] != "ok":
                problems.append(f"{name}: {impl} {entry['state']}")

    for name in programs:
        if name not in library:
            add_program(name)
    lib_programs = [name for name in programs if name in library]
    if ratios["core"][0] or not lib_programs:
        rows.append(mean_row("geometric mean", "core", True))
    for name in lib_programs:
        add_program(name)
    if lib_programs:
        rows.append(mean_row("geometric mean, library programs", "library", False))

    if rounds == "1":
        timing = f"Median wall time of {runs} runs (after 1 warm-up run)"
    else:
        total = int(runs) * int(rounds) if runs.isdigit() and rounds.isdigit() else "?"
        timing = (f"Median wall time of {total} runs ({rounds} rounds of {runs}, going "
                  f"through the implementations in turn, after 1 warm-up run)")
    out = [f"{timing}; max RSS from one run.",
           "Ratios are OTHER median / mlpy median: above 1.00x mlpy is faster, below "
           "1.00x it is slower.",
           ""]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    if lib_programs:
        compared = sum(1 for r in ratios["library"][0] if r is not None)
        missing = len(lib_programs) - compared
        verdict = (f"**Below the bar:** {', '.join(slower)}." if slower
                   else f"None of the {compared} compared is below it.")
        if missing:
            verdict += f" **{missing} not compared** (failed or printed something else)."
        out.append("")
        out.append("Library programs (no Lua version) compare mlpy with CPython only; the bar "
                   "is python/mlpy >= 1.00x on each. " + verdict)
    if problems:
        out.append("")
        out.append("**Problems:** " + "; ".join(problems) +
                   " (FAIL: non-zero exit status; (!): output differs from python3).")
    print("\n".join(out))


if __name__ == "__main__":
    main()
