using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace ElsaFlow.Server.Tests.Connections;

/// <summary>/api/connections: CRUD by role, answers that never hold the secret, ciphertext at rest, Test connection on a real MariaDB.</summary>
public sealed class ConnectionsApiTests(ConnectionsServer server) : IClassFixture<ConnectionsServer>
{
    private const string Password = "s3cret-Pa55word";
    private const string ConnectionString = $"Server=db.internal;Port=3306;Database=sales;User ID=etl;Password={Password}";

    private static JsonObject Connection(string name, string kind = "mysql", string connectionString = ConnectionString) => new()
    {
        ["name"] = name, ["kind"] = kind, ["connectionString"] = connectionString, ["options"] = new JsonObject { ["batchSize"] = "5000" },
    };

    private async Task CreateAsync(string name, string kind = "mysql", string connectionString = ConnectionString) =>
        await HttpAssert.Json(await server.Operator.PostJson("/api/connections", Connection(name, kind, connectionString)), HttpStatusCode.Created);

    [Fact]
    public async Task Create_AsOperator_AnswersTheRedactedFormNeverThePassword()
    {
        var response = await server.Operator.PostJson("/api/connections", Connection("created"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/connections/created", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(Password, body, StringComparison.Ordinal);
        var created = JsonNode.Parse(body)!;
        Assert.Equal("mysql", created["kind"]!.GetValue<string>());
        Assert.Equal("server=db.internal;port=3306;database=sales;user id=etl;password=***", created["redacted"]!.GetValue<string>().ToLowerInvariant());
        Assert.Equal("5000", created["options"]!["batchSize"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListAndGet_AsViewer_NamesAndKindsOnly()
    {
        await CreateAsync("viewed", kind: "postgres", connectionString: $"Host=pg;Username=etl;Password={Password}");

        var listed = await server.Viewer.GetStringAsync("/api/connections");
        var one = await HttpAssert.Json(await server.Viewer.GetAsync("/api/connections/VIEWED"));

        Assert.DoesNotContain(Password, listed, StringComparison.Ordinal);
        var item = JsonNode.Parse(listed)!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "viewed")!.AsObject();
        Assert.Equal(["name", "kind"], item.Where(p => p.Value is not null).Select(p => p.Key));
        Assert.Equal(("viewed", "postgres"), (one["name"]!.GetValue<string>(), one["kind"]!.GetValue<string>()));
        Assert.Null(one["redacted"]);
        Assert.Null(one["options"]);
    }

    [Fact]
    public async Task Writes_AsViewer_Forbidden()
    {
        await CreateAsync("guarded");

        Assert.Equal(HttpStatusCode.Forbidden, (await server.Viewer.PostJson("/api/connections", Connection("mine"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Viewer.PutAsync("/api/connections/guarded", JsonContent(new JsonObject { ["kind"] = "postgres" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Viewer.DeleteAsync("/api/connections/guarded")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Viewer.PostAsync("/api/connections/guarded/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Viewer.GetAsync("/api/connections/mine")).StatusCode);
    }

    [Theory]
    [InlineData("", "needs a name")]
    [InlineData("a/b", "not a valid connection name")]
    [InlineData("..", "not a valid connection name")]
    [InlineData("a..b", "not a valid connection name")]
    [InlineData(".hidden", "not a valid connection name")]
    [InlineData("white space", "not a valid connection name")]
    public async Task Create_HostileName_BadRequestSayingWhy(string name, string expected)
    {
        var problem = await HttpAssert.Problem(await server.Operator.PostJson("/api/connections", Connection(name)), HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_HugeName_BadRequestWithoutEchoingIt()
    {
        var name = new string('n', 100_000);

        var problem = await HttpAssert.Problem(await server.Operator.PostJson("/api/connections", Connection(name)), HttpStatusCode.BadRequest);

        Assert.Contains("at most 100 characters", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(problem.ToJsonString().Length < 1000);
    }

    [Fact]
    public async Task Create_BadKindMissingSecretOrTooManyOptions_BadRequest()
    {
        var badKind = await server.Operator.PostJson("/api/connections", Connection("k1", kind: "my sql"));
        var noSecret = await server.Operator.PostJson("/api/connections", new JsonObject { ["name"] = "k2", ["kind"] = "mysql" });
        var options = new JsonObject();
        for (var i = 0; i < 51; i++) options[$"o{i}"] = "v";
        var tooMany = await server.Operator.PostJson("/api/connections", new JsonObject { ["name"] = "k3", ["kind"] = "mysql", ["connectionString"] = "x=y", ["options"] = options });

        Assert.Contains("not a valid connection kind", (await HttpAssert.Problem(badKind, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("needs a connectionString", (await HttpAssert.Problem(noSecret, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("at most 50 options", (await HttpAssert.Problem(tooMany, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NameTakenInAnotherCase_Conflict()
    {
        await CreateAsync("Taken");

        var problem = await HttpAssert.Problem(await server.Admin.PostJson("/api/connections", Connection("TAKEN", kind: "postgres")), HttpStatusCode.Conflict);

        Assert.Contains("already exists", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("mysql", (await HttpAssert.Json(await server.Admin.GetAsync("/api/connections/taken")))["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_EmptySecret_KeepsItAndChangesTheRest()
    {
        await CreateAsync("kept");

        var updated = await HttpAssert.Json(await server.Operator.PutAsync("/api/connections/kept",
            JsonContent(new JsonObject { ["kind"] = "doris", ["connectionString"] = "", ["options"] = new JsonObject() })));

        Assert.Equal("doris", updated["kind"]!.GetValue<string>());
        Assert.Contains("database=sales", updated["redacted"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(updated["options"]!.AsObject());
    }

    [Fact]
    public async Task Update_NewSecret_ReplacesIt()
    {
        await CreateAsync("replaced");

        var updated = await HttpAssert.Json(await server.Operator.PutAsync("/api/connections/replaced",
            JsonContent(new JsonObject { ["connectionString"] = "Server=other;Database=crm;User ID=bi;Password=another-Pa55" })));

        Assert.Equal("mysql", updated["kind"]!.GetValue<string>());
        Assert.Contains("database=crm", updated["redacted"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("another-Pa55", updated.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDeleteTest_Unknown_NotFound()
    {
        var update = await server.Operator.PutAsync("/api/connections/ghost", JsonContent(new JsonObject { ["kind"] = "mysql" }));
        var delete = await server.Operator.DeleteAsync("/api/connections/ghost");
        var test = await server.Operator.PostAsync("/api/connections/ghost/test", null);

        Assert.Contains("No connection named 'ghost'", (await HttpAssert.Problem(update, HttpStatusCode.NotFound))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await HttpAssert.Problem(delete, HttpStatusCode.NotFound);
        await HttpAssert.Problem(test, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_Known_GoneAfterwards()
    {
        await CreateAsync("deleted");

        var response = await server.Admin.DeleteAsync("/api/connections/Deleted");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin.GetAsync("/api/connections/deleted")).StatusCode);
    }

    [Fact]
    public async Task Store_RawTable_HoldsCiphertextOnly()
    {
        await CreateAsync("at-rest");

        using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM connections";
        using var reader = command.ExecuteReader();
        var cells = new List<string>();
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++) cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");

        Assert.Contains("at-rest", cells);
        Assert.DoesNotContain(cells, c => c.Contains(Password, StringComparison.Ordinal) || c.Contains("db.internal", StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(server.KeyRing, "key-*.xml"));
    }

    [Fact]
    public async Task Test_RealMariaDb_SucceedsWithTheServerVersion()
    {
        await CreateAsync("live", kind: MySqlTestProbe.Kind, connectionString: new MySqlConnectionStringBuilder(server.MariaDb.NewDatabase()) { Database = "" }.ConnectionString);

        var result = await HttpAssert.Json(await server.Operator.PostAsync("/api/connections/live/test", null));

        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Contains("MariaDB", result["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_WrongPassword_FailsNamingTheConnectionNotThePassword()
    {
        var wrong = new MySqlConnectionStringBuilder(server.MariaDb.NewDatabase()) { Database = "", Password = Password }.ConnectionString;
        await CreateAsync("wrong", kind: MySqlTestProbe.Kind, connectionString: wrong);

        var response = await server.Operator.PostAsync("/api/connections/wrong/test", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(body)!;
        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Contains("Connection 'wrong' failed", result["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Access denied", result["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_KindWithoutProbe_BadRequestSayingItCannotBeTested()
    {
        // A kind no database client will ever speak, so the test holds once the clients register their probes.
        await CreateAsync("untestable", kind: "no-such-client");

        var problem = await HttpAssert.Problem(await server.Operator.PostAsync("/api/connections/untestable/test", null), HttpStatusCode.BadRequest);

        Assert.Equal("Connection 'untestable' cannot be tested: no client on this server speaks kind 'no-such-client'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetAndTest_SecretNotFromThisKeyRing_SayWhatToCheck()
    {
        await CreateAsync("other-ring", kind: MySqlTestProbe.Kind, connectionString: new MySqlConnectionStringBuilder(server.MariaDb.NewDatabase()) { Database = "" }.ConnectionString);
        var store = server.Services.GetRequiredService<IConnectionRecordStore>();
        var stored = (await store.GetConnectionAsync("other-ring"))!;
        // Ciphertext made with another key ring looks like this to this one: it does not decrypt.
        await store.UpdateConnectionAsync(stored with { ProtectedConnectionString = "CfDJ8-made-elsewhere" });

        var shown = await HttpAssert.Json(await server.Operator.GetAsync("/api/connections/other-ring"));
        var test = await HttpAssert.Json(await server.Operator.PostAsync("/api/connections/other-ring/test", null));

        Assert.Contains("cannot be decrypted: the key ring (ElsaFlow:Connections:KeyRing) is not the one it was saved with", shown["redacted"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(test["succeeded"]!.GetValue<bool>());
        Assert.Contains("The secret of connection 'other-ring' cannot be decrypted", test["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
