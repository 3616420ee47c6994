"""The oracle of tests/profile/oracle.rs: what CPython's pstats prints for our profiles.

Usage: python3 pstats_oracle.py JOBS.json > RESULTS.json

JOBS.json is {"profiles": [{"path": P, "runs": [[SORT, LIMIT or null], ...]}, ...]}, each P
a JSON profile (mlpy-profile/1). For each profile the script builds the dictionary cProfile
hands to pstats, {(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct)})}, from
the profile's figures, loads it into a real pstats.Stats, and for each run prints
print_stats(), print_callers() and print_callees() after sort_stats(SORT), with
print_*(LIMIT) when a limit is given. Output: {"python": VERSION, "sort_arg_defs":
{word: description}, "results": [[[stats, callers, callees], ...], ...]}.
"""

import io
import json
import pstats
import sys


def key(f):
    """cProfile's key of a function, restated from docs/profile-format.md."""
    kind, name = f["kind"], f["name"]
    if kind == "ml":
        return (f["file"], f["line"], name)
    if kind == "native":
        qualified = name if "." in name or name.startswith("<") else "builtins." + name
        return ("~", 0, "<built-in method %s>" % qualified)
    if kind == "method":
        ty, method = name.split(".", 1) if "." in name else ("object", name)
        return ("~", 0, "<method '%s' of '%s' objects>" % (method, ty))
    if kind == "phase":
        return ("~", 0, "<mlpy phase %s>" % name)
    raise ValueError("unknown kind %r" % kind)


def stats_dict(profile):
    funcs = profile["functions"]
    keys = [key(f) for f in funcs]
    acc = {}
    for k, f in zip(keys, funcs):
        # Functions with the same key are one entry, as pstats adds entries.
        e = acc.setdefault(k, [0, 0, 0, 0, {}])
        e[0] += f["primitive_calls"]
        e[1] += f["calls"]
        e[2] += f["self_ns"]
        e[3] += f["total_ns"]
    for edge in profile["edges"]:
        callers = acc[keys[edge["callee"]]][4]
        c = callers.setdefault(keys[edge["caller"]], [0, 0, 0, 0])
        c[0] += edge["calls"]
        c[1] += edge["primitive_calls"]
        c[2] += edge["self_ns"]
        c[3] += edge["total_ns"]
    # Nanoseconds are added as integers and turned into seconds once, as an exporter does.
    # The dictionary's order is the order the reports give to rows a sort finds equal (by
    # printed name, then key): pstats' sort is stable, so it keeps that order for them.
    order = sorted(acc, key=lambda k: (pstats.func_std_string(k), k))
    res = {}
    for k in order:
        cc, nc, tt, ct, callers = acc[k]
        res[k] = (
            cc,
            nc,
            tt / 1e9,
            ct / 1e9,
            {ck: (a, b, c / 1e9, d / 1e9) for ck, (a, b, c, d) in callers.items()},
        )
    return res


class Source:
    """What pstats.Stats loads from: an object with create_stats() and stats, as a
    cProfile.Profile is. (Loading a marshal file instead would add its name and date to
    print_stats' header.)"""

    def __init__(self, stats):
        self._stats = stats

    def create_stats(self):
        self.stats = self._stats


def capture(st, method, amount):
    buf = io.StringIO()
    st.stream = buf
    method(*amount)
    return buf.getvalue()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    results = []
    sort_arg_defs = None
    for job in jobs["profiles"]:
        with open(job["path"], encoding="utf-8") as f:
            profile = json.load(f)
        st = pstats.Stats(Source(stats_dict(profile)))
        if sort_arg_defs is None:
            sort_arg_defs = {w: d for w, (_, d) in st.get_sort_arg_defs().items()}
        outs = []
        for sort, limit in job["runs"]:
            st.sort_stats(sort)
            amount = () if limit is None else (limit,)
            outs.append(
                [
                    capture(st, st.print_stats, amount),
                    capture(st, st.print_callers, amount),
                    capture(st, st.print_callees, amount),
                ]
            )
        results.append(outs)
    json.dump(
        {"python": sys.version, "sort_arg_defs": sort_arg_defs, "results": results},
        sys.stdout,
    )


main()
