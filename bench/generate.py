#!/usr/bin/env python3
"""Inputs for the avedi benchmark, from a fixed seed, in the layout of a real installation.

  generate.py setup  DIR --orders N [--seed S]  config (from config/avedi.yaml), catalog,
                                                  inventory CSV and one 850 batch of N POs
  generate.py ready  DIR                          ready CSVs packing every released PO line,
                                                  two POs per shipment (N/2 shipments)
  generate.py routing DIR                         a 754 for every 753 avedi-route sent
  generate.py shipped DIR                         shipped CSVs from the labels and routing
                                                  CSVs avedi wrote for the 3PL
  generate.py acks   DIR                          Amazon's 997 for every group avedi sent

Every later step reads what avedi itself wrote (orders_*.csv, avedi_753_*.edi, labels_*.csv,
routing_*.csv, avedi_*.edi), so the jobs downstream do real work on real data. The X12 has the
shape of sample-inbox/as2 (one segment per line, ~ terminator, > component separator) and uses
the qualifiers of src/transactions/amazon_mapping.h.
"""
import argparse
import csv
import glob
import os
import random
import re
import sys

SEED = 20261126
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# amazon_mapping.h: PO1 product id qualifiers and units.
QUALIFIERS = ["BP", "EN", "UP", "UK", "IB", "UA", "VN"]
WAREHOUSES = ["WH1", "WH2", "WH3", "WH4", "WH5"]
FCS = ["ABE8", "SDF8", "PHX6", "ONT8", "MDW2", "BFI4", "DFW7", "RIC2", "TPA1", "LGB8",
       "CLT2", "IND9", "MQJ1", "SCK4", "AVP1", "FTW1", "JAX3", "MCO1", "LAS1", "SLC1"]


def check_digit(digits):
    """GS1 check digit of `digits` (EAN, UPC, GTIN, SSCC)."""
    total = 0
    for i, d in enumerate(reversed(digits)):
        total += int(d) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def isbn13(rng):
    body = "978" + "".join(rng.choice("0123456789") for _ in range(9))
    return body + check_digit(body)


def gtin(rng, length):
    body = "".join(rng.choice("0123456789") for _ in range(length - 1))
    return body + check_digit(body)


def asin(rng):
    return "B0" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))


def folders(root):
    return {
        "as2_inbox": f"{root}/var/as2/inbox", "as2_outbox": f"{root}/var/as2/outbox",
        "tpl_inbox": f"{root}/var/3pl/inbox", "tpl_outbox": f"{root}/var/3pl/outbox",
        "input": f"{root}/input",
    }


# ----- setup: config, catalog, stock, the 850 batch -----

def write_config(root):
    """config/avedi.yaml as shipped, with the settings a backlog run needs."""
    with open(os.path.join(REPO, "config", "avedi.yaml")) as source:
        text = source.read()
    # Files are complete when the bench drops them; the backlog is processed at once.
    text = re.sub(r"min_age_seconds: \d+", "min_age_seconds: 0", text)
    os.makedirs(f"{root}/config", exist_ok=True)
    with open(f"{root}/config/avedi.yaml", "w") as out:
        out.write(text)
    for path in folders(root).values():
        os.makedirs(path, exist_ok=True)


def make_catalog(rng, skus):
    """SKUs with every kind of id; some books (ISBN), some discontinued, cases of 6/12/24."""
    items = []
    for n in range(skus):
        book = n % 10 == 9
        item = {
            "sku": f"SKU-{n:05d}",
            "asin": asin(rng),
            "ean": gtin(rng, 13) if n % 3 != 0 else "",
            "upc": gtin(rng, 12) if n % 3 != 1 else "",
            "gtin": gtin(rng, 14),
            "isbn": isbn13(rng) if book else "",
            "vendor_item": f"VI-{n:05d}",
            "case_pack": rng.choice([6, 12, 24]),
            "cost": f"{rng.randint(100, 9999) / 100:.2f}",
            "discontinued": "yes" if n % 97 == 13 else "no",
        }
        items.append(item)
    return items


def write_catalog(root, items):
    with open(f"{root}/config/catalog.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        columns = ["sku", "asin", "ean", "upc", "gtin", "isbn", "vendor_item", "case_pack",
                   "cost", "discontinued"]
        writer.writerow(columns)
        for item in items:
            writer.writerow([item[c] for c in columns])


def write_inventory(root, items, rng):
    """Plenty of most SKUs, little of some (backorders), none of a few (rejections)."""
    with open(f"{folders(root)['input']}/inventory_bench.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["sku", "available", "warehouse", "as_of"])
        for n, item in enumerate(items):
            if n % 50 == 7:
                continue  # not in stock at all
            available = rng.randint(0, 40) if n % 25 == 3 else 10_000_000
            writer.writerow([item["sku"], available, "3PL-EAST", "2026-11-26T06:00:00Z"])


def ids_for(item, rng):
    """Two product ids of `item`, by a qualifier it has (amazon_mapping.h PO106-PO109)."""
    available = [("BP", item["asin"]), ("UK", item["gtin"]), ("UA", item["gtin"]),
                 ("VN", item["vendor_item"])]
    if item["ean"]:
        available.append(("EN", item["ean"]))
    if item["upc"]:
        available.append(("UP", item["upc"]))
    if item["isbn"]:
        available.append(("IB", item["isbn"]))
    return rng.sample(available, 2)


def po_number(rng, used):
    while True:
        number = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
        if number not in used:
            used.add(number)
            return number


def shipment_plan(index):
    """The shipment PO `index` will travel in (two POs per shipment) and its FC, warehouse and
    ready date: avedi groups cartons by ship-from, FC and ready date."""
    shipment = index // 2
    fc = FCS[shipment % len(FCS)]
    warehouse = WAREHOUSES[(shipment // len(FCS)) % len(WAREHOUSES)]
    day = shipment // (len(FCS) * len(WAREHOUSES))
    return shipment, fc, warehouse, day


def write_850_batch(root, items, orders, rng, control):
    """One interchange, one group, `orders` 850s of 3 to 100 lines (mixed EA/CA)."""
    path = f"{folders(root)['input']}/850-batch-{control}.edi"
    used = set()
    segments_total = 0
    with open(path, "w") as out:
        out.write(f"ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       "
                  f"*261120*0830*U*00401*{control:09d}*0*T*>~\n")
        out.write(f"GS*PO*AMAZON*VENDORID*20261120*0830*{control}*X*004010~\n")
        for n in range(orders):
            _, fc, _, _ = shipment_plan(n)
            lines = rng.randint(3, 100)
            chosen = rng.sample(range(len(items)), lines)
            body = [
                f"ST*850*{n + 1:04d}",
                f"BEG*00*NE*{po_number(rng, used)}**20261120",
                "REF*CR*VEND01",
                "FOB*CC",
                f"CSH*{'Y' if n % 4 else 'N'}",
                "DTM*064*20261201",
                "DTM*063*20261208",
                f"N1*ST**92*{fc}",
            ]
            total = 0
            for line, index in enumerate(chosen, 1):
                item = items[index]
                case = line % 5 == 0
                quantity = rng.randint(1, 5) if case else rng.randint(1, 60)
                total += quantity
                uom = "CA" if case else "EA"
                cents = int(float(item["cost"]) * 100) * (item["case_pack"] if case else 1)
                price = f"{cents // 100}.{cents % 100:02d}".rstrip("0").rstrip(".")
                ids = ids_for(item, rng)
                if line % 4:  # most lines carry one id, every fourth two
                    ids = ids[:1]
                id_text = "*".join(f"{q}*{v}" for q, v in ids)
                body.append(f"PO1*{line}*{quantity}*{uom}*{price}*PE*{id_text}")
            body.append(f"CTT*{lines}*{total}")
            body.append(f"SE*{len(body) + 1}*{n + 1:04d}")
            segments_total += len(body)
            out.write("~\n".join(body) + "~\n")
        out.write(f"GE*{orders}*{control}~\nIEA*1*{control:09d}~\n")
    return path, segments_total + 4


def setup(args):
    rng = random.Random(args.seed)
    root = args.dir
    write_config(root)
    items = make_catalog(rng, args.skus)
    write_catalog(root, items)
    write_inventory(root, items, rng)
    path, segments = write_850_batch(root, items, args.orders, rng, args.control)
    print(f"{path}: {args.orders} POs, {segments} segments, {os.path.getsize(path)} bytes")


# ----- ready: pack what avedi released to the 3PL -----

def released_lines(root):
    """Every line of the orders_*.csv avedi-acknowledge wrote, in PO order of appearance."""
    by_po = {}
    for path in sorted(glob.glob(f"{folders(root)['tpl_outbox']}/orders_*.csv")):
        with open(path, newline="") as source:
            for row in csv.DictReader(source):
                by_po.setdefault(row["po_number"], []).append(row)
    return by_po


def po_index(root):
    """PO number -> its index in the 850 batch (which decides its shipment)."""
    index = {}
    for path in sorted(glob.glob(f"{folders(root)['input']}/850-batch-*.edi")):
        n = 0
        with open(path) as source:
            for line in source:
                if line.startswith("BEG*"):
                    index[line.split("*")[3]] = n
                    n += 1
    return index


def ready(args):
    root = args.dir
    by_po = released_lines(root)
    index = po_index(root)
    rows_per_file = args.rows_per_file
    files, rows, shipments = 0, 0, set()
    out = writer = None
    written_in_file = 0
    for po in sorted(by_po, key=lambda p: index[p]):
        shipment, fc, warehouse, day = shipment_plan(index[po])
        shipments.add(shipment)
        ready_date = f"2026-12-{1 + day % 28:02d}"
        lines = by_po[po]
        if out is None or written_in_file >= rows_per_file and index[po] % 2 == 0:
            # A shipment's two POs stay in one file; a file never splits a PO.
            if out:
                out.close()
            files += 1
            out = open(f"{folders(root)['input']}/ready_{files:04d}.csv", "w", newline="")
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["po_number", "sku", "quantity", "carton_id", "sscc", "pallet_id",
                             "weight_kg", "length_cm", "width_cm", "height_cm", "ready_date",
                             "ship_from"])
            written_in_file = 0
        for n, line in enumerate(lines):
            carton = f"C{po}-{n // 4 + 1}"  # four lines to a carton
            pallet = f"P{po}" if shipment % 3 == 0 else ""  # a pallet carries one PO
            writer.writerow([po, line["sku"], line["quantity"], carton, "", pallet,
                             "7.5", "40", "30", "30", ready_date, warehouse])
            rows += 1
            written_in_file += 1
        assert line["ship_to_fc"] == fc, (po, line["ship_to_fc"], fc)
    if out:
        out.close()
    print(f"ready: {rows} rows, {len(by_po)} POs, {len(shipments)} shipments, {files} files")


# ----- routing: Amazon answers every 753 with a 754 -----

def segments_of(path):
    with open(path) as source:
        text = source.read()
    return [s.strip().split("*") for s in text.split("~") if s.strip()]


def routing(args):
    root = args.dir
    requests = []
    # Each set of each 753 file (a file carries the 753s of a ready file, many sets).
    for path in sorted(glob.glob(f"{folders(root)['as2_outbox']}/avedi_753_*.edi")):
        for segment in segments_of(path):
            if segment[0] == "BGN":
                requests.append((segment[2], []))
            elif segment[0] == "L11" and len(segment) > 2 and segment[2] == "PO":
                requests[-1][1].append(segment[1])
    carriers = [("UPSN", "UNITED PARCEL SERVICE"), ("ABFS", "ABF FREIGHT"),
                ("FXFE", "FEDEX FREIGHT"), ("ODFL", "OLD DOMINION")]
    per_file = args.sets_per_file
    files = 0
    for start in range(0, len(requests), per_file):
        files += 1
        control = 2000000 + files
        body = []
        for n, (reference, pos) in enumerate(requests[start:start + per_file], 1):
            scac, name = carriers[(start + n) % len(carriers)]
            arn = f"{3400000000 + start + n}"
            segments = [f"ST*754*{n:04d}", f"BGN*00*{arn}*20261127*1000**{reference}",
                        f"N1*CA*{name}*2*{scac}"]
            for line, po in enumerate(pos, 1):
                segments += [f"LX*{line}", f"L11*{po}*PO", "G62*69*20261215*1*1400"]
            segments.append(f"SE*{len(segments) + 1}*{n:04d}")
            body += segments
        count = min(per_file, len(requests) - start)
        with open(f"{folders(root)['input']}/754-{files:04d}.edi", "w") as out:
            out.write(f"ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       "
                      f"*261127*1000*^*00501*{control:09d}*0*T*>~\n")
            out.write(f"GS*RG*AMAZON*VENDORID*20261127*1000*{control}*X*005010~\n")
            out.write("~\n".join(body) + "~\n")
            out.write(f"GE*{count}*{control}~\nIEA*1*{control:09d}~\n")
    print(f"routing: {len(requests)} 754s in {files} files")


# ----- shipped: the 3PL confirms every labelled carton -----

def shipped(args):
    root = args.dir
    outbox = folders(root)["tpl_outbox"]
    carrier = {}
    for path in glob.glob(f"{outbox}/routing_*.csv"):
        with open(path, newline="") as source:
            for row in csv.DictReader(source):
                carrier[row["shipment_id"]] = row["carrier_scac"]
    files, rows, written_in_file, out, writer = 0, 0, 0, None, None
    labels = sorted(glob.glob(f"{outbox}/labels_*.csv"))
    for path in labels:
        with open(path, newline="") as source:
            contents = list(csv.DictReader(source))
        if out is None or written_in_file >= args.rows_per_file:
            if out:
                out.close()
            files += 1
            out = open(f"{folders(root)['input']}/shipped_{files:04d}.csv", "w", newline="")
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["shipment_id", "po_number", "sku", "quantity", "sscc", "pallet_sscc",
                             "ship_date", "carrier_scac", "bol_number", "pro_number",
                             "tracking_number", "estimated_delivery"])
            written_in_file = 0
        for row in contents:
            shipment = row["shipment_id"]
            if shipment not in carrier:
                sys.exit(f"shipped: no routing (754) for {shipment}")
            writer.writerow([shipment, row["po_number"], row["sku"], row["quantity"], row["sscc"],
                             "", "2026-12-15", carrier[shipment], f"BOL{shipment[3:]}",
                             f"PRO{shipment[3:]}", "", "2026-12-19"])
            rows += 1
            written_in_file += 1
    if out:
        out.close()
    print(f"shipped: {rows} rows for {len(labels)} shipments in {files} files")


# ----- acks: Amazon's 997 for every group we sent -----

def acks(args):
    root = args.dir
    groups = []
    for path in sorted(glob.glob(f"{folders(root)['as2_outbox']}/avedi_*.edi")):
        kind = os.path.basename(path).split("_")[1]
        if kind not in ("855", "753", "856", "810"):
            continue
        gs, st_count = None, 0
        for segment in segments_of(path):
            if segment[0] == "GS":
                gs = segment
            elif segment[0] == "ST":
                st_count += 1
        groups.append((gs[1], gs[6], gs[8], st_count))
    per_file = args.sets_per_file
    files = 0
    for start in range(0, len(groups), per_file):
        files += 1
        control = 5000000 + files
        chunk = groups[start:start + per_file]
        body = []
        for n, (functional_id, group_control, version, sets) in enumerate(chunk, 1):
            body += [f"ST*997*{n:04d}", f"AK1*{functional_id}*{group_control}",
                     f"AK9*A*{sets}*{sets}*{sets}", f"SE*4*{n:04d}"]
        with open(f"{folders(root)['input']}/997-{files:04d}.edi", "w") as out:
            out.write(f"ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       "
                      f"*261121*0100*U*00401*{control:09d}*0*T*>~\n")
            out.write(f"GS*FA*AMAZON*VENDORID*20261121*0100*{control}*X*004010~\n")
            out.write("~\n".join(body) + "~\n")
            out.write(f"GE*{len(chunk)}*{control}~\nIEA*1*{control:09d}~\n")
    print(f"acks: 997s for {len(groups)} groups in {files} files")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("setup")
    p.add_argument("dir")
    p.add_argument("--orders", type=int, default=20000)
    p.add_argument("--skus", type=int, default=5000)
    p.add_argument("--control", type=int, default=700001)
    p.add_argument("--seed", type=int, default=SEED)
    p.set_defaults(run=setup)
    for name, run, size in (("ready", ready, 50000), ("shipped", shipped, 50000)):
        p = sub.add_parser(name)
        p.add_argument("dir")
        p.add_argument("--rows-per-file", type=int, default=size)
        p.set_defaults(run=run)
    for name, run in (("routing", routing), ("acks", acks)):
        p = sub.add_parser(name)
        p.add_argument("dir")
        p.add_argument("--sets-per-file", type=int, default=1000)
        p.set_defaults(run=run)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
