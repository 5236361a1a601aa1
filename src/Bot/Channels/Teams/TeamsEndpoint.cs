using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the activity is read (at most <see cref="MaxBodyBytes"/>), its token checked (401 and
/// nothing handled or stored otherwise), handled and committed before 200 (an invoke gets its answer in the body);
/// a failed commit answers 500 so the connector sends it again. <c>GET /files/{token}</c> serves /ekspor and /grafik
/// files behind short-lived signed links.
/// </summary>
public static class TeamsEndpoint
{
    public const string Path = "/api/messages";
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpContext http, TeamsAuthenticator auth, TeamsActivityHandler handler, TeamsPublicAddress address,
            ILogger<TeamsActivityHandler> log) =>
        {
            if (http.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            Activity? activity;
            try
            {
                using var body = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
                {
                    if (body.Length + read > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                    body.Write(buffer, 0, read);
                }
                activity = JsonSerializer.Deserialize<Activity>(body.ToArray(), TeamsJson.Options);
            }
            catch (JsonException) { activity = null; }

            // The token is checked before anything else, also for a body that cannot be read.
            var refusal = await auth.CheckAsync(http.Request.Headers.Authorization.ToString(), activity ?? new Activity(), http.RequestAborted);
            if (refusal is not null)
            {
                log.LogWarning("Teams: permintaan dari {Ip} ditolak (401): {Reason}", http.Connection.RemoteIpAddress, refusal);
                return Results.Unauthorized();
            }
            if (activity is null) return Results.BadRequest();

            address.Saw($"{http.Request.Scheme}://{http.Request.Host}");
            try
            {
                var result = await handler.HandleAsync(activity, http.RequestAborted);
                return result.Outcome switch
                {
                    ActivityOutcome.Invalid => Results.BadRequest(),
                    ActivityOutcome.OtherTenant => Results.StatusCode(StatusCodes.Status403Forbidden),
                    _ when result.InvokeResponse is { } invoke => Results.Json(new { status = 200, body = invoke }, statusCode: 200),
                    _ => Results.Ok(),
                };
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                log.LogError(e, "Teams: aktivitas {Id} belum tersimpan; konektor akan mengirim ulang", activity.Id);
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }
        });

        app.MapGet("/files/{token}", (string token, FileLinks files) =>
            files.Open(token) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.NotFound());
        return app;
    }
}
