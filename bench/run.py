#!/usr/bin/env python3
"""The avedi benchmark (scripts/bench runs it): generates the inputs (bench/generate.py), runs
every job on them in scratch installations under WORK, checks that each run did all its work,
and prints one table (median of several runs, min, max, peak RSS), also written to
docs/performance.md with the machine it ran on.

A run that exits non-zero, or stores fewer items than were generated, stops the benchmark: a
fast no-op must never be reported as a result.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATE = [sys.executable, os.path.join(REPO, "bench", "generate.py")]


class BenchFailure(Exception):
    pass


def fail(message):
    raise BenchFailure(message)


# ----- running and measuring -----

# avedi-bench-run (bench/run_measured.cpp), beside the jobs: forks, runs one program and
# reports its exit code, wall time and peak RSS. run() sets the path from --build.
MEASURED_RUNNER = None


def measure(argv, scratch, env=None, expect=(0,)):
    """Runs argv once through avedi-bench-run (a small C++ program: Python's own fork costs
    8-10 ms on this VM and would count as the job's time); returns (wall seconds, peak RSS MB,
    stdout)."""
    # Each run starts with the filesystem's dirty data written back: the copy the harness just
    # made (hundreds of MB) would otherwise be flushed by the job's own syncs (syncfs flushes
    # the whole filesystem) and by the kernel's writeback threads competing for the 2 cores.
    os.sync()
    out_path = os.path.join(scratch, ".bench-stdout")
    err_path = os.path.join(scratch, ".bench-stderr")
    result = subprocess.run([MEASURED_RUNNER, out_path, err_path] + argv,
                            capture_output=True, text=True, env={**os.environ, **(env or {})})
    if result.returncode != 0:
        fail(f"measuring {' '.join(argv)} failed: {result.stderr}")
    code, wall, rss_kb = result.stdout.split()
    with open(out_path) as out:
        stdout = out.read()
    with open(err_path) as err:
        stderr = err.read()
    if int(code) not in expect:
        fail(f"{' '.join(argv)} exited {code}:\n{stderr[-3000:]}")
    return float(wall), int(rss_kb) / 1024.0, stdout


class Row:
    def __init__(self, name, unit="s"):
        self.name, self.unit = name, unit
        self.values, self.rss = [], []
        self.note = ""
        self.runs = None  # when a row's values summarise more runs than they are (the reader)

    def add(self, value, rss=None):
        self.values.append(value)
        if rss is not None:
            self.rss.append(rss)

    def cells(self):
        fmt = (lambda v: f"{v * 1000:.1f} ms") if self.unit == "ms" else (
            (lambda v: f"{v:.0f} MB/s") if self.unit == "MB/s" else (lambda v: f"{v:.2f} s"))
        med = statistics.median(self.values)
        return [self.name, fmt(med), fmt(min(self.values)), fmt(max(self.values)),
                f"{max(self.rss):.0f} MB" if self.rss else "", str(self.runs or len(self.values)),
                self.note]

    def median(self):
        return statistics.median(self.values)


# ----- the scratch installations -----

class Tree:
    """One installation: DIR/config (catalog, avedi.yaml), DIR/var (folders, database)."""

    def __init__(self, root, build):
        self.root, self.build = root, build

    @property
    def config(self):
        return os.path.join(self.root, "config", "avedi.yaml")

    @property
    def database(self):
        return os.path.join(self.root, "var", "avedi.db")

    def folder(self, name):
        return os.path.join(self.root, "var", *name.split("/"))

    def job(self, name, *args):
        if name == "avedi":  # the operator command comes first: avedi status --config FILE
            return [os.path.join(self.build, name), *args, "--config", self.config]
        return [os.path.join(self.build, name), "--config", self.config, *args]

    def drop(self, source, inbox):
        """Copies `source` into an inbox, dated in the past (intake waits for quiet files)."""
        target = os.path.join(self.folder(inbox), os.path.basename(source))
        shutil.copyfile(source, target)
        old = time.time() - 3600
        os.utime(target, (old, old))
        return target

    def copy(self, root):
        if os.path.exists(root):
            set_aside(root)
        shutil.copytree(self.root, root, symlinks=True)
        return Tree(root, self.build)

    def query(self, sql):
        with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True) as db:
            return db.execute(sql).fetchall()

    def count(self, sql):
        return self.query(sql)[0][0]

    def table_counts(self):
        tables = [r[0] for r in self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: self.count(f"SELECT count(*) FROM {t}") for t in tables}


def set_aside(root):
    """Moves an earlier copy out of the way instead of deleting it: run() deletes them all after
    the last timing. On an ext4 without a journal (this VM's disk) the kernel skips every inode
    freed in the last few minutes when it allocates one, so deleting a 20,000-document copy right
    before a run charged the job with the harness's deletions: each of its staging files took up
    to a millisecond to create (avedi-acknowledge of 20,000 POs: 5 s more system time)."""
    aside = os.path.join(os.path.dirname(root), SET_ASIDE)
    os.makedirs(aside, exist_ok=True)
    os.rename(root, os.path.join(aside, f"{os.path.basename(root)}-{len(os.listdir(aside))}"))


SET_ASIDE = "set-aside"


# Sets of one type we sent (several sets per interchange: one documents row per file).
SETS_DELIVERED = ("SELECT count(*) FROM document_sets s JOIN documents d ON d.id = s.document_id "
                  "WHERE d.type = '{}' AND d.state = 'delivered'")


def expect_equal(what, got, wanted):
    if got != wanted:
        fail(f"{what}: {got}, expected {wanted}")


def inputs(tree, prefix):
    folder = os.path.join(tree.root, "input")
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.startswith(prefix))


# ----- the benchmark -----

def run(args):
    global MEASURED_RUNNER
    build = args.build
    MEASURED_RUNNER = os.path.join(build, "avedi-bench-run")
    work = os.path.abspath(args.work)
    # The last benchmark's installations are deleted after this one's timings, not before them
    # (see set_aside); one left by an interrupted benchmark goes now.
    previous = work + ".previous"
    if os.path.exists(previous):
        shutil.rmtree(previous)
    if os.path.exists(work):
        os.rename(work, previous)
    os.makedirs(work)
    reps = args.repeats
    rows = []
    orders = args.orders
    started = time.perf_counter()

    def log(message):
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", flush=True)

    # --- inputs ---
    base = Tree(os.path.join(work, "base"), build)
    subprocess.run(GENERATE + ["setup", base.root, "--orders", str(orders)], check=True)
    batch = inputs(base, "850-batch-")[0]
    batch_mb = os.path.getsize(batch) / 1e6
    measure(base.job("avedi", "init"), work)
    base.drop(inputs(base, "inventory_")[0], "3pl/inbox")
    measure(base.job("avedi-stock"), work)
    expect_equal("stock snapshots", base.count("SELECT count(*) FROM stock_snapshots"), 1)
    largest_input = batch_mb

    # --- (1) the reader alone ---
    # A read takes a tenth of a second and this machine's timings scatter by 1.5x from one read
    # to the next (a shared VM): the median of 15 or more reads, in one process.
    _, rss, out = measure([os.path.join(build, "avedi-bench-read"), batch, str(max(reps * 5, 15))],
                          work)
    reader = json.loads(out)
    row = Row(f"X12 reader on the {batch_mb:.0f} MB 850 batch ({reader['segments']:,} segments)",
              "MB/s")
    row.values = [reader["median_mb_s"], reader["min_mb_s"], reader["max_mb_s"]]
    row.runs = reader["repeats"]
    row.rss = [rss]
    row.note = "target >= 500 MB/s"
    row.median = lambda: reader["median_mb_s"]
    rows.append(row)
    log(f"reader: {reader['median_mb_s']} MB/s")

    # --- (2) receive the batch into an empty database (stock loaded) ---
    row = Row(f"avedi-receive: {orders:,} POs ({batch_mb:.0f} MB) into an empty database")
    for rep in range(reps):
        tree = base.copy(os.path.join(work, "received"))
        tree.drop(batch, "as2/inbox")
        wall, rss, _ = measure(tree.job("avedi-receive"), work)
        row.add(wall, rss)
        expect_equal("POs stored", tree.count("SELECT count(*) FROM purchase_orders"), orders)
        expect_equal("files archived",
                     tree.count("SELECT count(*) FROM files WHERE job = 'avedi-receive' AND state = 'archived'"), 1)
        archived = [f for _, _, files in os.walk(tree.folder("archive")) for f in files]
        if os.path.basename(batch) not in archived:
            fail(f"{os.path.basename(batch)} is not in the archive: {archived}")
        expect_equal("997s sent", tree.count(
            "SELECT count(*) FROM documents WHERE type = '997' AND state = 'delivered'"), 1)
    received = tree
    receive_row = row
    rows.append(row)
    log(f"receive: {row.median():.2f} s")

    # --- (7) the floor ---
    row = Row(f"floor: {orders:,} POs and their lines inserted by SQLiteCpp, one transaction")
    for rep in range(reps):
        db = os.path.join(work, "floor.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        wall, rss, out = measure([os.path.join(build, "avedi-bench-floor"), db, batch], work)
        expect_equal("floor POs", json.loads(out)["orders"], orders)
        row.add(wall, rss)
    floor_row = row
    rows.append(row)
    receive_row.note = (f"{receive_row.median() / floor_row.median():.1f}x the floor; "
                        "target < 3x and < 10 s")
    log(f"floor: {row.median():.2f} s")

    # --- (3) acknowledge ---
    row = Row(f"avedi-acknowledge: {orders:,} POs -> 855s and the release CSV")
    for rep in range(reps):
        tree = received.copy(os.path.join(work, "acknowledged"))
        wall, rss, _ = measure(tree.job("avedi-acknowledge"), work)
        row.add(wall, rss)
        expect_equal("POs left unacknowledged",
                     tree.count("SELECT count(*) FROM purchase_orders WHERE state = 'received'"), 0)
        expect_equal("855s delivered", tree.count(SETS_DELIVERED.format("855")), orders)
    acknowledged = tree
    row.note = "target < 10 s"
    rows.append(row)
    log(f"acknowledge: {row.median():.2f} s")

    # --- (4) route, receive 754s, ship, invoice ---
    subprocess.run(GENERATE + ["ready", acknowledged.root], check=True)
    ready_files = inputs(acknowledged, "ready_")
    largest_input = max([largest_input] + [os.path.getsize(f) / 1e6 for f in ready_files])
    row = Row("")
    for rep in range(args.chain_repeats):
        tree = acknowledged.copy(os.path.join(work, "routed"))
        for path in ready_files:
            tree.drop(path, "3pl/inbox")
        wall, rss, _ = measure(tree.job("avedi-route"), work)
        row.add(wall, rss)
        expect_equal("ready files archived", tree.count(
            "SELECT count(*) FROM files WHERE job = 'avedi-route' AND state = 'archived'"),
            len(ready_files))
    shipments = tree.count("SELECT count(*) FROM shipments")
    expect_equal("shipments", shipments, (orders + 1) // 2)
    expect_equal("753s delivered", tree.count(SETS_DELIVERED.format("753")), shipments)
    row.name = f"avedi-route: {len(ready_files)} ready CSVs -> {shipments:,} shipments, 753s"
    rows.append(row)
    routed = tree
    log(f"route: {row.median():.2f} s")

    subprocess.run(GENERATE + ["routing", routed.root], check=True)
    routing_files = inputs(routed, "754-")
    row = Row(f"avedi-receive: {shipments:,} 754s in {len(routing_files)} files")
    for rep in range(args.chain_repeats):
        tree = routed.copy(os.path.join(work, "routing"))
        for path in routing_files:
            tree.drop(path, "as2/inbox")
        wall, rss, _ = measure(tree.job("avedi-receive"), work)
        row.add(wall, rss)
        expect_equal("shipments routed",
                     tree.count("SELECT count(*) FROM shipments WHERE arn IS NOT NULL"), shipments)
    rows.append(row)
    log(f"754s: {row.median():.2f} s")

    subprocess.run(GENERATE + ["shipped", tree.root], check=True)
    shipped_files = inputs(tree, "shipped_")
    largest_input = max([largest_input] + [os.path.getsize(f) / 1e6 for f in shipped_files])
    ship_row = Row(f"avedi-ship: {len(shipped_files)} shipped CSVs -> {shipments:,} 856s")
    invoice_row = Row("")
    routing_done = tree
    for rep in range(args.chain_repeats):
        tree = routing_done.copy(os.path.join(work, "shipped"))
        for path in shipped_files:
            tree.drop(path, "3pl/inbox")
        wall, rss, _ = measure(tree.job("avedi-ship"), work)
        ship_row.add(wall, rss)
        expect_equal("856s delivered", tree.count(SETS_DELIVERED.format("856")), shipments)
        wall, rss, _ = measure(tree.job("avedi-invoice"), work)
        invoice_row.add(wall, rss)
        invoices = tree.count("SELECT count(*) FROM invoices")
        expect_equal("810s delivered", tree.count(SETS_DELIVERED.format("810")), invoices)
        if invoices < shipments:
            fail(f"only {invoices} invoices for {shipments} shipments")
    invoice_row.name = f"avedi-invoice: {invoices:,} 810s"
    together = [s + i for s, i in zip(ship_row.values, invoice_row.values)]
    invoice_row.note = f"ship + invoice {statistics.median(together):.2f} s; target < 10 s"
    rows += [ship_row, invoice_row]
    log(f"ship {ship_row.median():.2f} s, invoice {invoice_row.median():.2f} s")

    subprocess.run(GENERATE + ["acks", tree.root], check=True)
    ack_files = inputs(tree, "997-")
    groups = tree.count("SELECT count(*) FROM documents WHERE type IN ('855','753','856','810')")
    row = Row(f"avedi-receive: Amazon's 997s for {groups:,} groups sent")
    final_source = tree
    for rep in range(args.chain_repeats):
        tree = final_source.copy(os.path.join(work, "final"))
        for path in ack_files:
            tree.drop(path, "as2/inbox")
        wall, rss, _ = measure(tree.job("avedi-receive"), work)
        row.add(wall, rss)
        expect_equal("groups without Amazon's 997", tree.count(
            "SELECT count(*) FROM documents WHERE type IN ('855','753','856','810') "
            "AND ack_status IS NULL"), 0)
        expect_equal("sets without Amazon's verdict", tree.count(
            "SELECT count(*) FROM document_sets WHERE ack_status IS NULL"), 0)
    rows.append(row)
    final = tree
    log(f"997s: {row.median():.2f} s")

    # --- (5) an empty run ---
    row = Row(f"avedi-receive on an empty inbox ({orders:,}-PO database)", "ms")
    for rep in range(max(reps, 5)):
        before = final.table_counts()
        wall, rss, _ = measure(final.job("avedi-receive"), work)
        after = final.table_counts()
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        expect_equal("tables an empty run changed", changed,
                     {"runs": (before["runs"], before["runs"] + 1)})
        row.add(wall, rss)
    row.note = "target < 20 ms; only the run row written"
    rows.append(row)

    # --- (6) status and order ---
    row = Row("avedi status", "ms")
    for rep in range(max(reps, 5)):
        wall, rss, _ = measure(final.job("avedi", "status"), work, expect=(0, 1))
        row.add(wall, rss)
    row.note = "target < 200 ms"
    rows.append(row)
    po = final.query("SELECT po_number FROM purchase_orders ORDER BY id LIMIT 1 OFFSET "
                     f"{orders // 2}")[0][0]
    row = Row("avedi order PO", "ms")
    for rep in range(max(reps, 5)):
        wall, rss, out = measure(final.job("avedi", "order", po), work)
        if po not in out:
            fail(f"avedi order {po} does not show the PO")
        row.add(wall, rss)
    row.note = "target < 50 ms"
    rows.append(row)

    # --- linear growth: a second batch of twice the POs, into the received database ---
    second = Tree(os.path.join(work, "second-batch"), build)
    for part in (1, 2):
        subprocess.run(GENERATE + ["setup", second.root, "--orders", str(orders), "--seed",
                                   str(1000 + part), "--control", str(800000 + part)],
                       check=True)
    second_files = inputs(second, "850-batch-")
    row = Row(f"avedi-receive: a second batch of {2 * orders:,} POs ({len(second_files)} files) "
              f"into the {orders:,}-PO database")
    for rep in range(reps):
        tree = received.copy(os.path.join(work, "twice"))
        for path in second_files:
            tree.drop(path, "as2/inbox")
        wall, rss, _ = measure(tree.job("avedi-receive"), work)
        row.add(wall, rss)
        expect_equal("POs stored", tree.count("SELECT count(*) FROM purchase_orders"), 3 * orders)
    row.note = f"{row.median() / receive_row.median():.2f}x the first batch; target about 2x"
    rows.append(row)
    log(f"second batch: {row.median():.2f} s")

    limit = 1.5 * largest_input + 64
    peak = max(max(r.rss) for r in rows if r.rss and not r.name.startswith("floor"))
    summary = (f"Peak RSS of any job: {peak:.0f} MB; limit 1.5 x the largest input "
               f"({largest_input:.1f} MB) + 64 MB = {limit:.0f} MB.")
    shutil.rmtree(os.path.join(work, SET_ASIDE), ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)
    return rows, summary, time.perf_counter() - started


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with open("/proc/meminfo") as info:
        memory = int(info.readline().split()[1]) // 1024
    load = os.getloadavg()
    return (f"{cpu}, {os.cpu_count()} cores, {memory} MB RAM, {platform.system()} "
            f"{platform.release()}; load average before the run "
            f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def table(rows):
    header = ["measure", "median", "min", "max", "peak RSS", "runs", "note"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(row.cells()) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(REPO, "build-bench"))
    parser.add_argument("--work", default=os.path.join(REPO, "build-bench", "bench-work"))
    parser.add_argument("--orders", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=3,
                        help="runs of the reader, receive, floor, acknowledge, second batch")
    parser.add_argument("--chain-repeats", type=int, default=1,
                        help="runs of route, 754s, ship, invoice, 997s (the long steps)")
    parser.add_argument("--doc", default=os.path.join(REPO, "docs", "performance.md"))
    parser.add_argument("--no-doc", action="store_true")
    args = parser.parse_args()
    where = machine()
    try:
        rows, summary, seconds = run(args)
    except BenchFailure as failure:
        print(f"bench: FAILED: {failure}", file=sys.stderr)
        return 1
    text = table(rows)
    print()
    print(text)
    print()
    print(summary)
    print(f"Whole benchmark: {seconds:.0f} s.")
    if not args.no_doc:
        write_doc(args, where, text, summary, seconds)
    return 0


def write_doc(args, where, text, summary, seconds):
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with open(args.doc, "w") as out:
        out.write(f"""# Performance

Written by `scripts/bench` ({today}); rerun it to refresh this page. It generates the inputs
with a fixed seed (`bench/generate.py`), builds `build-bench/` in Release (-O2), runs every job
in scratch installations (`build-bench/bench-work/`), checks that each run did all its work
(every PO stored, every file archived, every document delivered and acknowledged), and times
it: the median of {args.repeats} runs ({args.chain_repeats} for route, 754s, ship, invoice and
997s; at least 5 for the short ones) with min and max, and the peak RSS of the process. Issue 8 sets the targets.

Machine: {where}.

{text}

{summary} Whole benchmark: {seconds:.0f} s.

What each row is:

- X12 reader: `avedi-bench-read` times `x12::read_document` (envelopes, segment ids, every
  element of the dictionary's segments) on the batch already in memory; no storage.
- avedi-receive: the real job on an installation from `config/avedi.yaml` with the stock
  loaded; the 850 batch holds {args.orders:,} POs of 3 to 100 lines, every product id
  qualifier of `src/transactions/amazon_mapping.h`, EA and CA lines.
- floor: `avedi-bench-floor` inserts the same POs and lines into tables shaped like
  `purchase_orders` and `po_lines` through SQLiteCpp, in one transaction, with the store's
  settings (WAL, synchronous FULL): the cost of storing alone.
- route, ship, invoice: the ready CSVs pack every line avedi released in `orders_*.csv`, two POs
  per shipment; the 754s answer the 753s avedi sent; the shipped CSVs confirm every carton of
  the labels avedi wrote; the 997s accept every group avedi sent.
- The second batch ({2 * args.orders:,} POs in two files) goes into the database that already
  holds the first: time grows with the batch, not with the database.
- Each job is timed from its fork to its exit by `avedi-bench-run`, a small C++ program; the
  benchmark used to fork Python for that, which on this VM took 8-10 ms and counted as the
  job's (`/bin/true` measured 12 ms). Peak RSS is the process's own, from `wait4`.
- Each timed run starts after `sync`, in a fresh copy of its installation; earlier copies are
  set aside and deleted after the last timing. On an ext4 without a journal (the development
  VM's disk) the kernel's inode allocation skips, slowly, every inode freed in the last
  minutes: deleting a copy right before a run would charge the job with the harness's work.
""")


if __name__ == "__main__":
    sys.exit(main())
