using ElsaFlow.Activities.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Holds a SqliteInput connection to reading the file it opened. DuckDB's parser does not speak SQLite's dialect, so this
/// asks SQLite itself: the query must prepare as exactly one statement that does not write, and an authorizer on the
/// connection refuses everything but reading (ATTACH, which would open any other file, PRAGMA, writes, transactions)
/// and the functions that load code.
/// </summary>
internal static class SqliteQuery
{
    // Kept in a field: SQLite calls it for as long as the connection lives.
    private static readonly strdelegate_authorizer ReadOnly = Authorize;

    /// <summary>Puts the authorizer on an open connection; every statement prepared on it afterwards passes through it.</summary>
    public static void Confine(SqliteConnection connection) => raw.sqlite3_set_authorizer(connection.Handle, ReadOnly, null);

    /// <summary>Checks that the query is one statement that only reads; a clear error naming the query otherwise.</summary>
    public static void Check(SqliteConnection connection, string query, string path)
    {
        var db = connection.Handle!;
        var code = raw.sqlite3_prepare_v2(db, query, out var statement, out var tail);
        using (statement)
        {
            if (code != raw.SQLITE_OK) throw Refused(db, path);
            if (statement.IsInvalid) throw new DataStepException("query: give a SELECT query");
            if (raw.sqlite3_stmt_readonly(statement) == 0)
                throw new DataStepException("query: a SqliteInput query may only read; writes are refused (the file is opened read-only)");
        }
        if (string.IsNullOrWhiteSpace(tail)) return;
        code = raw.sqlite3_prepare_v2(db, tail, out var next, out _);
        using (next)
            if (code != raw.SQLITE_OK || !next.IsInvalid)
                throw new DataStepException("query: give one SELECT statement; the text holds more than one, separated by ';'");
    }

    private static DataStepException Refused(sqlite3 db, string path)
    {
        var message = raw.sqlite3_errmsg(db).utf8_to_string();
        return new DataStepException(message.StartsWith("not authorized", StringComparison.Ordinal)
            ? "query: SQLite refused it: a SqliteInput query may only read the opened file (ATTACH, PRAGMA, writes and load_extension are refused)"
            : $"query: SQLite refused to read '{path}': {message}");
    }

    private static int Authorize(object userData, int action, string first, string second, string database, string trigger) => action switch
    {
        raw.SQLITE_SELECT or raw.SQLITE_READ or raw.SQLITE_RECURSIVE => raw.SQLITE_OK,
        raw.SQLITE_FUNCTION when second is not ("load_extension" or "fts3_tokenizer") => raw.SQLITE_OK,
        _ => raw.SQLITE_DENY
    };
}
