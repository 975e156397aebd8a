#!/usr/bin/env python3
"""at1 columnar speed on every table: the `at1-check speed columnar` sequence, per corpus table.

Usage (no CMake needed; see docs/benchmarks.md):

    python3 tests/bench/tables.py --at1 build/bin/at1 --plugins build/plugins --out docs/benchmarks.md

For each table in <corpus>/columnar (or --tables NAME ...), builds a 200 MB input with
`make-big.sh columnar 200000000 OUT TABLE` (header once, data rows repeated) and runs, --repeat
times, the sequence of `at1-check speed`:
    zstd -3 -T1 -c BIG > z.zst              compress baseline
    zstd -d -c z.zst > /dev/null            decompress baseline (no file written)
    at1 compress columnar BIG a.at1 --stream --backend zstd --threads 2
    at1 decompress a.at1 o                  (default threads, writes the file)
and `openssl dgst -sha256 BIG` (page cache warm; OpenSSL uses the CPU's SHA instructions, which
coreutils' sha256sum does not): at1 checks the SHA-256 of everything it decompresses. Since
format 1.1 each decode worker hashes its own frame (from the frame's SHA-256 chain value), so the
hash no longer caps decompress at one core's rate, but it still costs its CPU: with two cores,
decompress cannot beat twice the SHA-256 rate even if decoding were free. Every output is compared with
its input (`cmp`). The table reports medians: MB/s and multiples of zstd (at1-check's goals:
compress >= 0.3x zstd -3, decompress >= 0.4x zstd -d), and the decompress rate the goal asks
for next to the SHA-256 rate.

Caveat (make-big.sh says it too): a table smaller than zstd's window (2 MiB at level 3) repeats
inside it, so zstd compresses and decompresses the repetition as one long match, far faster
than it would real data of that size; at1 encodes every row.

Big files are deleted afterwards. Exits 1 if a run fails or an output differs. The markdown goes to
--out between `<!-- tables.py:begin/end -->` (replaced, or appended when absent). Stdlib only.
"""

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from benchlib import build_source, loadavg, note, same, timed, write_block

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_CORPUS = os.path.abspath(os.path.join(REPO, "..", "shared", "corpus"))
CMIN, DMIN = 0.3, 0.4


def measure(table, args, work):
    big = os.path.join(work, "big")
    subprocess.run([os.path.join(args.corpus, "make-big.sh"), "columnar", str(args.size), big, table],
                   check=True, stdout=subprocess.DEVNULL)
    size = os.path.getsize(big)
    at1 = [args.at1, "--plugin-dir", args.plugins, "-q"]
    z, arc, out = os.path.join(work, "z.zst"), os.path.join(work, "a.at1"), os.path.join(work, "o")
    runs = []
    for _ in range(args.repeat):
        r = {}
        r["zc"] = timed(["zstd", "-3", "-T1", "-q", "-f", "-o", z, big])
        r["zd"] = timed(["zstd", "-d", "-q", "-c", z], os.devnull)
        r["ac"] = timed(at1 + ["compress", "columnar", big, arc, "--stream", "--backend", "zstd", "--threads", "2"])
        if os.path.exists(out):
            os.unlink(out)
        r["ad"] = timed(at1 + ["decompress", arc, out])
        r["sha"] = timed(["openssl", "dgst", "-sha256", big])
        for k, v in r.items():
            if v["rc"] != 0:
                raise RuntimeError("%s: %s failed: %s" % (table, k, v["err"]))
        if not same(big, out):
            raise RuntimeError("%s: at1 round trip differs" % table)
        runs.append(r)
    arc_size = os.path.getsize(arc)
    for p in (big, z, arc, out):
        os.unlink(p)
    return size, arc_size, runs


def med(runs, key, size):
    """Median MB/s of one step, and median CPU seconds (user + sys)."""
    return (statistics.median(size / 1e6 / r[key]["wall"] for r in runs),
            statistics.median(r[key]["user"] + r[key]["sys"] for r in runs))


def mult(x, goal):
    return "%.2f" % x if x >= goal else "**%.2f**" % x


def render(results, args):
    L = []
    L.append("#### Columnar speed per table (`tests/bench/tables.py`; median of %d; MB = 10^6 bytes)" % args.repeat)
    L.append("")
    L.append("- date: %s; load average before: %s" % (
        datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"), args.load_before))
    L.append("- at1 `%s` built from %s" % (args.at1, build_source(args.at1)))
    L.append("- input: `make-big.sh columnar %d OUT TABLE`; at1 `compress columnar --stream --backend zstd "
             "--threads 2`, `decompress` to a file; zstd `-3 -T1`, `zstd -d -c > /dev/null`" % args.size)
    L.append("")
    L.append("| table | at1 ratio | zstd -3 MB/s | at1 compress MB/s (CPU s) | x zstd | zstd -d MB/s | "
             "at1 decompress MB/s (CPU s) | x zstd -d | goal 0.4x needs MB/s | openssl sha256 MB/s |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, (size, arc_size, runs) in results:
        zc, _ = med(runs, "zc", size)
        zd, _ = med(runs, "zd", size)
        ac, ac_cpu = med(runs, "ac", size)
        ad, ad_cpu = med(runs, "ad", size)
        sha, _ = med(runs, "sha", size)
        need = DMIN * zd
        L.append("| %s | %.1f | %.0f | %.0f (%.2f) | %s | %.0f | %.0f (%.2f) | %s | %.0f%s | %.0f |" % (
            name, size / arc_size, zc, ac, ac_cpu, mult(ac / zc, CMIN), zd, ad, ad_cpu, mult(ad / zd, DMIN),
            need, " (above 2x SHA-256)" if need > 2 * sha else "", sha))
    L.append("")
    L.append("Bold: below at1-check's goal (compress %.1fx zstd -3, decompress %.1fx zstd -d)." % (CMIN, DMIN))
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--at1", default=os.path.join(REPO, "build", "bin", "at1"))
    ap.add_argument("--plugins", default=os.path.join(REPO, "build", "plugins"))
    ap.add_argument("--out", default="", help="markdown file to update (default: print)")
    ap.add_argument("--tables", nargs="*", help="file names in <corpus>/columnar (default: all)")
    ap.add_argument("--size", type=int, default=200000000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    missing = [t for t in ("zstd", "openssl", "cmp", "/usr/bin/time") if not shutil.which(t)]
    if missing:
        sys.exit("missing tools: %s (apt-get install zstd openssl time)" % " ".join(missing))
    folder = os.path.join(args.corpus, "columnar")
    if not os.path.isdir(folder):
        sys.exit("no corpus at %s (--corpus)" % folder)
    tables = args.tables or sorted(f for f in os.listdir(folder) if not f.endswith((".md", ".sh")))
    args.load_before = loadavg()
    results = []
    work = tempfile.mkdtemp(prefix="at1-tables.", dir=os.environ.get("TMPDIR", "/tmp"))
    try:
        for t in tables:
            note("%s: %d runs" % (t, args.repeat))
            size, arc_size, runs = measure(t, args, work)
            results.append((t, (size, arc_size, runs)))
            zd, _ = med(runs, "zd", size)
            ad, _ = med(runs, "ad", size)
            zc, _ = med(runs, "zc", size)
            ac, _ = med(runs, "ac", size)
            note("  compress %.2fx, decompress %.2fx" % (ac / zc, ad / zd))
    except RuntimeError as e:
        note("FAILED: %s" % e)
        return 1
    finally:
        for f in os.listdir(work):
            os.unlink(os.path.join(work, f))
        os.rmdir(work)
    write_block(args.out, render(results, args), "tables.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
