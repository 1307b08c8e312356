#!/usr/bin/python3
"""(a) read -> Filter -> AddField -> Group -> Sort -> CSV, in pandas. Usage: summary.py ORDERS.csv OUT.csv"""
import sys
import pandas as pd

orders, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(orders)
df = df[(df["quantity"] >= 3) & (df["region"] != "Central")]
df = df.assign(amount=df["price"] * df["quantity"] * (1 - df["discount"]))
g = (df.groupby(["region", "category", "product"], sort=False)
       .agg(total=("amount", "sum"), orders=("amount", "size"), avg_price=("price", "mean"))
       .reset_index())
g = g.sort_values(["total", "region", "category", "product"], ascending=[False, True, True, True], kind="mergesort")
g.to_csv(out, index=False)
