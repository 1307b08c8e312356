using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace ElsaFlow.Persistence.Tests.MongoDb;

/// <summary>The BSON shape of the MongoDB store's documents, checked without a server.</summary>
public sealed class MongoDocumentMappingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void InstanceDocument_ThroughBson_RoundTripsRecordAndBookmarks()
    {
        var instance = new InstanceRecord
        {
            Id = "i1", DefinitionId = "flow", DefinitionVersion = 2, Status = WorkflowStatus.Faulted, CorrelationId = "c", ParentInstanceId = "p",
            CreatedAt = T0, UpdatedAt = T0.AddMinutes(1), FinishedAt = T0.AddMinutes(2), LeaseOwner = "node", LeaseExpiresAt = T0.AddMinutes(3),
            StateJson = "{\"a\":1}", Error = "boom",
        };
        var bookmark = new BookmarkRecord { Id = "b1", InstanceId = "i1", ActivityId = "wait", ExecutionId = "e1", Name = "Timer", ResumeAt = T0, CreatedAt = T0 };

        var bson = instance.ToDocument(revision: 4, [bookmark]).ToBsonDocument();
        var back = BsonSerializer.Deserialize<MongoInstanceDocument>(bson);

        Assert.Equal("i1", bson["_id"].AsString);
        Assert.Equal("Faulted", bson["Status"].AsString);
        Assert.Equal("b1", bson["Bookmarks"][0]["BookmarkId"].AsString);
        Assert.Equal(T0.AddMinutes(2).UtcTicks, bson["EndedAt"].AsInt64);
        Assert.Equal(instance with { Revision = 4, CreatedAt = T0.ToUniversalTime(), UpdatedAt = T0.AddMinutes(1).ToUniversalTime(),
            FinishedAt = T0.AddMinutes(2).ToUniversalTime(), LeaseExpiresAt = T0.AddMinutes(3).ToUniversalTime() }, back.ToRecord());
        Assert.Equal(bookmark with { ResumeAt = T0.ToUniversalTime(), CreatedAt = T0.ToUniversalTime() }, back.Bookmarks[0].ToRecord("i1"));
    }

    [Fact]
    public void JournalDocument_ThroughBson_RoundTrips()
    {
        var entry = new JournalEntry
        {
            InstanceId = "i1", Sequence = 3, Kind = JournalKind.ActivityCompleted, Timestamp = T0.ToUniversalTime(), ActivityId = "sort",
            ActivityType = "Sort", ExecutionId = "e", Attempt = 2, Duration = TimeSpan.FromMilliseconds(1234.5), Port = "Done", Message = "m", RowCount = 10,
        };

        var bson = entry.ToDocument("i1").ToBsonDocument();

        Assert.Equal("ActivityCompleted", bson["Kind"].AsString);
        Assert.Equal(entry, BsonSerializer.Deserialize<MongoJournalDocument>(bson).ToRecord());
    }
}
