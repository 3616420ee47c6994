# The Python oracle of the differential tester.
#
# A long-lived worker: it reads programs (Python translations of generated ML programs)
# from stdin, runs each one with the ML semantic bridges below, and writes back the
# program's output and the kind of its uncaught error.
#
# Protocol (both directions): a decimal byte count, a line feed, then that many bytes of
# UTF-8. Requests are Python source; answers are JSON objects
# {"out": text, "error": kind-or-null, "limit": bool, "detail": text}.
#
# Only constructs the generator emits are bridged; each bridge follows LANGUAGE.md.

import json
from decimal import Decimal
import signal
import sys
import resource

sys.set_int_max_str_digits(0)
sys.setrecursionlimit(5000)

# ---------------------------------------------------------------------------------------
# Limits: a program that runs too long or prints too much is reported as `limit` (the
# tester skips it); it is never a mismatch.


class Limit(BaseException):
    """Not an Exception: `except Exception` in translated programs cannot catch it."""


# `limited`: a limit was reached, even if a translated `finally` then raised something
# else in its place (the program's outcome past a limit is not comparable).
_STATE = {"out": [], "size": 0, "timed_out": False, "limited": False}
MAX_OUT = 1 << 20


def _on_alarm(signum, frame):
    _STATE["timed_out"] = True
    _STATE["limited"] = True
    raise Limit("time")


signal.signal(signal.SIGALRM, _on_alarm)

# ---------------------------------------------------------------------------------------
# Errors.


class MLThrow(Exception):
    """`throw {…}`: a UserError carrying the thrown object's fields."""

    def __init__(self, fields):
        Exception.__init__(self)
        self.fields = fields


class MLErr(dict):
    """An error object (spec §9.3): an object whose display form is its message."""


_KINDS = {
    "ZeroDivisionError": "ZeroDivisionError",
    "IndexError": "IndexError",
    "KeyError": "KeyError",
    "ValueError": "ValueError",
    "TypeError": "TypeError",
    "OverflowError": "OverflowError",
    "NameError": "NameError",
    "UnboundLocalError": "NameError",
    "AttributeError": "AttributeError",
    "RecursionError": "RecursionError",
    "RuntimeError": "RuntimeError",
}


def kind_of(exc):
    if isinstance(exc, MLThrow):
        return "UserError"
    for cls in type(exc).__mro__:
        k = _KINDS.get(cls.__name__)
        if k is not None:
            return k
    return "Python:" + type(exc).__name__


def ml_chk(exc):
    """Called first in every translated `except`: host failures are not ML errors."""
    if isinstance(exc, MemoryError):
        _STATE["limited"] = True
        raise Limit("memory")
    if kind_of(exc).startswith("Python:"):
        raise exc


def ml_errobj(exc):
    if isinstance(exc, MLThrow):
        f = exc.fields
        e = MLErr()
        e["message"] = D(f["message"]) if "message" in f else D(f)
        e["type"] = f.get("type", "UserError")
        e["line"] = f.get("line", 0)
        for k, v in f.items():
            if k not in ("message", "type", "line"):
                e[k] = v
        return e
    e = MLErr()
    e["message"] = str(exc)
    e["type"] = kind_of(exc)
    e["line"] = 0
    return e


# ---------------------------------------------------------------------------------------
# Text forms (§4.7, §4.8).

_ESC = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _quote(s):
    out = ['"']
    for ch in s:
        e = _ESC.get(ch)
        if e is not None:
            out.append(e)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _fname(f):
    n = getattr(f, "ml_name", None)
    if n is None:
        n = f.__name__
        if n == "<lambda>" or n.startswith("_arrow"):
            n = "anonymous"
    return "<function %s>" % n


def _float_text(x):
    """§4.8. Python's repr has the same shortest digits and layout, except when two
    shortest strings are exactly as near to x: repr takes the even last digit, the spec's
    reference (Rust's `{:e}`) the one of larger magnitude (1e16 / 14, exactly
    714285714285714.25, is 714285714285714.3)."""
    r = repr(x)
    if "n" in r:  # inf, nan
        return r
    d = Decimal(r)
    exact = Decimal(x)
    if d == exact:
        return r
    t = d.as_tuple()
    unit = Decimal((0, (1,), t.exponent))
    if abs(exact - d) * 2 != unit or abs(exact) < abs(d):
        return r
    other = d + unit if x > 0 else d - unit
    if float(other) != x:
        return r
    sign, ds, exp = other.as_tuple()
    ds = "".join(map(str, ds))
    stripped = ds.rstrip("0")
    exp += len(ds) - len(stripped)
    ds = stripped
    n = len(ds)
    p = n + exp
    if -4 <= p - 1 < 16:
        if p <= 0:
            body = "0." + "0" * (-p) + ds
        elif p < n:
            body = ds[:p] + "." + ds[p:]
        else:
            body = ds + "0" * (p - n) + ".0"
    else:
        e = p - 1
        body = ds[0] + ("." + ds[1:] if n > 1 else "") + "e" + ("-" if e < 0 else "+") + "%02d" % abs(e)
    return ("-" if x < 0 else "") + body


def D(v, seen=None):
    t = type(v)
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        return _float_text(v)
    if t is str:
        return v
    if t is MLErr:
        return D(v.get("message"))
    if t is list or t is dict:
        return L(v, seen)
    if t is MLIter:
        return "<Iterator>"
    if callable(v):
        return _fname(v)
    raise AssertionError("no display form for " + repr(t))


def L(v, seen=None):
    t = type(v)
    if t is str:
        return _quote(v)
    if t is list:
        if seen is None:
            seen = []
        if any(x is v for x in seen):
            return "[...]"
        seen.append(v)
        r = "[" + ", ".join(L(x, seen) for x in v) + "]"
        seen.pop()
        return r
    if t is dict or t is MLErr:
        if seen is None:
            seen = []
        if any(x is v for x in seen):
            return "{...}"
        seen.append(v)
        r = "{" + ", ".join(L(k, seen) + ": " + L(x, seen) for k, x in v.items()) + "}"
        seen.pop()
        return r
    return D(v, seen)


def ml_print(*args):
    text = " ".join(D(a) for a in args) + "\n"
    _STATE["size"] += len(text)
    if _STATE["size"] > MAX_OUT:
        _STATE["limited"] = True
        raise Limit("output")
    _STATE["out"].append(text)


# ---------------------------------------------------------------------------------------
# Operators (§5.4–§5.6). Booleans are not numbers; `+` with one string uses D.


def _is_num(v):
    t = type(v)
    return t is int or t is float


def _kind(v):
    if v is None:
        return "null"
    t = type(v)
    if t is bool:
        return "boolean"
    if t is int:
        return "int"
    if t is float:
        return "float"
    if t is str:
        return "string"
    if t is list:
        return "array"
    if t is dict or t is MLErr or t is MLIter:
        return "object"
    return "function"


def _terr(op, a, b=None):
    if b is None:
        return TypeError("bad operand for %s: %s" % (op, _kind(a)))
    return TypeError("bad operands for %s: %s and %s" % (op, _kind(a), _kind(b)))


def ml_add(a, b):
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a + b
    if ta is str:
        return a + (b if tb is str else D(b))
    if tb is str:
        return D(a) + b
    if ta is list and tb is list:
        return a + b
    raise _terr("+", a, b)


def ml_sub(a, b):
    if _is_num(a) and _is_num(b):
        return a - b
    raise _terr("-", a, b)


def ml_mul(a, b):
    ta, tb = type(a), type(b)
    if _is_num(a) and _is_num(b):
        return a * b
    if (ta is str or ta is list) and tb is int:
        return a * b
    if ta is int and (tb is str or tb is list):
        return a * b
    raise _terr("*", a, b)


def ml_div(a, b):
    if _is_num(a) and _is_num(b):
        if b == 0:
            raise ZeroDivisionError("division by zero")
        return a / b
    raise _terr("/", a, b)


def ml_floordiv(a, b):
    if _is_num(a) and _is_num(b):
        return a // b
    raise _terr("//", a, b)


def ml_mod(a, b):
    if _is_num(a) and _is_num(b):
        return a % b
    raise _terr("%", a, b)


def ml_neg(a):
    if _is_num(a):
        return -a
    raise _terr("unary -", a)


def ml_eq(a, b):
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a == b
    if ta is MLErr:
        ta = dict
    if tb is MLErr:
        tb = dict
    if ta is not tb:
        return False
    if ta is list:
        return len(a) == len(b) and all(ml_eq(x, y) for x, y in zip(a, b))
    if ta is dict:
        if len(a) != len(b):
            return False
        for k, v in a.items():
            if k not in b or not ml_eq(v, b[k]):
                return False
        return True
    if ta is bool or ta is str or a is None:
        return a == b
    return a is b


def ml_ne(a, b):
    return not ml_eq(a, b)


def _order(op, a, b):
    ta, tb = type(a), type(b)
    if ((ta is int or ta is float) and (tb is int or tb is float)) or (ta is str and tb is str):
        if op == "<":
            return a < b
        if op == ">":
            return a > b
        if op == "<=":
            return a <= b
        return a >= b
    if ta is list and tb is list:
        for x, y in zip(a, b):
            if not ml_eq(x, y):
                return _order(op, x, y)
        return _order(op, len(a), len(b))
    raise _terr(op, a, b)


def ml_lt(a, b):
    return _order("<", a, b)


def ml_gt(a, b):
    return _order(">", a, b)


def ml_le(a, b):
    return _order("<=", a, b)


def ml_ge(a, b):
    return _order(">=", a, b)


class _Key:
    """Sort key whose `<` is ML's `<` (list.sort uses only `<`)."""

    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return _order("<", self.v, other.v)


# ---------------------------------------------------------------------------------------
# Indexing, slicing, members (§5.9–§5.11), iteration (§6.7).


def _check_key(k):
    t = type(k)
    if t is float and k != k:
        raise ValueError("NaN key")
    if not (k is None or t is bool or t is int or t is float or t is str):
        raise TypeError("invalid key kind " + _kind(k))


def ml_key(k):
    """The index of a subscript assignment (the container checks the rest natively)."""
    _check_key(k)
    return k


def ml_index(a, i):
    t = type(a)
    if t is list or t is str:
        if type(i) is not int:
            raise _terr("[]", a, i)
        if not -len(a) <= i < len(a):
            raise IndexError("index %d out of range for length %d" % (i, len(a)))
        return a[i]
    if t is dict or t is MLErr:
        _check_key(i)
        return a[i]
    raise _terr("[]", a, i)


def _bound(x):
    if x is not None and type(x) is not int:
        raise TypeError("slice bound must be an int")
    return x


def ml_slice(a, lo, hi, st):
    t = type(a)
    if t is not list and t is not str:
        raise _terr("slice", a)
    return a[_bound(lo):_bound(hi):_bound(st)]


def ml_member(a, name):
    t = type(a)
    if t is dict or t is MLErr:
        return a.get(name)
    if t is str or t is list:
        if name == "length":
            return len(a)
        return ml_m(a, name)
    raise AttributeError("%s has no member %s" % (_kind(a), name))


class MLIter:
    """The `Iterator` of `iter(v)` (§11.4): Python's own iterator over the list (by
    position, as ML), the string or the object's keys."""

    __slots__ = ("it",)

    def __init__(self, it):
        self.it = it


def ml_iter_builtin(v):
    t = type(v)
    if t is MLIter:
        return v
    if t is list or t is str or t is dict or t is MLErr:
        return MLIter(iter(v))
    raise TypeError("iter of " + _kind(v))


def ml_next(it, *default):
    if type(it) is not MLIter:
        raise TypeError("next of " + _kind(it))
    try:
        return next(it.it)
    except StopIteration:
        if default:
            return default[0]
        raise RuntimeError("next on an exhausted iterator")


def ml_iter(v):
    t = type(v)
    if t is MLIter:
        return v.it
    if t is list or t is str or t is dict or t is MLErr:
        return v
    raise TypeError("cannot iterate " + _kind(v))


def ml_obj(v):
    if type(v) is dict or type(v) is MLErr:
        return v
    raise TypeError("object destructuring of " + _kind(v))


def ml_unpack(v, n):
    items = list(ml_iter(v))
    if len(items) != n:
        raise ValueError("destructuring expects %d items, got %d" % (n, len(items)))
    return items


# ---------------------------------------------------------------------------------------
# Methods of strings and arrays (§10).


def _int_or_null(x):
    if x is not None and type(x) is not int:
        raise TypeError("expects an int or null")
    return x


def _str(x):
    if type(x) is not str:
        raise TypeError("expects a string, got " + _kind(x))
    return x


def _s_split(s, sep=None, maxsplit=None):
    if sep is not None:
        _str(sep)
        if sep == "":
            raise ValueError("empty separator")
    return s.split(sep, -1 if maxsplit is None else maxsplit)


def _s_rsplit(s, sep=None, maxsplit=None):
    if sep is not None:
        _str(sep)
        if sep == "":
            raise ValueError("empty separator")
    return s.rsplit(sep, -1 if maxsplit is None else maxsplit)


def _s_join(s, items):
    parts = list(ml_iter(items))
    for p in parts:
        _str(p)
    return s.join(parts)


def _s_replace(s, old, new, count=None):
    return s.replace(_str(old), _str(new), -1 if count is None else _int_or_null(count))


def _s_pos(name):
    def f(s, sub, start=None, end=None):
        return getattr(s, name)(_str(sub), _int_or_null(start), _int_or_null(end))

    return f


def _s_pad(name):
    def f(s, width, fill=" "):
        if type(width) is not int:
            raise TypeError("width must be an int")
        if fill is None:
            fill = " "
        if type(fill) is not str or len(fill) != 1:
            raise TypeError("fill must be one character")
        return getattr(s, name)(width, fill)

    return f


def _s_strip(name):
    def f(s, chars=None):
        if chars is not None:
            _str(chars)
        return getattr(s, name)(chars)

    return f


def _s_plain(name):
    def f(s):
        return getattr(s, name)()

    return f


STR_METHODS = {
    "split": _s_split,
    "rsplit": _s_rsplit,
    "join": _s_join,
    "replace": _s_replace,
    "find": _s_pos("find"),
    "rfind": _s_pos("rfind"),
    "index": _s_pos("index"),
    "rindex": _s_pos("rindex"),
    "count": _s_pos("count"),
    "startswith": _s_pos("startswith"),
    "endswith": _s_pos("endswith"),
    "center": _s_pad("center"),
    "ljust": _s_pad("ljust"),
    "rjust": _s_pad("rjust"),
    "strip": _s_strip("strip"),
    "lstrip": _s_strip("lstrip"),
    "rstrip": _s_strip("rstrip"),
}
for _n in ("upper", "lower", "capitalize", "title", "swapcase", "isdigit", "isalpha",
           "isalnum", "isspace", "isupper", "islower", "istitle"):
    STR_METHODS[_n] = _s_plain(_n)


def _a_index_of(a, x):
    for i, y in enumerate(a):
        if ml_eq(y, x):
            return i
    return -1


def _a_append(a, x):
    a.append(x)


def _a_extend(a, items):
    a.extend(list(ml_iter(items)))


def _a_insert(a, i, x):
    if type(i) is not int:
        raise TypeError("insert position must be an int")
    a.insert(i, x)


def _a_remove(a, x):
    i = _a_index_of(a, x)
    if i < 0:
        raise ValueError("remove: item not found")
    del a[i]


def _a_pop(a, i=None):
    if i is None:
        if not a:
            raise IndexError("pop from empty array")
        return a.pop()
    if type(i) is not int:
        raise TypeError("pop position must be an int")
    return a.pop(i)


def _a_index(a, x, start=None, end=None):
    n = len(a)
    lo, hi, _ = slice(_int_or_null(start), _int_or_null(end)).indices(n)
    for i in range(lo, hi):
        if ml_eq(a[i], x):
            return i
    raise ValueError("index: item not found")


def _a_count(a, x):
    return sum(1 for y in a if ml_eq(y, x))


def _a_sort(a):
    a.sort(key=_Key)


def _a_reverse(a):
    a.reverse()


def _a_clear(a):
    a.clear()


def _a_copy(a):
    return list(a)


LIST_METHODS = {
    "append": _a_append,
    "extend": _a_extend,
    "insert": _a_insert,
    "remove": _a_remove,
    "pop": _a_pop,
    "index": _a_index,
    "count": _a_count,
    "sort": _a_sort,
    "reverse": _a_reverse,
    "clear": _a_clear,
    "copy": _a_copy,
}


def _bind(f, r, name):
    def bound(*args):
        return f(r, *args)

    bound.ml_name = name
    return bound


def ml_m(r, name):
    """`r.name` looked up for a call, before the arguments are evaluated (§5.11)."""
    t = type(r)
    if t is str:
        f = STR_METHODS.get(name)
    elif t is list:
        f = LIST_METHODS.get(name)
    elif t is dict or t is MLErr:
        if name not in r:
            raise AttributeError("object has no member " + name)
        return r[name]
    else:
        raise AttributeError("%s has no member %s" % (_kind(r), name))
    if f is None:
        raise AttributeError("%s has no method %s" % (_kind(r), name))
    return _bind(f, r, name)


# ---------------------------------------------------------------------------------------
# Builtins (§11).


def ml_len(x):
    t = type(x)
    if t is str or t is list or t is dict or t is MLErr:
        return len(x)
    raise TypeError("len of " + _kind(x))


def ml_str(x):
    return D(x)


def ml_repr(x):
    return L(x)


def ml_int(x):
    t = type(x)
    if t is bool:
        return 1 if x else 0
    if t is int:
        return x
    if t is float:
        return int(x)
    if t is str:
        try:
            return int(x.strip())
        except ValueError:
            return int(float(x))
    raise TypeError("int of " + _kind(x))


def ml_float(x):
    t = type(x)
    if t is bool or t is int or t is float:
        return float(x)
    if t is str:
        return float(x)
    raise TypeError("float of " + _kind(x))


def ml_bool(x):
    return bool(x)


def ml_abs(x):
    if _is_num(x):
        return abs(x)
    raise TypeError("abs of " + _kind(x))


def _extreme(args, op):
    if len(args) == 1 and type(args[0]) is list:
        args = args[0]
    if len(args) == 0:
        raise ValueError("no items")
    m = args[0]
    for x in args[1:]:
        if _order(op, x, m):
            m = x
    return m


def ml_min(*args):
    return _extreme(args, "<")


def ml_max(*args):
    return _extreme(args, ">")


def ml_range(*args):
    for a in args:
        if type(a) is not int:
            raise TypeError("range expects ints")
    return list(range(*args))


def ml_range_lazy(*args):
    for a in args:
        if type(a) is not int:
            raise TypeError("range expects ints")
    if len(args) == 3 and args[2] == 0:
        raise ValueError("range step is 0")
    return range(*args)


def _items(x):
    t = type(x)
    if t is MLIter:
        return list(x.it)
    if t is str or t is list:
        return list(x)
    if t is dict or t is MLErr:
        return list(x.keys())
    raise TypeError("not iterable: " + _kind(x))


def ml_sorted(x, reverse=None):
    return sorted(_items(x), key=_Key, reverse=bool(reverse))


def ml_reversed(x):
    if type(x) is MLIter:
        raise TypeError("reversed of an iterator")
    return _items(x)[::-1]


def ml_keys(o):
    if type(o) is dict or type(o) is MLErr:
        return list(o.keys())
    raise TypeError("keys of " + _kind(o))


def ml_values(o):
    if type(o) is dict or type(o) is MLErr:
        return list(o.values())
    raise TypeError("values of " + _kind(o))


def ml_enumerate(x, start=0):
    return [[start + i, v] for i, v in enumerate(_items(x))]


def ml_zip(*xs):
    return [list(t) for t in zip(*[_items(x) for x in xs])]


def ml_all(x):
    return all(_items(x))


def ml_any(x):
    return any(_items(x))


_L63 = 1 << 63


def ml_sum(items, start=0):
    items = _items(items)
    if type(start) is str:
        raise TypeError("sum of strings")
    for x in items:
        if type(x) is str or type(x) is bool:
            raise TypeError("sum of " + _kind(x))
    i = 0
    n = len(items)
    r = start
    if type(start) is int and -_L63 <= start < _L63:
        t = start
        while i < n:
            x = items[i]
            i += 1
            if type(x) is int and -_L63 <= x < _L63 and -_L63 <= t + x < _L63:
                t = t + x
            else:
                r = ml_add(t, x)
                break
        else:
            return t
    if type(r) is float:
        f, c = r, 0.0
        while i < n:
            x = items[i]
            i += 1
            if type(x) is float:
                s = f + x
                if abs(f) >= abs(x):
                    c = c + ((f - s) + x)
                else:
                    c = c + ((x - s) + f)
                f = s
            elif type(x) is int and -_L63 <= x < _L63:
                f = f + float(x)
            else:
                if c != 0 and c - c == 0:
                    f = f + c
                r = ml_add(f, x)
                break
        else:
            if c != 0 and c - c == 0:
                f = f + c
            return f
    while i < n:
        r = ml_add(r, items[i])
        i += 1
    return r


def ml_round(x, n=None):
    if n is not None and type(n) is not int:
        raise TypeError("round digits must be an int")
    if type(x) is float:
        return round(x, 0 if n is None else n)
    if type(x) is int:
        return x if n is None or n >= 0 else round(x, n)
    raise TypeError("round of " + _kind(x))


def ml_typeof(v):
    k = _kind(v)
    if k == "int" or k == "float":
        return "number"
    return k


def ml_isinstance(v, name):
    if type(name) is not str:
        raise TypeError("isinstance name must be a string")
    k = _kind(v)
    if name == "int" or name == "float":
        return k == name
    if name == "error":
        return type(v) is MLErr
    if name == "Iterator":
        return type(v) is MLIter
    return ml_typeof(v) == name


def ml_chr(i):
    if type(i) is not int:
        raise TypeError("chr of " + _kind(i))
    if not (0 <= i <= 0x10FFFF) or 0xD800 <= i <= 0xDFFF:
        raise ValueError("chr out of range")
    return chr(i)


def ml_ord(c):
    if type(c) is not str or len(c) != 1:
        raise TypeError("ord expects one character")
    return ord(c)


def ml_set_slice(v, a, lo, hi, st):
    """`a[lo:hi:st] = v;` (§6.2): the value was evaluated first, then `a`, then the bounds."""
    if type(a) is not list:
        raise _terr("slice assignment", a)
    items = _items(v)
    lo, hi, st = _bound(lo), _bound(hi), _bound(st)
    if st == 0:
        raise ValueError("slice step is 0")
    a[lo:hi:st] = items


def ml_hex(n):
    if type(n) is not int:
        raise TypeError("hex of " + _kind(n))
    return hex(n)


def ml_bin(n):
    if type(n) is not int:
        raise TypeError("bin of " + _kind(n))
    return bin(n)


def ml_oct(n):
    if type(n) is not int:
        raise TypeError("oct of " + _kind(n))
    return oct(n)


def ml_format(v, spec=None):
    if spec is None or spec == "":
        return D(v)
    if type(spec) is not str:
        raise TypeError("format spec must be a string")
    t = type(v)
    if not (t is int or t is float or t is str):
        raise TypeError("format of " + _kind(v))
    return format(v, spec)


def ml_callable(v):
    return callable(v)


# ---------------------------------------------------------------------------------------
# Standard modules (§12): the functions the generator calls.

import math as _pymath
from types import SimpleNamespace as _NS


def _num(x):
    if not _is_num(x):
        raise TypeError("expects a number, got " + _kind(x))
    return x


def _int(x):
    if type(x) is not int:
        raise TypeError("expects an int, got " + _kind(x))
    return x


def _arr(x):
    if type(x) is not list:
        raise TypeError("expects an array, got " + _kind(x))
    return x


def _fn(f):
    if not callable(f):
        raise TypeError("expects a function, got " + _kind(f))
    return f


def _m_pow(x, y):
    _num(x)
    _num(y)
    if type(x) is int and type(y) is int and y >= 0:
        return x ** y
    fx, fy = float(x), float(y)
    if fx == 0 and fy < 0:
        raise ValueError("pow: zero to a negative power")
    if fx < 0 and fy != _pymath.floor(fy) and _pymath.isfinite(fy):
        raise ValueError("pow: negative base with a fractional exponent")
    try:
        return _pymath.pow(fx, fy)
    except OverflowError:
        if fx < 0 and fy == _pymath.floor(fy) and int(fy) % 2 == 1:
            return float("-inf")
        return float("inf")


def _m_sqrt(x):
    _num(x)
    if x < 0:
        raise ValueError("sqrt of a negative number")
    return _pymath.sqrt(x)


def _m_floor(x):
    return x if type(_num(x)) is int else _pymath.floor(x)


def _m_ceil(x):
    return x if type(_num(x)) is int else _pymath.ceil(x)


def _m_round(x):
    return x if type(_num(x)) is int else round(x)


def _m_sign(x):
    _num(x)
    if x != x:
        raise ValueError("sign of NaN")
    return 1 if x > 0 else -1 if x < 0 else 0


def _m_factorial(n):
    _int(n)
    if n < 0:
        raise ValueError("factorial of a negative number")
    return _pymath.factorial(n)


mod_math = _NS(
    sqrt=_m_sqrt,
    abs=lambda x: abs(_num(x)),
    floor=_m_floor,
    ceil=_m_ceil,
    round=_m_round,
    pow=_m_pow,
    sign=_m_sign,
    factorial=_m_factorial,
    gcd=lambda a, b: _pymath.gcd(_int(a), _int(b)),
    lcm=lambda a, b: _pymath.lcm(_int(a), _int(b)),
    min=lambda a, b: b if _num(b) < _num(a) else a,
    max=lambda a, b: b if _num(b) > _num(a) else a,
)


def _c_get(lst, i):
    _arr(lst)
    _int(i)
    return lst[i] if -len(lst) <= i < len(lst) else None


def _c_remove_at(lst, i):
    _arr(lst)
    _int(i)
    if not 0 <= i < len(lst):
        raise IndexError("removeAt index out of range")
    return lst[:i] + lst[i + 1:]


def _c_unique(lst):
    out = []
    for x in _arr(lst):
        if not any(ml_eq(x, y) for y in out):
            out.append(x)
    return out


def _c_flatten(lst):
    out = []
    for x in _arr(lst):
        if type(x) is list:
            out.extend(x)
        else:
            out.append(x)
    return out


def _c_chunk(lst, size):
    _arr(lst)
    _int(size)
    if size <= 0:
        raise ValueError("chunk size must be positive")
    return [lst[i:i + size] for i in range(0, len(lst), size)]


def _c_sort_by(lst, key, reverse=None):
    _arr(lst)
    _fn(key)
    keyed = [_Key(key(x)) for x in lst]
    order = sorted(range(len(lst)), key=lambda i: keyed[i], reverse=bool(reverse))
    return [lst[i] for i in order]


def _c_find(lst, pred):
    for x in _arr(lst):
        if pred(x):
            return x
    return None


def _c_reduce(lst, f, initial):
    acc = initial
    for x in _arr(lst):
        acc = f(acc, x)
    return acc


mod_collections = _NS(
    length=lambda lst: len(_arr(lst)),
    append=lambda lst, x: _arr(lst) + [x],
    prepend=lambda lst, x: [x] + _arr(lst),
    concat=lambda a, b: _arr(a) + _arr(b),
    get=_c_get,
    first=lambda lst: _arr(lst)[0] if lst else None,
    last=lambda lst: _arr(lst)[-1] if lst else None,
    reverse=lambda lst: _arr(lst)[::-1],
    contains=lambda lst, x: any(ml_eq(y, x) for y in _arr(lst)),
    indexOf=lambda lst, x: _a_index_of(_arr(lst), x),
    filter=lambda lst, pred: [x for x in _arr(lst) if _fn(pred)(x)],
    map=lambda lst, f: [_fn(f)(x) for x in _arr(lst)],
    find=_c_find,
    reduce=_c_reduce,
    removeAt=_c_remove_at,
    isEmpty=lambda lst: len(_arr(lst)) == 0,
    take=lambda lst, n: ml_slice(_arr(lst), 0, _int(n), None),
    drop=lambda lst, n: ml_slice(_arr(lst), _int(n), None, None),
    unique=_c_unique,
    flatten=_c_flatten,
    zip=lambda a, b: [[x, y] for x, y in zip(_arr(a), _arr(b))],
    sort=lambda lst, reverse=None: ml_sorted(_arr(lst), reverse),
    sortBy=_c_sort_by,
    chunk=_c_chunk,
    every=lambda lst, pred: all(_fn(pred)(x) for x in _arr(lst)),
    some=lambda lst, pred: any(_fn(pred)(x) for x in _arr(lst)),
)


def _f_reduce(f, items, *initial):
    items = _items(items)
    if initial:
        acc = initial[0]
    else:
        if not items:
            raise ValueError("reduce of no items without an initial value")
        acc, items = items[0], items[1:]
    for x in items:
        acc = f(acc, x)
    return acc


def _f_take_while(pred, items):
    out = []
    for x in _items(items):
        if not pred(x):
            break
        out.append(x)
    return out


def _f_group_by(key, items):
    out = {}
    for x in _items(items):
        k = key(x)
        _check_key(k)
        out.setdefault(k, []).append(x)
    return out


def _f_partition(pred, items):
    yes, no = [], []
    for x in _items(items):
        (yes if pred(x) else no).append(x)
    return [yes, no]


def _f_unique(items):
    seen = {}
    for x in _items(items):
        _check_key(x)
        if x not in seen:
            seen[x] = x
    return list(seen.values())


def _f_repeat(v, n):
    _int(n)
    return [v] * n


def _f_times(n, f):
    _int(n)
    return [f(i) for i in range(n)]


mod_functional = _NS(
    map=lambda f, items: [_fn(f)(x) for x in _items(items)],
    filter=lambda pred, items: [x for x in _items(items) if _fn(pred)(x)],
    reduce=_f_reduce,
    find=lambda pred, items: next((x for x in _items(items) if pred(x)), None),
    some=lambda pred, items: any(pred(x) for x in _items(items)),
    every=lambda pred, items: all(pred(x) for x in _items(items)),
    range=ml_range,
    repeat=_f_repeat,
    take=lambda n, items: _items(items)[: max(_int(n), 0)],
    drop=lambda n, items: _items(items)[max(_int(n), 0):],
    takeWhile=_f_take_while,
    groupBy=_f_group_by,
    unique=_f_unique,
    reverse=lambda items: _items(items)[::-1],
    partition=_f_partition,
    times=_f_times,
    zipWith=lambda f, a, b: [f(x, y) for x, y in zip(_items(a), _items(b))],
    identity=lambda x: x,
)


def _json_str(s):
    out = ['"']
    for ch in s:
        e = _ESC.get(ch)
        o = ord(ch)
        if e is not None:
            out.append(e)
        elif o < 0x20 or 0x7E < o <= 0xFFFF:
            out.append("\\u%04x" % o)
        elif o > 0xFFFF:
            o -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _json(v, seen):
    t = type(v)
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is float:
        if v != v:
            return "NaN"
        if v in (float("inf"), float("-inf")):
            return "Infinity" if v > 0 else "-Infinity"
        return _float_text(v)
    if t is str:
        return _json_str(v)
    if t is list or t is dict or t is MLErr:
        if any(x is v for x in seen):
            raise ValueError("stringify of a self-containing value")
        seen.append(v)
        if t is list:
            r = "[" + ", ".join(_json(x, seen) for x in v) + "]"
        else:
            parts = []
            for k, x in v.items():
                ks = k if type(k) is str else _json(k, seen)
                parts.append(_json_str(ks) + ": " + _json(x, seen))
            r = "{" + ", ".join(parts) + "}"
        seen.pop()
        return r
    raise ValueError("stringify of " + _kind(v))


def _json_parse(s):
    if type(s) is not str:
        raise TypeError("parse of " + _kind(s))
    return json.loads(s)


mod_json = _NS(
    stringify=lambda v: _json(v, []),
    parse=_json_parse,
)


# ---------------------------------------------------------------------------------------
# The worker loop.

_PRELUDE = {k: v for k, v in globals().items() if not k.startswith("__")}


def _read_msg(inp):
    line = inp.readline()
    if not line:
        return None
    n = int(line)
    return inp.read(n).decode("utf-8")


def _write_msg(out, text):
    data = text.encode("utf-8")
    out.write(b"%d\n" % len(data))
    out.write(data)
    out.flush()


def run_one(src, seconds):
    _STATE["out"] = []
    _STATE["size"] = 0
    _STATE["timed_out"] = False
    _STATE["limited"] = False
    error = None
    limit = False
    detail = ""
    try:
        code = compile(src, "<prog>", "exec")
    except SyntaxError as e:
        return {"out": "", "error": "Python:SyntaxError", "limit": False, "detail": str(e)}
    g = dict(_PRELUDE)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        try:
            exec(code, g)
            g["ml_main"]()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
    except Limit as e:
        limit = True
        detail = str(e)
    except MemoryError:
        limit = True
        detail = "memory"
    except Exception as e:
        error = kind_of(e)
        detail = "%s: %s" % (type(e).__name__, e)
    if _STATE["limited"]:
        limit = True
    return {"out": "".join(_STATE["out"]), "error": error, "limit": limit, "detail": detail}


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    mem = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if mem > 0:
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    inp = sys.stdin.buffer
    out = sys.stdout.buffer
    while True:
        src = _read_msg(inp)
        if src is None:
            return
        try:
            res = run_one(src, seconds)
        except BaseException as e:  # a limit that fired between programs, or a host failure
            res = {"out": "", "error": None, "limit": True, "detail": "worker: %r" % (e,)}
        _write_msg(out, json.dumps(res))


if __name__ == "__main__":
    main()
