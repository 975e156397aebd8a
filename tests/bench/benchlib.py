"""Helpers shared by the at1 benchmark scripts (bench.py, streaming.py)."""
import os


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
