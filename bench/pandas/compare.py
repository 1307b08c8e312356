#!/usr/bin/python3
"""Compares two implementations' outputs of one pipeline; exit 0 when they agree, 1 (with the reason) when not.

  compare.py a SUMMARY.csv SUMMARY.csv      grouped+sorted values equal, row for row (floats within 1e-6 relative)
  compare.py b JOINED JOINED                row count + checksums of key columns (.pkl read by pandas, .parquet by rawduckdb)
  compare.py c 'GLOB' 'GLOB'                rows, (customer_id, product) keys and masked emails of all part files equal

Environment: RAWDUCKDB = command that runs bench/ElsaFlow.RawDuckDb (for reading Parquet; pandas has no engine here).
"""
import glob
import os
import shlex
import subprocess
import sys

import numpy as np
import pandas as pd

KEYS = ["region", "category", "product"]


def fail(message):
    print(f"DIFFER: {message}")
    sys.exit(1)


def compare_a(left, right):
    a, b = pd.read_csv(left), pd.read_csv(right)
    if list(a.columns) != list(b.columns):
        fail(f"columns {list(a.columns)} vs {list(b.columns)}")
    if len(a) != len(b):
        fail(f"{len(a)} vs {len(b)} rows")
    for key in KEYS + ["orders"]:
        if not (a[key].values == b[key].values).all():
            fail(f"column {key} differs (row order or values)")
    for value in ["total", "avg_price"]:
        if not np.allclose(a[value].values, b[value].values, rtol=1e-6, atol=0):
            fail(f"column {value} differs beyond 1e-6 relative")
    return f"{len(a)} groups equal"


CHECKSUM_SQL = """SELECT count(*), sum(order_id), sum(customer_id), sum(quantity), sum(order_id * length(segment)),
  sum(order_id * length(name)), sum(order_id * ascii(country)), sum(order_id * day(CAST(signup_date AS DATE))),
  (SELECT string_agg(column_name, ',' ORDER BY column_name) FROM (DESCRIBE SELECT * FROM read_parquet({path})))
FROM read_parquet({path})"""


def checksum_b(path):
    if path.endswith(".parquet"):
        sql = CHECKSUM_SQL.format(path="'" + path.replace("'", "''") + "'")
        out = subprocess.run(shlex.split(os.environ["RAWDUCKDB"]) + ["sql", sql], check=True, capture_output=True, text=True).stdout
        values = out.strip().split("\t")
        return tuple(int(v) for v in values[:-1]) + (values[-1],)
    j = pd.read_pickle(path)
    oid = j["order_id"].astype("int64")
    return (len(j), int(oid.sum()), int(j["customer_id"].sum()), int(j["quantity"].sum()),
            int((oid * j["segment"].str.len()).sum()), int((oid * j["name"].str.len()).sum()),
            int((oid * j["country"].map(lambda s: ord(s[0]))).sum()),
            int((oid * j["signup_date"].str[8:10].astype("int64")).sum()),
            ",".join(sorted(j.columns)))


def compare_b(left, right):
    a, b = checksum_b(left), checksum_b(right)
    if a != b:
        fail(f"checksums {a} vs {b}")
    return f"{a[0]} joined rows, checksums equal"


def read_parts(pattern):
    files = sorted(glob.glob(pattern))
    if not files:
        fail(f"no files match {pattern}")
    frames = [pd.read_csv(f) for f in files]
    sizes = [len(f) for f in frames]
    if max(sizes) > 1_000_000:
        fail(f"{pattern}: a part has {max(sizes)} rows (more than 1,000,000)")
    df = pd.concat(frames, ignore_index=True)
    return df.sort_values("order_id", kind="mergesort").reset_index(drop=True), len(files)


def compare_c(left, right):
    (a, pa), (b, pb) = read_parts(left), read_parts(right)
    if len(a) != len(b):
        fail(f"{len(a)} vs {len(b)} rows")
    if a.duplicated(["customer_id", "product"]).any() or b.duplicated(["customer_id", "product"]).any():
        fail("duplicate (customer_id, product) keys left")
    for column in ["order_id", "customer_id", "product", "email"]:
        if not (a[column].fillna("<NULL>").values == b[column].fillna("<NULL>").values).all():
            fail(f"column {column} differs (same first rows kept, same masked emails)")
    return f"{len(a)} rows ({pa} vs {pb} part files), keys and masked emails equal"


if __name__ == "__main__":
    mode, left, right = sys.argv[1:4]
    print("EQUAL: " + {"a": compare_a, "b": compare_b, "c": compare_c}[mode](left, right))
