using ElsaFlow.Server.Hosting;

ElsaFlowServer.Build(ElsaFlowServer.CreateBuilder(args)).Run();

/// <summary>The server's entry point (public so WebApplicationFactory can host it in tests).</summary>
public partial class Program;
