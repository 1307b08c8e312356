using ElsaFlow.Data;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Hosting;

/// <summary>ElsaFlow:Data:MemoryLimit reaches the workspaces; a bad size stops the server at start, naming the setting.</summary>
public sealed class DataMemoryLimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Start_WithAMemoryLimit_GivesItToEveryWorkspace()
    {
        await using var limited = server.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ElsaFlow:DataFolder", server.DataFolder + "-memory");
            builder.UseSetting("ElsaFlow:Data:MemoryLimit", "1GB");
        });

        Assert.Equal("1GB", limited.Services.GetRequiredService<DataOptions>().MemoryLimit);
        Assert.Equal("1GB", limited.Services.GetRequiredService<DataWorkspaces>().MemoryCap);
    }

    [Fact]
    public async Task Start_WithAMemoryLimitWithoutUnit_FailsNamingTheSetting()
    {
        await using var broken = server.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ElsaFlow:DataFolder", server.DataFolder + "-memory-bad");
            builder.UseSetting("ElsaFlow:Data:MemoryLimit", "1024");
        });

        var e = Assert.Throws<ArgumentException>(() => broken.Services);

        Assert.StartsWith("ElsaFlow:Data:MemoryLimit: '1024' is not a memory size", e.Message);
    }
}
