namespace ElsaFlow.Activities.Outputs;

/// <summary>
/// Cuts one CSV file, as DuckDB's COPY writes it, into part files of at most N rows each, every part with the header.
/// Why not in DuckDB: COPY ... PARTITION_BY does not promise the row order inside a part (duckdb/duckdb#14349: lost
/// with several threads) and 1.5.6 has no ORDER_BY for COPY; cutting by row number needs the input numbered and stored
/// first (a copy of every row) or computed once per part. One ordered COPY streams like the raw statement; cutting its bytes here costs a read
/// and a write of parts 2.. (part 1 is the head of the file itself, kept by truncating it).
/// Records end at a newline outside quotes: DuckDB quotes any value holding the delimiter, a quote or a newline, and
/// doubles quotes inside (quote and escape are both <c>"</c>), so counting quote characters tells inside from outside.
/// </summary>
internal static class CsvParts
{
    private const byte Quote = (byte)'"';
    private const byte NewLine = (byte)'\n';
    private const int BufferSize = 1 << 20;

    /// <summary>
    /// Splits <paramref name="source"/> (consumed: it becomes part 1) into <paramref name="partPath"/>(1), (2)...
    /// Returns the data rows and the number of parts; always at least one part, holding only the header when there are no rows.
    /// </summary>
    public static (long Rows, int Parts) Split(string source, long rowsPerPart, bool header, Func<int, string> partPath, CancellationToken ct)
    {
        var scanner = new RecordScanner();
        var headerBuffer = header ? new MemoryStream() : null;
        byte[] headerBytes = [];
        long rows = 0, offset = 0, firstPartEnd = -1;
        int current = 1, parts = 1; // the part the next bytes belong to; the highest part written
        FileStream? part = null;
        var buffer = new byte[BufferSize];

        // Parts 2.. are written as their bytes go by; part 1 stays where it is, at the head of the source.
        FileStream Part()
        {
            if (part is not null) return part;
            part = new FileStream(partPath(current), FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
            part.Write(headerBytes);
            parts = current;
            return part;
        }

        try
        {
            using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    ct.ThrowIfCancellationRequested();
                    var chunk = buffer.AsSpan(0, read);
                    int copied = 0, position = 0; // bytes of the chunk already placed; where the scan stands
                    while (scanner.NextRecordEnd(chunk, ref position))
                    {
                        if (headerBuffer is not null)
                        {
                            headerBuffer.Write(chunk[copied..position]);
                            headerBytes = headerBuffer.ToArray();
                            headerBuffer = null;
                            copied = position;
                            continue;
                        }
                        if (++rows % rowsPerPart != 0) continue;
                        // This record closes part `current`.
                        if (current == 1) firstPartEnd = offset + position;
                        else
                        {
                            Part().Write(chunk[copied..position]);
                            part!.Dispose();
                            part = null;
                        }
                        copied = position;
                        current++;
                    }
                    var rest = chunk[copied..];
                    if (headerBuffer is not null) headerBuffer.Write(rest);
                    else if (current > 1 && rest.Length > 0) Part().Write(rest);
                    offset += read;
                }
                if (scanner.InQuotes) throw new InvalidDataException($"the CSV written to '{source}' ends inside a quoted value");
            }
            part?.Dispose();
            part = null;
            if (firstPartEnd >= 0)
                using (var head = new FileStream(source, FileMode.Open, FileAccess.Write))
                    head.SetLength(firstPartEnd);
            File.Move(source, partPath(1), overwrite: true);
            return (rows, parts);
        }
        finally
        {
            part?.Dispose();
        }
    }

    /// <summary>Finds record ends across chunks, remembering whether the scan stands inside a quoted value.</summary>
    private sealed class RecordScanner
    {
        public bool InQuotes { get; private set; }

        /// <summary>Moves <paramref name="position"/> past the next newline that ends a record; false when the chunk has none left.</summary>
        public bool NextRecordEnd(ReadOnlySpan<byte> chunk, ref int position)
        {
            while (position < chunk.Length)
            {
                var found = InQuotes ? chunk[position..].IndexOf(Quote) : chunk[position..].IndexOfAny(Quote, NewLine);
                if (found < 0)
                {
                    position = chunk.Length;
                    return false;
                }
                position += found + 1;
                if (chunk[position - 1] == Quote) InQuotes = !InQuotes;
                else return true;
            }
            return false;
        }
    }
}
