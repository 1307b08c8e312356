using System.Globalization;
using DuckDB.NET.Data;

// The baseline of bench/pandas: each pipeline as ONE raw DuckDB statement (Debian has no DuckDB command line),
// plus the deterministic data generator and the checksum the output comparison uses for Parquet files.
//   rawduckdb gen ROWS DIR            orders.csv (ROWS rows, 10 columns) and customers.csv in DIR
//   rawduckdb a|b|c DATADIR OUTDIR    one pipeline, the same outputs as the pandas script and the ElsaFlow flow
//   rawduckdb sql "SELECT ..."        prints the rows of a query as tab-separated text (used by compare.py)
if (args.Length < 2) return Usage();
using var connection = new DuckDBConnection("Data Source=:memory:");
connection.Open();
Execute("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;");

switch (args[0])
{
    case "gen" when args.Length == 3:
        Generate(long.Parse(args[1], CultureInfo.InvariantCulture), Path.GetFullPath(args[2]));
        return 0;
    case "a" or "b" or "c" when args.Length == 3:
        var data = Path.GetFullPath(args[1]);
        var output = Path.GetFullPath(args[2]);
        Directory.CreateDirectory(output);
        Execute(Pipeline(args[0], Quote(Path.Combine(data, "orders.csv")), Quote(Path.Combine(data, "customers.csv")), output));
        return 0;
    case "sql":
        using (var command = connection.CreateCommand())
        {
            command.CommandText = args[1];
            using var reader = command.ExecuteReader();
            while (reader.Read())
                Console.WriteLine(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i =>
                    reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        return 0;
    default:
        return Usage();
}

string Pipeline(string name, string orders, string customers, string output) => name switch
{
    // (a) read -> Filter -> AddField -> Group -> Sort -> CsvOutput
    "a" => $"""
        COPY (
          SELECT region, category, product, sum(amount) AS total, count(*) AS orders, avg(price) AS avg_price
          FROM (SELECT *, price * quantity * (1 - discount) AS amount FROM read_csv({orders})
                WHERE quantity >= 3 AND region <> 'Central')
          GROUP BY region, category, product
          ORDER BY total DESC, region, category, product
        ) TO {Quote(Path.Combine(output, "summary.csv"))} (FORMAT csv, HEADER true)
        """,
    // (b) read two files -> Join (inner, customer_id) -> ParquetOutput
    "b" => $"""
        COPY (
          SELECT o.*, c.name, c.segment, c.country, c.signup_date
          FROM read_csv({orders}) o JOIN read_csv({customers}) c ON o.customer_id = c.customer_id
        ) TO {Quote(Path.Combine(output, "joined.parquet"))} (FORMAT parquet, COMPRESSION snappy)
        """,
    // (c) read -> Duplicate (customer_id, product; keep first in input order) -> Masking (email) -> CSV parts of 1M rows
    "c" => $"""
        COPY (
          SELECT * REPLACE (
                   CASE WHEN strpos(email, '@') > 1 THEN left(email, 1) || repeat('*', strpos(email, '@') - 2) || substr(email, strpos(email, '@'))
                        ELSE repeat('*', length(email)) END AS email),
                 (row_number() OVER () - 1) // 1000000 AS part
          FROM (SELECT *, row_number() OVER () AS rn FROM read_csv({orders}))
          QUALIFY row_number() OVER (PARTITION BY customer_id, product ORDER BY rn) = 1
        ) TO {Quote(Path.Combine(output, "parts"))} (FORMAT csv, HEADER true, PARTITION_BY (part), OVERWRITE_OR_IGNORE true)
        """,
    _ => throw new ArgumentException(name)
};

void Generate(long rows, string folder)
{
    Directory.CreateDirectory(folder);
    // Deterministic: every value is derived from the row number with hash(), never random().
    Execute($"""
        COPY (
          SELECT i + 1 AS order_id,
                 (hash(i * 16 + 1) % 100000)::BIGINT + 1 AS customer_id,
                 ['North', 'South', 'East', 'West', 'Central'][(hash(i * 16 + 2) % 5)::INT + 1] AS region,
                 'P' || lpad(((hash(i * 16 + 3) % 50)::INT)::VARCHAR, 3, '0') AS product,
                 ['Books', 'Games', 'Garden', 'Home', 'Toys', 'Tools'][(hash(i * 16 + 4) % 6)::INT + 1] AS category,
                 (hash(i * 16 + 5) % 20)::INT + 1 AS quantity,
                 round(((hash(i * 16 + 6) % 100000)::INT + 99) / 100.0, 2)::DOUBLE AS price,
                 ((hash(i * 16 + 7) % 30)::INT / 100.0)::DOUBLE AS discount,
                 DATE '2024-01-01' + (hash(i * 16 + 8) % 730)::INT AS order_date,
                 CASE (hash(i * 16 + 9) % 100)::INT
                   WHEN 0 THEN 'unknown'
                   WHEN 1 THEN '@no-local.example'
                   ELSE 'user' || ((hash(i * 16 + 1) % 100000)::BIGINT + 1) || '@' || ['example.com', 'mail.org', 'test.net'][(hash(i * 16 + 10) % 3)::INT + 1]
                 END AS email
          FROM range({rows}) t(i)
        ) TO {Quote(Path.Combine(folder, "orders.csv"))} (FORMAT csv, HEADER true)
        """);
    Execute($"""
        COPY (
          SELECT i + 1 AS customer_id, 'Customer ' || (i + 1) AS name,
                 ['Retail', 'Wholesale', 'Online'][(hash(i * 16 + 11) % 3)::INT + 1] AS segment,
                 ['DE', 'FR', 'US', 'CN', 'BR', 'IN'][(hash(i * 16 + 12) % 6)::INT + 1] AS country,
                 DATE '2020-01-01' + (hash(i * 16 + 13) % 1500)::INT AS signup_date
          FROM range(100000) t(i)
        ) TO {Quote(Path.Combine(folder, "customers.csv"))} (FORMAT csv, HEADER true)
        """);
}

void Execute(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

static int Usage()
{
    Console.Error.WriteLine("usage: rawduckdb gen ROWS DIR | rawduckdb a|b|c DATADIR OUTDIR | rawduckdb sql QUERY");
    return 2;
}
