using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace ElsaFlow.Server.Studio;

/// <summary>
/// Serves the built Studio (src/Studio, copied into the output's studio/ folder by the build) at /studio, with the
/// single-page fallback so a reload of /studio/flows/x still finds index.html.
/// </summary>
public static class StudioHosting
{
    public const string Route = "/studio";

    public static WebApplication MapStudio(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "studio");
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            app.Logger.LogWarning("The Studio is not in {Folder}: build src/Server (it builds src/Studio with npm) to get /studio", folder);
            return app;
        }
        var files = new PhysicalFileProvider(folder);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = Route, OnPrepareResponse = CacheAssets });
        // No /studio -> /studio/ redirect: the fallback answers both, and a redirect between them loops.
        app.MapFallbackToFile("studio/{*path:nonfile}", "index.html", new StaticFileOptions { FileProvider = files, OnPrepareResponse = NoCache })
            .AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/studio/")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    // Vite names assets after their content hash, so they may be cached for good; index.html must not be.
    private static void CacheAssets(StaticFileResponseContext context)
    {
        if (context.Context.Request.Path.StartsWithSegments("/studio/assets"))
            context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        else NoCache(context);
    }

    private static void NoCache(StaticFileResponseContext context) => context.Context.Response.Headers.CacheControl = "no-cache";
}
