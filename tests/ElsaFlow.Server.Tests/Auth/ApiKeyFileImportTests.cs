using System.Net;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Auth;

/// <summary>A server that kept its keys in api-keys.json: the first start imports them into the store and renames the file.</summary>
public sealed class ApiKeyFileImportTests : IAsyncLifetime
{
    private const string OldSecret = "efk_0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly string _root = Directory.CreateTempSubdirectory("elsaflow-import").FullName;

    private string DataFolder => Path.Combine(_root, ".elsaflow");
    private string KeyFile => Path.Combine(DataFolder, "api-keys.json");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        // The file as JsonFileApiKeyStore wrote it.
        File.WriteAllText(KeyFile, $$"""
            [
              {"id": "0a1b2c3d4e5f6a7b", "name": "ci", "role": "Operator", "hash": "{{StoreApiKeyStore.Hash(OldSecret)}}", "createdAt": "2026-11-20T10:00:00+00:00"}
            ]
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a store file still closing: the OS cleans temp */ }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_WithAnOldKeyFile_ImportsItsKeysOnceAndRenamesIt()
    {
        await using (var first = new ServerNode(DataFolder, _root, TimeProvider.System))
        {
            var me = await HttpAssert.Json(await first.ClientWithKey(OldSecret).GetAsync("/api/me"));
            Assert.Equal("ci", me["name"]!.GetValue<string>());
            await HttpAssert.Problem(await first.ClientWithKey(OldSecret).GetAsync("/api/keys"), HttpStatusCode.Forbidden);
        }

        await using var second = new ServerNode(DataFolder, _root, TimeProvider.System);
        var keys = await second.Services.GetRequiredService<IApiKeyStore>().ListAsync();

        Assert.False(File.Exists(KeyFile));
        Assert.True(File.Exists(KeyFile + ".imported"));
        Assert.Equal(1, keys.Count(k => k.Id == "0a1b2c3d4e5f6a7b" && k.Role == ApiRole.Operator));
        await HttpAssert.Json(await second.ClientWithKey(OldSecret).GetAsync("/api/workflows"));
    }
}
