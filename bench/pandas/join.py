#!/usr/bin/python3
"""(b) read two files -> inner join on customer_id -> binary file, in pandas. Usage: join.py ORDERS.csv CUSTOMERS.csv OUT.pkl

Debian 12 packages no Parquet engine for pandas (no python3-pyarrow, no python3-fastparquet; PyPI is not reachable
here), so pandas writes its binary pickle format instead of Parquet: the cheapest whole-frame write pandas has.
"""
import sys
import pandas as pd

orders, customers, out = sys.argv[1], sys.argv[2], sys.argv[3]
o = pd.read_csv(orders)
c = pd.read_csv(customers)
j = o.merge(c, on="customer_id", how="inner")
j.to_pickle(out)
