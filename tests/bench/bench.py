#!/usr/bin/env python3
"""at1 corpus benchmark: at1 (domain codec and `raw`) against plain xz / zstd, same run, same files.

Usage (no CMake needed; see docs/benchmarks.md):

    python3 tests/bench/bench.py --at1 build/bin/at1 --plugins build/plugins \
        --out docs/benchmarks.md

For every domain folder of the corpus and every file in it, this runs side by side:

  at1 <codec> xz        at1 compress <codec> --backend xz              (default level, 9e)
  at1 <codec> zstd3     at1 compress <codec> --backend zstd            (default level, 3)
  at1 <codec> zstd19    at1 compress <codec> --backend zstd --level 19
  at1 raw xz9e          at1 compress raw --backend xz --level 9e
  at1 raw zstd3         at1 compress raw --backend zstd --level 3
  at1 raw zstd19        at1 compress raw --backend zstd --level 19
  xz -9e / xz -6        xz -T1 -c
  zstd -19 / zstd -3    zstd -T1 -c
  bgzip, bcf            vcf only, when bgzip / bcftools are installed (skipped with a note otherwise)

and records compressed size, ratio, compress MB/s and decompress MB/s (MB = 10^6 bytes, wall
clock, best of --repeat runs). Every at1 archive is decompressed and compared byte for byte
with its input (so are the xz, zstd and bgzip outputs); a mismatch or a failed at1 command
prints a loud FAILURE line and makes the script exit 1 (after writing the report).

The markdown report goes to --out (or stdout), between the markers `<!-- bench.py:begin -->` /
`<!-- bench.py:end -->`: an existing block is replaced (hand-written text around it survives a
re-run), else the block is appended to the file.

Stdlib only (python >= 3.8).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

from benchlib import build_source, loadavg, write_block

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_CORPUS = os.path.abspath(os.path.join(REPO, "..", "shared", "corpus"))

# codec -> corpus domain folder
CODEC_DOMAIN = {"log": "log", "ssh": "ssh", "columnar": "columnar", "vcf": "vcf", "json": "json"}
DOMAIN_CODEC = {d: c for c, d in CODEC_DOMAIN.items()}


# container overhead goal: at1 raw size <= plain size * (1 + 0.5%) + 1 KB
OVERHEAD_REL = 0.005
OVERHEAD_ABS = 1024

failures = []


def loud(msg):
    failures.append(msg)
    sys.stderr.write("\n" + "!" * 72 + "\nFAILURE: " + msg + "\n" + "!" * 72 + "\n")
    sys.stderr.flush()


def note(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def files_equal(a, b, bufsize=1 << 20):
    if os.path.getsize(a) != os.path.getsize(b):
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x = fa.read(bufsize)
            y = fb.read(bufsize)
            if x != y:
                return False
            if not x:
                return True


def run_timed(argv, stdout_path=None):
    """Run argv; return (seconds, returncode, stdout_text, stderr_text)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    try:
        t0 = time.perf_counter()
        p = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE)
        t1 = time.perf_counter()
    finally:
        if stdout_path:
            out.close()
    so = "" if stdout_path else p.stdout.decode("utf-8", "replace")
    return t1 - t0, p.returncode, so, p.stderr.decode("utf-8", "replace")


class Config:
    """One compressor configuration.

    kind 'at1': compress/decompress through at1 (output must round-trip byte for byte).
    kind 'ext': an external tool writing to stdout.
    """

    def __init__(self, key, label, kind, comp, decomp, group, exact=True, needs=None):
        self.key, self.label, self.kind = key, label, kind
        self.comp, self.decomp = comp, decomp  # functions (src, dst) -> (argv, stdout_path)
        self.group = group  # 'codec', 'raw', 'plain', 'vcf'
        self.exact = exact  # decompressed output must equal the input
        self.needs = needs  # external program required


def make_configs(at1, plugins, threads, codec):
    base = [at1, "--plugin-dir", plugins]
    thr = ["--threads", str(threads)] if threads else []

    def at1c(c, backend, level):
        lv = ["--level", level] if level else []
        return lambda s, d: (base + ["compress", c, s, d, "--backend", backend] + lv + thr, None)

    def at1d():
        return lambda s, d: (base + ["decompress", s, d] + thr, None)

    def ext(argv):
        return lambda s, d: (argv + [s], d)

    cfgs = []
    if codec:
        cfgs += [
            Config("codec_xz", "at1 %s xz (9e)" % codec, "at1", at1c(codec, "xz", None), at1d(), "codec"),
            Config("codec_zstd3", "at1 %s zstd 3" % codec, "at1", at1c(codec, "zstd", None), at1d(), "codec"),
            Config("codec_zstd19", "at1 %s zstd 19" % codec, "at1", at1c(codec, "zstd", "19"), at1d(), "codec"),
        ]
    cfgs += [
        Config("raw_xz9e", "at1 raw xz 9e", "at1", at1c("raw", "xz", "9e"), at1d(), "raw"),
        Config("raw_zstd3", "at1 raw zstd 3", "at1", at1c("raw", "zstd", "3"), at1d(), "raw"),
        Config("raw_zstd19", "at1 raw zstd 19", "at1", at1c("raw", "zstd", "19"), at1d(), "raw"),
        Config("xz9e", "xz -9e -T1", "ext", ext(["xz", "-9e", "-T1", "-c"]), ext(["xz", "-dc"]), "plain", needs="xz"),
        Config("xz6", "xz -6 -T1", "ext", ext(["xz", "-6", "-T1", "-c"]), ext(["xz", "-dc"]), "plain", needs="xz"),
        Config("zstd19", "zstd -19 -T1", "ext", ext(["zstd", "-19", "-T1", "-q", "-c"]), ext(["zstd", "-dq", "-c"]),
               "plain", needs="zstd"),
        Config("zstd3", "zstd -3 -T1", "ext", ext(["zstd", "-3", "-T1", "-q", "-c"]), ext(["zstd", "-dq", "-c"]),
               "plain", needs="zstd"),
    ]
    return cfgs


def vcf_configs():
    cfgs = []
    cfgs.append(Config("bgzip", "bgzip (-l -1, 1 thread)", "ext",
                       lambda s, d: (["bgzip", "-c", "-@", "1", s], d),
                       lambda s, d: (["bgzip", "-dc", s], d), "vcf", needs="bgzip"))
    # BCF is a binary re-encoding: decoding gives equivalent, not byte-identical, VCF text.
    # BCF needs every contig declared in the header; VCFs that omit them (legal in text VCF) get
    # `##contig=<ID=...>` lines for the CHROM values they use, added on the fly (awk, two passes).
    add_contigs = ("awk -F'\\t' 'NR==FNR { if ($0 !~ /^#/ && !($1 in c)) { c[$1]; o[++n]=$1 } next }"
                   " /^##contig=<ID=/ { split(substr($0, 14), a, /[,>]/); d[a[1]] }"
                   " /^#CHROM/ { for (i = 1; i <= n; i++) if (!(o[i] in d)) print \"##contig=<ID=\" o[i] \">\" }"
                   " { print }' \"$1\" \"$1\" | bcftools view --no-version -Ob -o \"$2\"")
    cfgs.append(Config("bcf", "bcftools view -Ob", "ext",
                       lambda s, d: (["sh", "-c", add_contigs, "sh", s, d], None),
                       lambda s, d: (["bcftools", "view", "--no-version", "-Ov", "-o", d, s], None),
                       "vcf", exact=False, needs="bcftools"))
    return cfgs


SUMMARY_RE = re.compile(r"frames (\d+) \(structured (\d+), raw (\d+), fallbacks (\d+)\)")
INFO_RE = re.compile(r"frames:\s+(\d+) \(structured (\d+), raw (\d+)\)")


def frames_of(at1, plugins, archive, compress_output):
    m = SUMMARY_RE.search(compress_output)
    if m:
        return tuple(int(x) for x in m.groups())
    t, rc, so, se = run_timed([at1, "--plugin-dir", plugins, "info", archive])
    m = INFO_RE.search(so + se)
    if m:
        n, s, r = (int(x) for x in m.groups())
        return (n, s, r, None)
    return None


def why(stderr):
    """The most telling line of a failed tool's stderr."""
    lines = [l.strip() for l in stderr.strip().splitlines() if l.strip()]
    if not lines:
        return "(no message)"
    for l in lines:
        if "[W::" in l or "[E::" in l:
            return l[:240]
    return lines[-1][:240]


def bench_one(cfg, src, work, repeat, at1, plugins):
    """Returns a result dict for one config on one file."""
    res = {"config": cfg.key, "ok": False}
    arc = os.path.join(work, "arc." + cfg.key)
    dec = os.path.join(work, "dec." + cfg.key)
    insize = os.path.getsize(src)
    ctimes, dtimes = [], []
    cout = ""
    for _ in range(repeat):
        for p in (arc, dec):
            if os.path.exists(p):
                os.remove(p)
        argv, so_path = cfg.comp(src, arc)
        t, rc, so, se = run_timed(argv, so_path)
        if rc != 0 or not os.path.exists(arc):
            res["error"] = "compress exit %d: %s" % (rc, why(se))
            return res
        ctimes.append(t)
        cout = so + se
        argv, so_path = cfg.decomp(arc, dec)
        t, rc, so, se = run_timed(argv, so_path)
        if rc != 0 or not os.path.exists(dec):
            res["error"] = "decompress exit %d: %s" % (rc, why(se))
            return res
        dtimes.append(t)
        if cfg.exact and not files_equal(src, dec):
            res["error"] = "MISMATCH: decompressed output differs from the input"
            return res
    res["size"] = os.path.getsize(arc)
    res["ctime"] = min(ctimes)
    res["dtime"] = min(dtimes)
    res["ratio"] = insize / res["size"] if res["size"] else float("inf")
    if cfg.kind == "at1":
        res["frames"] = frames_of(at1, plugins, arc, cout)
    res["ok"] = True
    for p in (arc, dec):
        if os.path.exists(p):
            os.remove(p)
    return res


def list_codecs(at1, plugins):
    t, rc, so, se = run_timed([at1, "--plugin-dir", plugins, "plugins"])
    codecs, refused, in_codecs = set(), [], False
    for line in (so + se).splitlines():
        if line.startswith("codecs:"):
            in_codecs = True
            continue
        if in_codecs:
            m = re.match(r"^  (\S+)\s+(format|built in)", line)
            if m:
                codecs.add(m.group(1))
            elif line and not line.startswith(" "):
                in_codecs = False
        if "refused" in line.lower():
            refused.append(line.strip())
    return codecs, so + se


def cmd_version(argv):
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=20)
        return p.stdout.decode("utf-8", "replace").strip().splitlines()[0]
    except Exception:
        return "n/a"


def machine_info():
    cpu = "unknown"
    try:
        out = subprocess.run(["lscpu"], stdout=subprocess.PIPE).stdout.decode()
        for line in out.splitlines():
            if line.startswith("Model name:"):
                cpu = line.split(":", 1)[1].strip()
                break
    except Exception:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.1f GiB" % (kb / 1048576)
    except Exception:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem": mem, "kernel": platform.release()}


def git_info():
    def g(*a):
        try:
            return subprocess.run(["git", "-C", REPO] + list(a), stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL).stdout.decode().strip()
        except Exception:
            return ""
    return {"head": g("log", "-1", "--format=%h %s")[:100]}






# ---------------------------------------------------------------------------------------------
# report


def mbps(nbytes, secs):
    return nbytes / 1e6 / secs if secs and secs > 0 else float("nan")


def fmt_ratio(x):
    return "—" if x is None else "%.2f" % x


def fmt_mult(x):
    return "—" if x is None else "%.2fx" % x


def fmt_speed(x):
    if x is None or x != x:
        return "—"
    return "%.1f" % x if x < 100 else "%.0f" % x


def fmt_int(n):
    return "{:,}".format(n)


def totals(domain_res, key, files, partial=False):
    """Sum over the files. Returns None if the config failed on any file (unless partial: then the
    sums cover the files it succeeded on, and 'n' says how many)."""
    orig = comp = n = 0
    ct = dt = 0.0
    for f in files:
        r = domain_res["files"][f]["results"].get(key)
        if r is None or not r.get("ok"):
            if partial:
                continue
            return None
        n += 1
        orig += domain_res["files"][f]["bytes"]
        comp += r["size"]
        ct += r["ctime"]
        dt += r["dtime"]
    if comp == 0:
        return None
    return {"orig": orig, "comp": comp, "ratio": orig / comp, "cmbps": mbps(orig, ct), "dmbps": mbps(orig, dt), "n": n}


def render(data):
    L = []
    meta = data["meta"]
    L.append("### Corpus benchmark (generated by `tests/bench/bench.py`)")
    L.append("")
    L.append("- date: %s" % meta["date"])
    L.append("- machine: %s, nproc %s, %s RAM, Linux %s" % (meta["machine"]["cpu"], meta["machine"]["nproc"],
                                                             meta["machine"]["mem"], meta["machine"]["kernel"]))
    L.append("- load average (1/5/15 min) at start: %s, at end: %s%s" % (
        meta["load_start"], meta["load_end"],
        " — **loaded machine: timings are noisy, ratios are not affected**" if meta["loaded"] else ""))
    L.append("- at1: `%s` built from %s; repository HEAD when run: %s; plugins `%s`; at1 --threads %s" % (
        meta["at1"], meta["build_source"], meta["git"]["head"], meta["plugins"],
        meta["threads"] or "default (all cores)"))
    L.append("- tools: %s" % "; ".join("%s" % v for v in meta["versions"].values()))
    L.append("- corpus: `%s`; timings: wall clock, best of %d run(s), MB = 10^6 bytes, per-domain MB/s = "
             "total bytes / total time (process start-up included, so small files understate throughput)%s" % (
                 meta["corpus"], meta["repeat"], "; **--quick run (subset)**" if meta["quick"] else ""))
    L.append("- every at1 archive was decompressed and compared byte for byte with its input: %s" % (
        "**%d FAILURE(S)** (see below)" % len(data["failures"]) if data["failures"] else "all identical"))
    L.append("")

    # ---- headline multiples per domain
    L.append("#### Ratio multiples per domain (totals: sum of original bytes / sum of compressed bytes)")
    L.append("")
    L.append("| domain | codec | files | original bytes | at1 codec xz / xz -9e | at1 codec zstd 3 / zstd -3 "
             "| at1 codec zstd 19 / zstd -19 | frames structured / raw, fallbacks (codec, xz) |")
    L.append("|---|---|---:|---:|---:|---:|---:|---|")
    for dom in data["domains"]:
        d = data["domain_results"][dom]
        files = d["order"]
        orig = sum(d["files"][f]["bytes"] for f in files)
        codec = d["codec"]
        if d.get("missing"):
            L.append("| %s | %s **missing** | %d | %s | — | — | — | — |" % (dom, codec, len(files), fmt_int(orig)))
            continue
        def mult(a, b):
            ta, tb = totals(d, a, files), totals(d, b, files)
            return fmt_mult(ta["ratio"] / tb["ratio"]) if ta and tb else "failed"
        fs = d.get("frames_total")
        fr = "%d / %d, %s" % (fs[1], fs[2], fs[3] if fs[3] is not None else "?") if fs else "—"
        L.append("| %s | %s | %d | %s | %s | %s | %s | %s |" % (
            dom, codec, len(files), fmt_int(orig), mult("codec_xz", "xz9e"), mult("codec_zstd3", "zstd3"),
            mult("codec_zstd19", "zstd19"), fr))
    L.append("")

    # ---- container overhead summary
    L.append("#### Container overhead: `at1 compress raw` vs the plain tool at the same level "
             "(goal: at1 raw ≤ plain × 1.005 + 1 KB, every file)")
    L.append("")
    L.append("| domain | pair | total at1 raw | total plain | total Δ | worst file Δ (bytes, %) | files within goal |")
    L.append("|---|---|---:|---:|---:|---|---:|")
    for dom in data["domains"]:
        d = data["domain_results"][dom]
        files = d["order"]
        for a, b, name in (("raw_xz9e", "xz9e", "raw xz 9e vs xz -9e"), ("raw_zstd3", "zstd3", "raw zstd 3 vs zstd -3"),
                           ("raw_zstd19", "zstd19", "raw zstd 19 vs zstd -19")):
            ta, tb = totals(d, a, files), totals(d, b, files)
            if not ta or not tb:
                L.append("| %s | %s | failed | | | | |" % (dom, name))
                continue
            worst, worst_f, ok = None, "", 0
            for f in files:
                ra, rb = d["files"][f]["results"][a]["size"], d["files"][f]["results"][b]["size"]
                delta = ra - rb
                if ra <= rb * (1 + OVERHEAD_REL) + OVERHEAD_ABS:
                    ok += 1
                if worst is None or delta > worst[0]:
                    worst, worst_f = (delta, 100.0 * delta / rb), f
            L.append("| %s | %s | %s | %s | %+d (%+.2f%%) | %s: %+d (%+.2f%%) | %d/%d |" % (
                dom, name, fmt_int(ta["comp"]), fmt_int(tb["comp"]), ta["comp"] - tb["comp"],
                100.0 * (ta["comp"] - tb["comp"]) / tb["comp"], worst_f, worst[0], worst[1], ok, len(files)))
    L.append("")

    # ---- per domain: all configs
    for dom in data["domains"]:
        d = data["domain_results"][dom]
        files = d["order"]
        orig = sum(d["files"][f]["bytes"] for f in files)
        L.append("#### %s — %d files, %s bytes" % (dom, len(files), fmt_int(orig)))
        L.append("")
        if d.get("missing"):
            L.append("Codec `%s`: **plugin missing** (not listed by `at1 plugins`); only raw and plain tools ran." % d["codec"])
            L.append("")
        for n in d.get("notes", []):
            L.append("Note: " + n)
            L.append("")
        L.append("| configuration | compressed bytes | ratio | compress MB/s | decompress MB/s |")
        L.append("|---|---:|---:|---:|---:|")
        for key, label in d["configs"]:
            t = totals(d, key, files)
            if t is None:
                tp = totals(d, key, files, partial=True)
                if tp is None:
                    L.append("| %s | failed on every file | | | |" % label)
                else:
                    L.append("| %s (only the %d/%d files it accepted: %s bytes; not comparable to the rows above) "
                             "| %s | %.2f | %s | %s |" % (label, tp["n"], len(files), fmt_int(tp["orig"]),
                                                         fmt_int(tp["comp"]), tp["ratio"], fmt_speed(tp["cmbps"]),
                                                         fmt_speed(tp["dmbps"])))
            else:
                L.append("| %s | %s | %.2f | %s | %s |" % (label, fmt_int(t["comp"]), t["ratio"],
                                                          fmt_speed(t["cmbps"]), fmt_speed(t["dmbps"])))
        L.append("")
        # per-file ratios
        keys = [k for k, _ in d["configs"]]
        short = {"codec_xz": "codec xz", "codec_zstd3": "codec zstd3", "codec_zstd19": "codec zstd19",
                 "raw_xz9e": "raw xz9e", "raw_zstd3": "raw zstd3", "raw_zstd19": "raw zstd19", "xz9e": "xz -9e",
                 "xz6": "xz -6", "zstd19": "zstd -19", "zstd3": "zstd -3", "bgzip": "bgzip", "bcf": "BCF"}
        L.append("<details><summary>%s: per-file ratios</summary>" % dom)
        L.append("")
        has_codec = "codec_xz" in keys
        hdr = "| file | bytes | " + " | ".join(short.get(k, k) for k in keys)
        if has_codec:
            hdr += " | codec xz / xz -9e | frames s/r, fb"
        L.append(hdr + " |")
        L.append("|---|---:|" + "---:|" * len(keys) + ("---:|---|" if has_codec else ""))
        for f in files:
            fr = d["files"][f]
            cells = []
            for k in keys:
                r = fr["results"].get(k)
                cells.append("%.2f" % r["ratio"] if r and r.get("ok") else "**fail**")
            row = "| %s | %s | %s" % (f, fmt_int(fr["bytes"]), " | ".join(cells))
            if has_codec:
                a, b = fr["results"].get("codec_xz"), fr["results"].get("xz9e")
                m = fmt_mult(a["ratio"] / b["ratio"]) if a and b and a.get("ok") and b.get("ok") else "—"
                fm = a.get("frames") if a and a.get("ok") else None
                fms = "%d/%d, %s" % (fm[1], fm[2], fm[3] if fm[3] is not None else "?") if fm else "—"
                row += " | %s | %s" % (m, fms)
            L.append(row + " |")
        L.append("")
        L.append("</details>")
        L.append("")

    if data["failures"]:
        L.append("#### FAILURES")
        L.append("")
        for f in data["failures"]:
            L.append("- " + f)
        L.append("")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("CORPUS", DEFAULT_CORPUS), help="corpus root (default %(default)s)")
    ap.add_argument("--domains", default=",".join(CODEC_DOMAIN.values()),
                    help="comma-separated domain folders (default %(default)s)")
    ap.add_argument("--at1", default=os.path.join(REPO, "build", "bin", "at1"), help="at1 binary")
    ap.add_argument("--plugins", default=None, help="plugin directory (default: ../plugins beside --at1)")
    ap.add_argument("--out", default=None, help="markdown report (updated between markers if present); default stdout")
    ap.add_argument("--json", default=None, help="also write the raw results as JSON here")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: the 2 smallest files of each domain, one repetition")
    ap.add_argument("--repeat", type=int, default=1, help="timing repetitions per measurement, best kept (default 1)")
    ap.add_argument("--threads", type=int, default=1,
                    help="at1 --threads for compress/decompress (default 1, like the -T1 baselines; 0 = at1 default)")
    args = ap.parse_args()

    at1 = os.path.abspath(args.at1)
    plugins = os.path.abspath(args.plugins or os.path.join(os.path.dirname(at1), "..", "plugins"))
    if not os.access(at1, os.X_OK):
        sys.exit("bench.py: at1 binary not found: %s (build it, or pass --at1)" % at1)
    if not os.path.isdir(plugins):
        sys.exit("bench.py: plugin directory not found: %s (pass --plugins)" % plugins)
    if not os.path.isdir(args.corpus):
        sys.exit("bench.py: corpus not found: %s (pass --corpus)" % args.corpus)
    for tool in ("xz", "zstd"):
        if not shutil.which(tool):
            sys.exit("bench.py: %s is required" % tool)
    repeat = 1 if args.quick else max(1, args.repeat)

    codecs, listing = list_codecs(at1, plugins)
    domains = [d.strip() for d in args.domains.split(",") if d.strip()]
    versions = {
        "xz": cmd_version(["xz", "--version"]),
        "zstd": cmd_version(["zstd", "--version"]).replace("*** ", "").replace(" ***", ""),
    }
    if shutil.which("bgzip"):
        versions["bgzip"] = cmd_version(["bgzip", "--version"])
    if shutil.which("bcftools"):
        versions["bcftools"] = cmd_version(["bcftools", "--version"])
    load_start = loadavg()
    data = {
        "meta": {
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "machine": machine_info(), "load_start": load_start, "git": git_info(), "at1": at1,
            "plugins": plugins, "build_source": build_source(at1), "threads": args.threads, "versions": versions, "corpus": args.corpus,
            "repeat": repeat, "quick": args.quick, "codecs_found": sorted(codecs),
        },
        "domains": [], "domain_results": {}, "failures": failures,
    }
    work = tempfile.mkdtemp(prefix="at1-bench.", dir=os.environ.get("TMPDIR", "/tmp"))
    try:
        for dom in domains:
            ddir = os.path.join(args.corpus, dom)
            if not os.path.isdir(ddir):
                loud("domain folder missing: %s" % ddir)
                continue
            codec = DOMAIN_CODEC.get(dom)
            files = sorted(f for f in os.listdir(ddir) if os.path.isfile(os.path.join(ddir, f))
                           and not f.endswith((".md", ".sh")))
            if args.quick:
                files = sorted(sorted(files, key=lambda f: os.path.getsize(os.path.join(ddir, f)))[:2])
            dres = {"codec": codec, "files": {}, "order": files, "notes": []}
            missing = codec is None or codec not in codecs
            if missing:
                dres["missing"] = True
                note("%s: codec %s plugin missing (at1 plugins lists: %s); running raw and plain tools only"
                     % (dom, codec, ", ".join(sorted(codecs))))
            cfgs = make_configs(at1, plugins, args.threads, None if missing else codec)
            if dom == "vcf":
                for c in vcf_configs():
                    if shutil.which(c.needs):
                        cfgs.append(c)
                    else:
                        dres["notes"].append("`%s` is not installed: %s skipped (apt-get install %s)" % (
                            c.needs, c.label, "tabix" if c.needs == "bgzip" else "bcftools"))
                if any(c.key == "bcf" for c in cfgs):
                    dres["notes"].append("BCF (`bcftools view -Ob`, BGZF default level) is a binary re-encoding: its "
                                         "decompress time is `bcftools view -Ov` back to VCF text, which is not "
                                         "byte-identical to the input (header lines added/normalised), so it is not "
                                         "compared; bgzip is.")
            dres["configs"] = [(c.key, c.label) for c in cfgs]
            ftot = [0, 0, 0, 0]
            have_fb = True
            for f in files:
                src = os.path.join(ddir, f)
                fres = {"bytes": os.path.getsize(src), "results": {}}
                note("%s/%s (%d bytes)" % (dom, f, fres["bytes"]))
                for c in cfgs:
                    r = bench_one(c, src, work, repeat, at1, plugins)
                    fres["results"][c.key] = r
                    if not r["ok"]:
                        if c.kind == "at1" or "MISMATCH" in r.get("error", ""):
                            loud("%s/%s %s: %s" % (dom, f, c.label, r["error"]))
                        else:
                            dres["notes"].append("%s failed on %s: %s" % (c.label, f, r["error"]))
                            note("  %s failed: %s" % (c.label, r["error"]))
                    else:
                        note("  %-22s %10d  ratio %7.2f  c %8.2f MB/s  d %8.2f MB/s" % (
                            c.label, r["size"], r["ratio"], mbps(fres["bytes"], r["ctime"]),
                            mbps(fres["bytes"], r["dtime"])))
                    if c.key == "codec_xz" and r["ok"] and r.get("frames"):
                        fm = r["frames"]
                        for i in range(3):
                            ftot[i] += fm[i]
                        if fm[3] is None:
                            have_fb = False
                        else:
                            ftot[3] += fm[3]
                dres["files"][f] = fres
            if not missing:
                dres["frames_total"] = (ftot[0], ftot[1], ftot[2], ftot[3] if have_fb else None)
            data["domains"].append(dom)
            data["domain_results"][dom] = dres
    finally:
        shutil.rmtree(work, ignore_errors=True)

    load_end = loadavg()
    data["meta"]["load_end"] = load_end
    try:
        data["meta"]["loaded"] = max(float(load_start.split()[0]), float(load_end.split()[0])) > 0.5 * (os.cpu_count() or 1)
    except ValueError:
        data["meta"]["loaded"] = True
    text = render(data)
    write_block(args.out, text, "bench.py")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(data, f, indent=1, default=str)
    if failures:
        sys.stderr.write("\nbench.py: %d FAILURE(S):\n  %s\n" % (len(failures), "\n  ".join(failures)))
        sys.exit(1)
    note("bench.py: all at1 round trips byte-identical")


if __name__ == "__main__":
    main()
