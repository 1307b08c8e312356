using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>
/// The prepared statements of <see cref="SqliteInstanceCommitWriter"/> on their own connection. Table and column
/// names follow ElsaFlowDbContext; times are UTC ticks like its converter.
/// </summary>
internal sealed class SqliteCommitCommands : IDisposable
{
    private const string InstanceColumns =
        "\"Id\", \"DefinitionId\", \"DefinitionVersion\", \"Status\", \"CorrelationId\", \"ParentInstanceId\", \"CreatedAt\", \"UpdatedAt\", " +
        "\"FinishedAt\", \"Revision\", \"LeaseOwner\", \"LeaseExpiresAt\", \"StateJson\", \"Error\"";
    private const string InstanceValues =
        "@Id, @DefinitionId, @DefinitionVersion, @Status, @CorrelationId, @ParentInstanceId, @CreatedAt, @UpdatedAt, " +
        "@FinishedAt, @Revision, @LeaseOwner, @LeaseExpiresAt, @StateJson, @Error";

    private readonly SqliteCommand _insertInstance;
    private readonly SqliteCommand _updateInstance;
    private readonly SqliteCommand _readBookmarks;
    private readonly SqliteCommand _deleteBookmark;
    private readonly SqliteCommand _upsertBookmark;
    private readonly SqliteCommand _insertJournal;
    private readonly SqliteCommand _insertLog;
    private readonly SqliteCommand _deleteInboxEntry;

    private SqliteCommitCommands(SqliteConnection connection)
    {
        Connection = connection;
        _insertInstance = Prepare($"INSERT INTO \"instances\" ({InstanceColumns}) VALUES ({InstanceValues}) ON CONFLICT(\"Id\") DO NOTHING");
        _updateInstance = Prepare(
            "UPDATE \"instances\" SET \"DefinitionId\" = @DefinitionId, \"DefinitionVersion\" = @DefinitionVersion, \"Status\" = @Status, " +
            "\"CorrelationId\" = @CorrelationId, \"ParentInstanceId\" = @ParentInstanceId, \"CreatedAt\" = @CreatedAt, \"UpdatedAt\" = @UpdatedAt, " +
            "\"FinishedAt\" = @FinishedAt, \"Revision\" = @Revision, \"StateJson\" = @StateJson, \"Error\" = @Error WHERE \"Id\" = @Id AND \"Revision\" = @Expected " +
            // Fencing: no other node may hold the lease (see EfInstanceCommitWriter).
            "AND (\"LeaseOwner\" IS NULL OR \"LeaseOwner\" = @LeaseOwner)");
        _readBookmarks = Prepare(
            "SELECT \"Id\", \"ActivityId\", \"ExecutionId\", \"Name\", \"MatchKey\", \"ResumeAt\", \"CreatedAt\" FROM \"bookmarks\" WHERE \"InstanceId\" = @InstanceId");
        _deleteBookmark = Prepare("DELETE FROM \"bookmarks\" WHERE \"Id\" = @Id");
        _upsertBookmark = Prepare(
            "INSERT INTO \"bookmarks\" (\"Id\", \"InstanceId\", \"ActivityId\", \"ExecutionId\", \"Name\", \"MatchKey\", \"ResumeAt\", \"CreatedAt\") " +
            "VALUES (@Id, @InstanceId, @ActivityId, @ExecutionId, @Name, @MatchKey, @ResumeAt, @CreatedAt) ON CONFLICT(\"Id\") DO UPDATE SET " +
            "\"InstanceId\" = excluded.\"InstanceId\", \"ActivityId\" = excluded.\"ActivityId\", \"ExecutionId\" = excluded.\"ExecutionId\", " +
            "\"Name\" = excluded.\"Name\", \"MatchKey\" = excluded.\"MatchKey\", \"ResumeAt\" = excluded.\"ResumeAt\", \"CreatedAt\" = excluded.\"CreatedAt\"");
        _insertJournal = Prepare(
            "INSERT INTO \"journal\" (\"InstanceId\", \"Sequence\", \"Kind\", \"Timestamp\", \"ActivityId\", \"ActivityType\", \"ExecutionId\", " +
            "\"Attempt\", \"Duration\", \"Port\", \"Message\", \"RowCount\", \"NodeId\", \"Outputs\") VALUES (@InstanceId, @Sequence, @Kind, @Timestamp, " +
            "@ActivityId, @ActivityType, @ExecutionId, @Attempt, @Duration, @Port, @Message, @RowCount, @NodeId, @Outputs)");
        _insertLog = Prepare(
            "INSERT INTO \"logs\" (\"InstanceId\", \"Sequence\", \"Timestamp\", \"ActivityId\", \"Level\", \"Message\") " +
            "VALUES (@InstanceId, @Sequence, @Timestamp, @ActivityId, @Level, @Message)");
        _deleteInboxEntry = Prepare("DELETE FROM \"instance_inbox\" WHERE \"InstanceId\" = @InstanceId AND \"Id\" = @Id");
    }

    public SqliteConnection Connection { get; }

    public static SqliteCommitCommands Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqlitePragmaInterceptor.Apply(connection);
            return new SqliteCommitCommands(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _insertInstance.Transaction = transaction;
        _updateInstance.Transaction = transaction;
        _readBookmarks.Transaction = transaction;
        _deleteBookmark.Transaction = transaction;
        _upsertBookmark.Transaction = transaction;
        _insertJournal.Transaction = transaction;
        _insertLog.Transaction = transaction;
        _deleteInboxEntry.Transaction = transaction;
    }

    public int InsertInstance(InstanceRecord instance)
    {
        SetInstance(_insertInstance, instance, revision: 1);
        return _insertInstance.ExecuteNonQuery();
    }

    public int UpdateInstance(InstanceRecord instance, long expectedRevision)
    {
        SetInstance(_updateInstance, instance, expectedRevision + 1);
        _updateInstance.Parameters["@Expected"].Value = expectedRevision;
        return _updateInstance.ExecuteNonQuery();
    }

    public List<BookmarkEntity> ReadBookmarks(string instanceId)
    {
        _readBookmarks.Parameters["@InstanceId"].Value = instanceId;
        var bookmarks = new List<BookmarkEntity>();
        using var reader = _readBookmarks.ExecuteReader();
        while (reader.Read())
        {
            bookmarks.Add(new BookmarkEntity
            {
                Id = reader.GetString(0),
                InstanceId = instanceId,
                ActivityId = reader.GetString(1),
                ExecutionId = reader.GetString(2),
                Name = reader.GetString(3),
                MatchKey = reader.IsDBNull(4) ? null : reader.GetString(4),
                ResumeAt = reader.IsDBNull(5) ? null : FromTicks(reader.GetInt64(5)),
                CreatedAt = FromTicks(reader.GetInt64(6)),
            });
        }
        return bookmarks;
    }

    public void DeleteBookmark(string bookmarkId)
    {
        _deleteBookmark.Parameters["@Id"].Value = bookmarkId;
        _deleteBookmark.ExecuteNonQuery();
    }

    public void UpsertBookmark(string instanceId, BookmarkRecord bookmark)
    {
        var p = _upsertBookmark.Parameters;
        p["@Id"].Value = bookmark.Id;
        p["@InstanceId"].Value = instanceId;
        p["@ActivityId"].Value = bookmark.ActivityId;
        p["@ExecutionId"].Value = bookmark.ExecutionId;
        p["@Name"].Value = bookmark.Name;
        p["@MatchKey"].Value = Db(bookmark.MatchKey);
        p["@ResumeAt"].Value = Ticks(bookmark.ResumeAt);
        p["@CreatedAt"].Value = bookmark.CreatedAt.UtcTicks;
        _upsertBookmark.ExecuteNonQuery();
    }

    public void InsertJournal(string instanceId, JournalEntry entry)
    {
        var p = _insertJournal.Parameters;
        p["@InstanceId"].Value = instanceId;
        p["@Sequence"].Value = entry.Sequence;
        p["@Kind"].Value = entry.Kind.ToString();
        p["@Timestamp"].Value = entry.Timestamp.UtcTicks;
        p["@ActivityId"].Value = Db(entry.ActivityId);
        p["@ActivityType"].Value = Db(entry.ActivityType);
        p["@ExecutionId"].Value = Db(entry.ExecutionId);
        p["@Attempt"].Value = entry.Attempt is { } attempt ? attempt : DBNull.Value;
        p["@Duration"].Value = entry.Duration is { } duration ? duration.Ticks : DBNull.Value;
        p["@Port"].Value = Db(entry.Port);
        p["@Message"].Value = Db(entry.Message);
        p["@RowCount"].Value = entry.RowCount is { } rows ? rows : DBNull.Value;
        p["@NodeId"].Value = Db(entry.NodeId);
        p["@Outputs"].Value = Db(entry.Outputs?.ToJsonString());
        _insertJournal.ExecuteNonQuery();
    }

    public void InsertLog(string instanceId, LogEntry entry)
    {
        var p = _insertLog.Parameters;
        p["@InstanceId"].Value = instanceId;
        p["@Sequence"].Value = entry.Sequence;
        p["@Timestamp"].Value = entry.Timestamp.UtcTicks;
        p["@ActivityId"].Value = Db(entry.ActivityId);
        p["@Level"].Value = entry.Level;
        p["@Message"].Value = entry.Message;
        _insertLog.ExecuteNonQuery();
    }

    public void DeleteInboxEntry(string instanceId, string entryId)
    {
        _deleteInboxEntry.Parameters["@InstanceId"].Value = instanceId;
        _deleteInboxEntry.Parameters["@Id"].Value = entryId;
        _deleteInboxEntry.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in new[] { _insertInstance, _updateInstance, _readBookmarks, _deleteBookmark, _upsertBookmark, _insertJournal, _insertLog, _deleteInboxEntry })
            command.Dispose();
        Connection.Dispose();
    }

    private static void SetInstance(SqliteCommand command, InstanceRecord i, long revision)
    {
        var p = command.Parameters;
        p["@Id"].Value = i.Id;
        p["@DefinitionId"].Value = i.DefinitionId;
        p["@DefinitionVersion"].Value = i.DefinitionVersion;
        p["@Status"].Value = i.Status.ToString();
        p["@CorrelationId"].Value = Db(i.CorrelationId);
        p["@ParentInstanceId"].Value = Db(i.ParentInstanceId);
        p["@CreatedAt"].Value = i.CreatedAt.UtcTicks;
        p["@UpdatedAt"].Value = i.UpdatedAt.UtcTicks;
        p["@FinishedAt"].Value = Ticks(i.FinishedAt);
        p["@Revision"].Value = revision;
        // The insert writes the lease; the update only compares the owner (fencing) and leaves the lease alone.
        if (p.Contains("@LeaseOwner")) p["@LeaseOwner"].Value = Db(i.LeaseOwner);
        if (p.Contains("@LeaseExpiresAt")) p["@LeaseExpiresAt"].Value = Ticks(i.LeaseExpiresAt);
        p["@StateJson"].Value = i.StateJson;
        p["@Error"].Value = Db(i.Error);
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterNames(sql))
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        command.Prepare();
        return command;
    }

    private static IEnumerable<string> ParameterNames(string sql) =>
        System.Text.RegularExpressions.Regex.Matches(sql, "@[A-Za-z]+").Select(m => m.Value).Distinct(StringComparer.Ordinal);

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static object Ticks(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
