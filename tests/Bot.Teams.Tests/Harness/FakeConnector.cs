using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Teams.Tests.Harness;

public sealed record ConnectorCall(DateTimeOffset At, string Method, string Path, string? Authorization, JsonObject? Body, int Status, string? ReturnedId = null)
{
    public string? Text => Body?["text"]?.GetValue<string>();
    public string? Type => Body?["type"]?.GetValue<string>();
    public JsonArray? Attachments => Body?["attachments"] as JsonArray;
    public int Bytes { get; init; }
    /// <summary>The body's size as Teams counts it (UTF-16).</summary>
    public int Utf16Bytes { get; init; }
}

/// <summary>
/// A Bot Framework connector on 127.0.0.1 that records every call (method, raw path, Authorization, body) and answers
/// as <see cref="Respond"/> says (default 201 {id}). Each call to <see cref="Url"/> + any prefix is accepted, so one
/// fake can stand for several serviceUrls.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();
    public string Url { get; }
    /// <summary>(call number from 1, method, path) -> status, Retry-After seconds, body; null = 201 with a new id.</summary>
    public Func<int, string, string, (int Status, int? RetryAfter, string? Body)?> Respond { get; set; } = (_, _, _) => null;
    /// <summary>Delay before answering (timeouts).</summary>
    public Func<int, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;
    private int _count;

    private FakeConnector(WebApplication app, string url) { _app = app; Url = url; }

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var url = "";
        FakeConnector? me = null;
        app.Run(async http =>
        {
            var arrived = DateTimeOffset.UtcNow;
            var n = Interlocked.Increment(ref me!._count);
            using var reader = new StreamReader(http.Request.Body);
            var text = await reader.ReadToEndAsync();
            JsonObject? body = null;
            try { body = JsonNode.Parse(text) as JsonObject; } catch { }
            // The path as sent (Kestrel decodes Request.Path): ids must arrive URL-encoded.
            var path = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            var delay = me.Delay(n);
            if (delay > TimeSpan.Zero) await Task.Delay(delay);
            var answer = me.Respond(n, http.Request.Method, path);
            var status = answer?.Status ?? 201;
            var id = answer is null ? $"act-{Interlocked.Increment(ref me._ids)}" : null;
            me.Calls.Enqueue(new ConnectorCall(arrived, http.Request.Method, path, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, status, id));
            http.Response.StatusCode = status;
            if (answer?.RetryAfter is { } ra) http.Response.Headers.RetryAfter = ra.ToString();
            if (id is not null) await http.Response.WriteAsJsonAsync(new { id });
            else if (answer?.Body is { } b) await http.Response.WriteAsync(b);
        });
        await app.StartAsync();
        url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        me = new FakeConnector(app, url);
        return me;
    }

    /// <summary>Successful calls posting a message (not typing, not updates).</summary>
    public IReadOnlyList<ConnectorCall> Messages => Calls.Where(c => c.Method == "POST" && c.Type == "message" && c.Status is >= 200 and < 300).ToList();

    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(Func<IReadOnlyList<ConnectorCall>, bool> done, int timeoutMs = 10000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < until)
        {
            var all = Calls.ToList();
            if (done(all)) return all;
            await Task.Delay(20);
        }
        return Calls.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
