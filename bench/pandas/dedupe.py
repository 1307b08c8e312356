#!/usr/bin/python3
"""(c) read -> drop duplicates (customer_id, product; keep first) -> mask email -> CSV parts of 1,000,000 rows.
Usage: dedupe.py ORDERS.csv OUT.csv   (writes OUT_0001.csv, OUT_0002.csv, ... like ElsaFlow's CsvOutput splitRows)

The email mask mirrors src/Activities/Transforms/Masking.cs (mode Email, sign *): when '@' is after the first
character, keep the first character, one * per further character of the local part, then '@' and the domain;
otherwise every character becomes *. NULL stays NULL.
"""
import os
import sys
import pandas as pd

SPLIT = 1_000_000


def mask_email(v):
    if not isinstance(v, str):
        return v
    at = v.find("@")
    if at >= 1:
        return v[0] + "*" * (at - 1) + v[at:]
    return "*" * len(v)


orders, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(orders)
df = df.drop_duplicates(subset=["customer_id", "product"], keep="first")
df["email"] = [mask_email(v) for v in df["email"]]
stem, ext = os.path.splitext(out)
for part, start in enumerate(range(0, max(len(df), 1), SPLIT), start=1):
    df.iloc[start:start + SPLIT].to_csv(f"{stem}_{part:04d}{ext}", index=False)
