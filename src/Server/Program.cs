using ElsaFlow.Server.Api;
using ElsaFlow.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddElsaFlowServer(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapElsaFlowApi();
StartupBanner.PrintWhenStarted(app);
app.Run();

/// <summary>The server's entry point (public so WebApplicationFactory can host it in tests).</summary>
public partial class Program;
