using Microsoft.AspNetCore.Http.Features;

namespace ElsaFlow.Server.Hosting;

/// <summary>
/// Caps request bodies (ElsaFlow:MaxRequestBodySize, default 10 MB): a declared length above it is refused with 413
/// before anything is read, and the server's own limit stops longer chunked bodies while they are read.
/// </summary>
public static class RequestSizeLimit
{
    public static WebApplication UseRequestSizeLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<ServerOptions>().MaxRequestBodySize;
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                    title = "The request body is too large",
                    status = 413,
                    detail = $"Request bodies may be at most {limit:N0} bytes (ElsaFlow:MaxRequestBodySize)"
                }, options: null, contentType: "application/problem+json");
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
            await next(context);
        });
        return app;
    }
}
