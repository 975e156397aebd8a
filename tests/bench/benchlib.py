"""Helpers shared by the at1 benchmark scripts (bench.py, streaming.py, tables.py)."""
import os
import subprocess
import sys
import tempfile
import time


def build_source(at1):
    """Which source tree the at1 binary was built from (CMake cache beside bin/)."""
    cache = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(at1))), "CMakeCache.txt")
    try:
        with open(cache) as f:
            for line in f:
                if line.startswith("CMAKE_HOME_DIRECTORY:INTERNAL="):
                    src = line.split("=", 1)[1].strip()
                    if os.path.basename(src).startswith("at1-bench-src-"):
                        return "committed revision %s (clean export by build_head.sh)" % src.rsplit("-", 1)[1]
                    return "source tree %s (may include uncommitted changes)" % src
    except OSError:
        pass
    return "unknown source"


def loadavg():
    """The 1/5/15-minute load averages, or n/a."""
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "n/a"


def note(msg):
    sys.stderr.write(time.strftime("[%H:%M:%S] ") + msg + "\n")
    sys.stderr.flush()


def timed(argv, stdout_path=None):
    """Run argv under /usr/bin/time. Returns dict(wall, user, sys, rss_kb, rc, err)."""
    tf = tempfile.NamedTemporaryFile(prefix="at1-time.", delete=False)
    tf.close()
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf.name] + argv,
                           stdout=out, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
    finally:
        if stdout_path:
            out.close()
    with open(tf.name) as f:
        last = [l for l in f.read().splitlines() if l.strip()]
    os.unlink(tf.name)
    res = {"wall": wall, "rc": p.returncode, "err": p.stderr.decode("utf-8", "replace").strip()[-300:]}
    try:
        e, u, s, m = last[-1].split()
        res.update(user=float(u), sys=float(s), rss_kb=int(m))
    except (IndexError, ValueError):
        res.update(user=float("nan"), sys=float("nan"), rss_kb=0)
    return res


def same(a, b):
    return subprocess.run(["cmp", "-s", a, b]).returncode == 0


def write_block(path, text, marker):
    """Replace the block between <!-- MARKER:begin/end --> in PATH; append it if PATH has none
    (print it when PATH is empty)."""
    begin, end = "<!-- %s:begin -->" % marker, "<!-- %s:end -->" % marker
    block = begin + "\n" + text.rstrip("\n") + "\n" + end + "\n"
    if not path:
        sys.stdout.write(block)
        return
    old = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    i, j = old.find(begin), old.find(end)
    if i >= 0 and j > i:
        rest = old[j + len(end):]
        new = old[:i] + block + (rest[1:] if rest.startswith("\n") else rest)
    else:
        new = old + ("\n" if old and not old.endswith("\n") else "") + block
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
