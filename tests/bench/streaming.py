#!/usr/bin/env python3
"""at1 streaming benchmark: peak memory on big inputs, decompress and multi-thread throughput.

Usage (no CMake needed; see docs/benchmarks.md):

    python3 tests/bench/streaming.py --at1 build/bin/at1 --plugins build/plugins \
        --out docs/benchmarks.md

Memory: builds 2 GB and 4 GB log inputs with `<corpus>/make-big.sh log` under ${TMPDIR:-/tmp}
and measures peak RSS (`/usr/bin/time -f %M`) of
    at1 compress <raw|log> BIG OUT --stream --backend zstd        (at1's default threads)
Checks, per codec:  RSS(4 GB) < 1.10 x RSS(2 GB)   and   RSS < 4 x chunk bytes + 64 MB,
where chunk bytes = (input bytes / input lines) x 500000 (the default --chunk-lines), capped by
at1's 64 MiB chunk byte cap.

Speed (on a 1 GB input of the same kind):
  * decompress: `at1 decompress` of a `compress raw --stream --backend zstd` archive vs
    `zstd -d -c > file` of a `zstd -3 -T1` file of the same data (goal: at1 >= 80% of zstd's
    MB/s), both with at1 writing its output file itself (temp file, fsync, rename) and with
    at1 writing to stdout redirected to a file like zstd; the log-codec archive is decompressed
    too, for information;
  * compress: `--threads 2` vs `--threads 1` wall time (goal: >= 1.6x), raw and log codec;
    CPU time (user+sys) is recorded as well, so a loaded machine shows up as CPU% < 200.
Every at1 archive of the speed part is decompressed and compared with its input (`cmp`).

Big files are deleted afterwards (unless --keep). Exits 1 if a run fails or an output differs;
goals that are not met are reported, not treated as failures (use --strict for that).
The markdown goes to --out in two blocks, `<!-- streaming.py:memory:begin/end -->` and
`<!-- streaming.py:speed:begin/end -->`; each replaces its old block, or is appended when the file
has none, so --skip-memory / --skip-speed runs update only their part. Stdlib only.
"""

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile

from benchlib import build_source, loadavg, note, same, timed, write_block

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_CORPUS = os.path.abspath(os.path.join(REPO, "..", "shared", "corpus"))
CHUNK_LINES = 500000
CHUNK_CAP = 64 * 1024 * 1024
failures = []


def loud(msg):
    failures.append(msg)
    sys.stderr.write("\n" + "!" * 72 + "\nFAILURE: " + msg + "\n" + "!" * 72 + "\n")


def count_lines(path):
    out = subprocess.run(["wc", "-l", path], stdout=subprocess.PIPE).stdout.decode().split()[0]
    n = int(out)
    with open(path, "rb") as f:
        f.seek(-1, 2)
        if f.read(1) != b"\n":
            n += 1
    return n


def make_big(corpus, size, path):
    note("make-big.sh log %d -> %s" % (size, path))
    subprocess.run([os.path.join(corpus, "make-big.sh"), "log", str(size), path], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.getsize(path)


def mb(x):
    return x / 1e6


def fmt_mib(kb):
    return "%.0f MiB" % (kb / 1024.0)


def write_report(path, text, part):
    write_block(path, text, "streaming.py:%s" % part)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("CORPUS", DEFAULT_CORPUS))
    ap.add_argument("--at1", default=os.path.join(REPO, "build", "bin", "at1"))
    ap.add_argument("--plugins", default=None, help="plugin directory (default: ../plugins beside --at1)")
    ap.add_argument("--out", default=None, help="markdown report (updated between markers if present); default stdout")
    ap.add_argument("--sizes", default="2000000000,4000000000", help="memory-test input sizes in bytes, small,big")
    ap.add_argument("--speed-size", type=int, default=1000000000, help="speed-test input size in bytes")
    ap.add_argument("--repeat", type=int, default=2, help="speed runs per measurement, best kept (default 2)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 200/400 MB memory, 200 MB speed, 1 repeat")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the big inputs")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is not met")
    args = ap.parse_args()

    at1 = os.path.abspath(args.at1)
    plugins = os.path.abspath(args.plugins or os.path.join(os.path.dirname(at1), "..", "plugins"))
    if not os.access(at1, os.X_OK):
        sys.exit("streaming.py: at1 not found: %s" % at1)
    if not os.path.exists("/usr/bin/time"):
        sys.exit("streaming.py: /usr/bin/time is required (apt-get install time)")
    sizes = [int(x) for x in args.sizes.split(",")]
    speed_size, repeat = args.speed_size, max(1, args.repeat)
    if args.quick:
        sizes, speed_size, repeat = [200000000, 400000000], 200000000, 1
    tmp = os.environ.get("TMPDIR", "/tmp")
    work = tempfile.mkdtemp(prefix="at1-streaming.", dir=tmp)
    base = [at1, "--plugin-dir", plugins, "-q"]

    listing = subprocess.run([at1, "--plugin-dir", plugins, "plugins"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT).stdout.decode()
    has_log = any(l.split()[:1] == ["log"] for l in listing.splitlines() if l.startswith("  "))
    codecs = ["raw", "log"] if has_log else ["raw"]
    if not has_log:
        note("log codec plugin missing: only the raw codec is measured")

    cpu = "unknown"
    for line in subprocess.run(["lscpu"], stdout=subprocess.PIPE).stdout.decode().splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
    head = subprocess.run(["git", "-C", REPO, "log", "-1", "--format=%h %s"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL).stdout.decode().strip()[:100]
    load_start = loadavg()
    mem = {}
    speed = {}
    try:
        # ---------------------------------------------------------------- memory
        if not args.skip_memory:
            for size in sizes:
                big = os.path.join(work, "big-log-%d" % size)
                nbytes = make_big(args.corpus, size, big)
                lines = count_lines(big)
                for codec in codecs:
                    arc = os.path.join(work, "mem.at1")
                    note("memory: compress %s %d MB --stream --backend zstd" % (codec, size // 1000000))
                    r = timed(base + ["compress", codec, big, arc, "--stream", "--backend", "zstd"])
                    if r["rc"] != 0:
                        loud("compress %s of %d bytes failed (exit %d): %s" % (codec, nbytes, r["rc"], r["err"]))
                    else:
                        r["arc_bytes"] = os.path.getsize(arc)
                    r.update(bytes=nbytes, lines=lines)
                    mem[(codec, size)] = r
                    note("  peak RSS %s, %.1f s, %.0f MB/s" % (fmt_mib(r["rss_kb"]), r["wall"], mb(nbytes) / r["wall"]))
                    if os.path.exists(arc):
                        os.remove(arc)
                if not args.keep:
                    os.remove(big)

        # ---------------------------------------------------------------- speed
        if not args.skip_speed:
            big = os.path.join(work, "big-log-speed")
            nbytes = make_big(args.corpus, speed_size, big)
            zst, dec = os.path.join(work, "z.zst"), os.path.join(work, "dec")

            def best(argv, stdout_path=None, check_out=None):
                runs = []
                for _ in range(repeat):
                    if check_out and os.path.exists(check_out):
                        os.remove(check_out)
                    r = timed(argv, stdout_path)
                    if r["rc"] != 0:
                        loud("%s failed (exit %d): %s" % (" ".join(argv[3:6]), r["rc"], r["err"]))
                        return r
                    runs.append(r)
                return min(runs, key=lambda x: x["wall"])

            note("speed: zstd -3 -T1 / zstd -d")
            speed["zstd_c"] = best(["zstd", "-3", "-T1", "-q", "-f", "-c", big], zst)
            speed["zstd_bytes"] = os.path.getsize(zst)
            speed["zstd_d"] = best(["zstd", "-d", "-q", "-c", zst], dec)
            if not same(big, dec):
                loud("zstd -d output differs (?)")
            os.remove(zst)
            for codec in codecs:
                for th in (1, 2):
                    arc = os.path.join(work, "%s-t%d.at1" % (codec, th))
                    note("speed: at1 compress %s --stream --backend zstd --threads %d" % (codec, th))
                    speed[(codec, "c", th)] = best(base + ["compress", codec, big, arc, "--stream", "--backend",
                                                          "zstd", "--threads", str(th)], check_out=arc)
                    if th == 1 and os.path.exists(arc):
                        os.remove(arc)
                arc = os.path.join(work, "%s-t2.at1" % codec)
                if os.path.exists(arc):
                    speed[(codec, "bytes")] = os.path.getsize(arc)
                    note("speed: at1 decompress (%s archive)" % codec)
                    speed[(codec, "d")] = best(base + ["decompress", arc, dec], check_out=dec)
                    if speed[(codec, "d")]["rc"] == 0 and not same(big, dec):
                        loud("at1 decompress of the %s archive differs from the input" % codec)
                    # to stdout (redirected to the same kind of file zstd -d writes): no temp file + fsync
                    speed[(codec, "dstdout")] = best(base + ["decompress", arc, "-"], dec)
                    if speed[(codec, "dstdout")]["rc"] == 0 and not same(big, dec):
                        loud("at1 decompress (stdout) of the %s archive differs from the input" % codec)
                    os.remove(arc)
            speed["bytes"] = nbytes
            for p in (dec,) + (() if args.keep else (big,)):
                if os.path.exists(p):
                    os.remove(p)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    # -------------------------------------------------------------------- report
    load_end = loadavg()
    loaded = max(float(load_start.split()[0]), float(load_end.split()[0])) > 0.5 * (os.cpu_count() or 1)
    goals = []  # (text, met); met None = information only

    def header(title):
        H = ["### %s (generated by `tests/bench/streaming.py`)" % title, ""]
        H.append("- date: %s" % datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"))
        H.append("- machine: %s, nproc %d, Linux %s" % (cpu, os.cpu_count() or 0, platform.release()))
        H.append("- load average at start: %s, at end: %s%s" % (
            load_start, load_end, " — **loaded machine: timings and thread speed-ups are noisy and pessimistic**"
            if loaded else ""))
        H.append("- at1 `%s` built from %s; repository HEAD when run: %s; inputs: `make-big.sh log` under `%s`%s" % (
            at1, build_source(at1), head, tmp, "; **--quick run (small sizes)**" if args.quick else ""))
        H.append("")
        return H

    def goal_lines(gs):
        G = []
        if gs:
            G += ["#### Goals", ""]
            G += ["- %s%s" % ("" if met is None else ("**met**: " if met else "**NOT met**: "), text) for text, met in gs]
            G.append("")
        return G

    if mem:
        L = header("Streaming memory")
        gs = []
        L.append("#### Peak RSS, `compress <codec> --stream --backend zstd` (default threads, default --chunk-lines %d)"
                 % CHUNK_LINES)
        L.append("")
        L.append("| codec | input | lines | bytes/line | chunk bytes | peak RSS | bound 4 x chunk + 64 MB | wall s | MB/s |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for codec in codecs:
            for size in sizes:
                r = mem.get((codec, size))
                if not r:
                    continue
                bpl = r["bytes"] / r["lines"]
                chunk = min(bpl * CHUNK_LINES, CHUNK_CAP)
                bound_kb = (4 * chunk + 64e6) / 1024
                r["bound_kb"] = bound_kb
                L.append("| %s | %.2f GB | %s | %.1f | %.1f MiB | %s | %s | %.1f | %.0f |" % (
                    codec, r["bytes"] / 1e9, "{:,}".format(r["lines"]), bpl, chunk / 1048576,
                    fmt_mib(r["rss_kb"]) if r["rc"] == 0 else "failed", fmt_mib(bound_kb), r["wall"],
                    mb(r["bytes"]) / r["wall"]))
        L.append("")
        for codec in codecs:
            a, b = mem.get((codec, sizes[0])), mem.get((codec, sizes[-1]))
            if not a or not b or a["rc"] or b["rc"]:
                gs.append(("%s: memory runs failed" % codec, False))
                continue
            g = b["rss_kb"] / a["rss_kb"]
            gs.append(("%s: RSS(%.1f GB) / RSS(%.1f GB) = %.3f (goal < 1.10)" % (
                codec, sizes[-1] / 1e9, sizes[0] / 1e9, g), g < 1.10))
            worst = max(a["rss_kb"] / a["bound_kb"], b["rss_kb"] / b["bound_kb"])
            gs.append(("%s: peak RSS %s / %s = %.0f%% of the bound 4 x chunk + 64 MB (goal < 100%%)" % (
                codec, fmt_mib(max(a["rss_kb"], b["rss_kb"])), fmt_mib(b["bound_kb"]), 100 * worst), worst < 1.0))
        L += goal_lines(gs)
        if any("compress" in f and "of" in f for f in failures):
            L += ["#### FAILURES", ""] + ["- " + f for f in failures] + [""]
        write_report(args.out, "\n".join(L), "memory")
        goals += gs
    if speed:
        L = header("Throughput")
        gs = []
        n = speed["bytes"]
        L.append("#### Throughput on a %.1f GB `make-big.sh log` input (best of %d; wall clock; MB = 10^6 bytes)"
                 % (n / 1e9, repeat))
        L.append("")
        L.append("| run | wall s | MB/s | CPU s (user+sys) | CPU % | peak RSS | output bytes |")
        L.append("|---|---:|---:|---:|---:|---:|---:|")

        def row(label, r, outb=None):
            if not r or r["rc"] != 0:
                L.append("| %s | failed | | | | | |" % label)
                return
            cpu_s = r["user"] + r["sys"]
            L.append("| %s | %.2f | %.0f | %.1f | %.0f%% | %s | %s |" % (
                label, r["wall"], mb(n) / r["wall"], cpu_s, 100 * cpu_s / r["wall"], fmt_mib(r["rss_kb"]),
                "{:,}".format(outb) if outb else ""))
        row("zstd -3 -T1 (compress)", speed["zstd_c"], speed["zstd_bytes"])
        row("zstd -d (decompress)", speed["zstd_d"])
        for codec in codecs:
            row("at1 compress %s --stream --backend zstd --threads 1" % codec, speed.get((codec, "c", 1)))
            row("at1 compress %s --stream --backend zstd --threads 2" % codec, speed.get((codec, "c", 2)),
                speed.get((codec, "bytes")))
            row("at1 decompress (%s archive, default threads) to a file" % codec, speed.get((codec, "d")))
            row("at1 decompress (%s archive, default threads) to stdout > file" % codec, speed.get((codec, "dstdout")))
        L.append("")
        zd = speed["zstd_d"]
        for codec in codecs:
            for dk, how in (("d", "to a file (temp file, fsync, rename)"), ("dstdout", "to stdout > file")):
                d = speed.get((codec, dk))
                if d and d["rc"] == 0 and zd["rc"] == 0:
                    rel = zd["wall"] / d["wall"]
                    if codec == "raw":
                        gs.append(("raw zstd archive: at1 decompress %s = %.0f%% of `zstd -d -c > file` MB/s "
                                   "(goal >= 80%%)" % (how, 100 * rel), rel >= 0.8))
                    else:
                        gs.append(("(info) %s-codec zstd archive: at1 decompress %s = %.0f%% of `zstd -d` MB/s"
                                   % (codec, how, 100 * rel), None))
            c1, c2 = speed.get((codec, "c", 1)), speed.get((codec, "c", 2))
            if c1 and c2 and c1["rc"] == 0 and c2["rc"] == 0:
                sp = c1["wall"] / c2["wall"]
                cpu2 = (c2["user"] + c2["sys"]) / c2["wall"]
                gs.append(("%s: compress --threads 2 vs 1 = %.2fx speed-up (goal >= 1.6x); with 2 threads the "
                           "process got %.2f CPUs on average" % (codec, sp, cpu2), sp >= 1.6))
                zc = speed["zstd_c"]
                gs.append(("(info) %s: compress --threads 2 = %.2fx `zstd -3 -T1` MB/s, --threads 1 = %.2fx" % (
                    codec, zc["wall"] / c2["wall"], zc["wall"] / c1["wall"]), None))
        L += goal_lines(gs)
        if failures:
            L += ["#### FAILURES", ""] + ["- " + f for f in failures] + [""]
        write_report(args.out, "\n".join(L), "speed")
        goals += gs
    for text, met in goals:
        note(("       " if met is None else ("MET    " if met else "NOT MET")) + " " + text)
    if failures:
        sys.stderr.write("streaming.py: %d FAILURE(S)\n" % len(failures))
        sys.exit(1)
    if args.strict and any(met is False for _, met in goals):
        sys.exit(1)


if __name__ == "__main__":
    main()
