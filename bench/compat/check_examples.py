#!/usr/bin/env python3
"""Runs every example of ../shared/compat/*/examples (or COMPAT_DIR) through `elsaflow run` and checks it against its
expected file: row counts per node, output files (re-read with ElsaFlow itself), CSV headers and value sets, Elsa line
lists and statuses. Checks it cannot make without extra tools (column values of a node's dataset, HTTP answers) are
listed as "not checked". Exit 0 when every checked case passes; prints one line per case and a summary.

    python3 bench/compat/check_examples.py [--cli path/to/elsaflow]
"""
import csv, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
COMPAT = os.environ.get("COMPAT_DIR", os.path.join(os.path.dirname(REPO), "shared", "compat"))
if not os.path.isdir(COMPAT):
    COMPAT = "/work/shared/compat"
CLI = sys.argv[sys.argv.index("--cli") + 1] if "--cli" in sys.argv else os.path.join(REPO, "src", "Cli", "bin", "Debug", "net10.0", "elsaflow")


def run(folder, flow, params=None):
    args = [CLI, "run", flow, "--json"]
    for k, v in (params or {}).items():
        args += ["--input", f"{k}={v}"]
    p = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=600)
    try:
        result = json.loads(p.stdout[p.stdout.index("{"):]) if "{" in p.stdout else {}
    except ValueError:
        result = {}
    lines = [m.group(1) for m in re.finditer(r"^log \S+ \[\w+\] (.*)$", p.stderr, re.M)]
    return p.returncode, result, lines, p.stderr


def file_rows(folder, path, fmt):
    kind = {"parquet": "ParquetInput", "xlsx": "ExcelInput", "csv": "CsvInput"}[fmt]
    probe = {"definitionId": "probe", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "read", "type": kind, "path": path}]}}
    name = os.path.join(folder, "probe-native.json")
    with open(name, "w") as f:
        json.dump(probe, f)
    _, result, _, _ = run(folder, "probe-native.json")
    os.remove(name)
    return (result.get("rows") or {}).get("read")


def text(value):
    return "" if value is None else str(value)


def probe_nodes(folder, case, expected):
    """Imports the case, adds a CsvOutput after every node with column expectations, runs it, reads the CSVs back."""
    wanted = [n for n, w in (expected.get("nodes") or {}).items() if set(w) & {"columns", "rows_in_order", "rows_any_order", "column_sequence"}]
    if not wanted:
        return {}
    native = os.path.join(folder, f"probe-{case}.json")
    if subprocess.run([CLI, "import", case + ".json", "-o", native], cwd=folder, capture_output=True, text=True).returncode != 0:
        return {}
    with open(native) as f:
        document = json.load(f)
    chart = document["root"]
    for node in wanted:
        node_id = re.sub(r"[^A-Za-z0-9_]", "_", node)
        chart["activities"].append({"id": f"probe_{node_id}", "type": "CsvOutput", "path": f"probe/{case}/{node_id}.csv"})
        chart["connections"].append({"source": {"activity": node_id, "port": "Done"}, "target": {"activity": f"probe_{node_id}", "port": "In"}})
    document["definitionId"] = f"probe-{case}".replace("_", "-")
    with open(native, "w") as f:
        json.dump(document, f, ensure_ascii=False)
    run(folder, os.path.basename(native), expected.get("params"))
    os.remove(native)
    tables = {}
    for node in wanted:
        path = os.path.join(folder, "probe", case, re.sub(r"[^A-Za-z0-9_]", "_", node) + ".csv")
        if os.path.exists(path):
            with open(path, newline="", encoding="utf-8") as f:
                tables[node] = list(csv.reader(f))
    return tables


def check_niceflow(folder, case, expected, failures, unchecked):
    code, result, _, err = run(folder, case + ".json", expected.get("params"))
    if result.get("status") != "Finished":
        failures.append(f"status {result.get('status')} (exit {code}): {result.get('error') or err.strip().splitlines()[-1:]}")
        return
    rows = result.get("rows") or {}
    for node, want in (expected.get("nodes") or {}).items():
        node_id = re.sub(r"[^A-Za-z0-9_]", "_", node)
        if "rows" in want and rows.get(node_id) != want["rows"]:
            failures.append(f"node {node}: {rows.get(node_id)} rows, expected {want['rows']}")
    probed = probe_nodes(folder, case, expected)
    for node, want in (expected.get("nodes") or {}).items():
        table = probed.get(node)
        for key in ("columns", "rows_in_order", "rows_any_order", "column_sequence"):
            if key not in want:
                continue
            if table is None:
                unchecked.append(f"{node}.{key}")
                continue
            header, body = table[0], table[1:]
            if key == "columns" and header != want["columns"]:
                failures.append(f"node {node}: columns {header}, expected {want['columns']}")
            if key == "rows_in_order" and body != [[text(v) for v in r] for r in want[key]]:
                failures.append(f"node {node}: rows {body[:3]}..., expected {want[key][:3]}...")
            if key == "rows_any_order" and sorted(body) != sorted([text(v) for v in r] for r in want[key]):
                failures.append(f"node {node}: rows {sorted(body)[:3]}..., expected (any order) {want[key][:3]}...")
            if key == "column_sequence":
                for column, values in want[key].items():
                    got = [r[header.index(column)] for r in body] if column in header else None
                    if got != [text(v) for v in values]:
                        failures.append(f"node {node}: {column} in the order {(got or [])[:4]}..., expected {values[:4]}...")
    for path, want in (expected.get("files") or {}).items():
        full = os.path.join(folder, path)
        if not os.path.exists(full):
            failures.append(f"file {path} was not written")
            continue
        got = file_rows(folder, path, want.get("format", "csv"))
        if "rows" in want and got != want["rows"]:
            failures.append(f"file {path}: {got} rows, expected {want['rows']}")
        if want.get("format") == "csv":
            with open(full, newline="", encoding="utf-8") as f:
                table = list(csv.reader(f))
            if "header" in want and table[0] != want["header"]:
                failures.append(f"file {path}: header {table[0]}, expected {want['header']}")
            for check in expected.get("checks", []):
                if check.get("check") == "values_in" and check["column"] in table[0]:
                    i = table[0].index(check["column"])
                    if not {r[i] for r in table[1:]} <= set(check["set"]):
                        failures.append(f"file {path}: {check['column']} has values outside {check['set']}")
                if check.get("check") == "not_null":
                    for column in check["columns"]:
                        i = table[0].index(column)
                        if any(r[i] == "" for r in table[1:]):
                            failures.append(f"file {path}: empty {column}")
        elif "header" in want or "columns" in want:
            unchecked.append(f"{path} columns")


def check_elsa(folder, case, expected, failures, unchecked):
    want = expected["expected"]
    if "http" in want:
        unchecked.append("http (needs elsaflow serve; the CLI run only checks the flow loads and finishes)")
    code, result, lines, err = run(folder, case + ".json")
    status = result.get("status")
    if want.get("status") and status != want["status"]:
        failures.append(f"status {status}, expected {want['status']}")
    if "lines" in want and lines != want["lines"]:
        failures.append(f"lines {lines}, expected {want['lines']}")
    if "lines_any_order" in want and sorted(lines) != sorted(want["lines_any_order"]):
        failures.append(f"lines {lines}, expected in any order {want['lines_any_order']}")
    for name, value in (want.get("variables") or {}).items():
        if (result.get("variables") or {}).get(name) != value:
            failures.append(f"variable {name} = {(result.get('variables') or {}).get(name)}, expected {value}")


def main():
    if not os.path.isdir(COMPAT):
        print(f"no examples at {COMPAT}: skipped")
        return 0
    passed = failed = 0
    for fmt, check in (("niceflow", check_niceflow), ("elsa3", check_elsa)):
        source = os.path.join(COMPAT, fmt, "examples")
        if not os.path.isdir(source):
            continue
        work = tempfile.mkdtemp(prefix=f"compat-{fmt}-")
        shutil.rmtree(work)
        shutil.copytree(source, work)
        cases = sorted(f[:-5] for f in os.listdir(os.path.join(source, "expected")) if f.endswith(".json"))
        # depends_on: a case runs after the ones it names, in the same folder.
        ordered = []
        for case in cases:
            with open(os.path.join(source, "expected", case + ".json")) as f:
                for dep in json.load(f).get("depends_on", []):
                    if dep not in ordered:
                        ordered.append(dep)
            if case not in ordered:
                ordered.append(case)
        for case in ordered:
            with open(os.path.join(source, "expected", case + ".json")) as f:
                expected = json.load(f)
            failures, unchecked = [], []
            check(work, case, expected, failures, unchecked)
            note = f" (not checked: {', '.join(unchecked)})" if unchecked else ""
            if failures:
                failed += 1
                print(f"FAIL {fmt}/{case}: {'; '.join(failures)}{note}")
            else:
                passed += 1
                print(f"pass {fmt}/{case}{note}")
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
