using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Teams.Tests.Harness;

/// <summary>What the chat showed (createMessage, updateMessage, typing) and what the bot sent to the connector in one turn.</summary>
public sealed record PlaygroundTurn(IReadOnlyList<JsonObject> Events, IReadOnlyList<ConnectorCall> Calls)
{
    public IReadOnlyList<JsonObject> Messages => Events.Where(e => (string?)e["action"] == "createMessage").Select(e => (JsonObject)e["message"]!).ToList();
    public IReadOnlyList<JsonObject> Updates => Events.Where(e => (string?)e["action"] == "updateMessage").Select(e => (JsonObject)e["message"]!).ToList();
    public bool Typing => Events.Any(e => (string?)e["action"] == "typing");
    public string Text => string.Join("\n---\n", Messages.Select(m => (string?)m["text"]).Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>Action.Submit buttons of the adaptive cards shown: (title, data, the card's message id).</summary>
    public IReadOnlyList<(string Title, JsonNode Data, string MessageId)> Buttons =>
        Messages.SelectMany(m => (m["attachments"] as JsonArray ?? []).Select(a => (a, id: (string)m["messageId"]!)))
            .Where(x => (string?)x.a!["contentType"] == "application/vnd.microsoft.card.adaptive")
            .SelectMany(x => (x.a!["content"]!["actions"] as JsonArray ?? []).Where(b => (string?)b!["type"] == "Action.Submit")
                .Select(b => ((string)b!["title"]!, b["data"]!, x.id)))
            .ToList();
}

/// <summary>
/// One simulated Teams user: a Microsoft 365 Agents Playground process (through the guarded launcher
/// playground/playground.js: 127.0.0.1 only, empty telemetry key, no non-loopback connection) with its own 1:1 chat,
/// behind a recording proxy that is the serviceUrl the bot talks to. Driven through the playground's own HTTP and
/// websocket API, the calls its web UI makes.
/// </summary>
public sealed class PlaygroundUser : IAsyncDisposable
{
    private readonly Process _process;
    private readonly WebApplication _proxy;
    private readonly ClientWebSocket _chat = new();
    private readonly ClientWebSocket _log = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<JsonObject> _events = new();
    private readonly List<DateTimeOffset> _eventTimes = new();
    private int _mark;
    private int _callMark;
    private readonly string _dir;

    public string Key { get; }
    public string Base { get; }
    public string ServiceUrl { get; }
    public string ConversationId { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string AadObjectId { get; }
    public ConcurrentQueue<ConnectorCall> Calls { get; }

    private PlaygroundUser(string key, string aad, Process process, WebApplication proxy, ConcurrentQueue<ConnectorCall> calls, int port, string serviceUrl, string dir)
    {
        Key = key; AadObjectId = aad; _process = process; _proxy = proxy; Calls = calls; Base = $"http://127.0.0.1:{port}"; ServiceUrl = serviceUrl; _dir = dir;
    }

    /// <summary>Installs the playground from the lock file when missing (CI runs .ci/teams-setup.sh first).</summary>
    public static void EnsureInstalled()
    {
        var source = Path.Combine(RepositoryRoot(), "tests", "Bot.Teams.Tests", "playground");
        if (File.Exists(Path.Combine(source, "node_modules", "@microsoft", "m365agentsplayground", "package.json"))) return;
        var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = source, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("npm tidak dapat dijalankan: pasang Node.js dan npm (bash .ci/teams-setup.sh).");
        npm.WaitForExit(300_000);
        if (npm.ExitCode != 0) throw new InvalidOperationException("npm ci gagal di " + source + ": " + npm.StandardError.ReadToEnd());
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IkiBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("IkiBot.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task<PlaygroundUser> StartAsync(string key, string name, string aad, string botEndpoint, string appId, string tenant)
    {
        EnsureInstalled();
        var launcher = Path.Combine(RepositoryRoot(), "tests", "Bot.Teams.Tests", "playground", "playground.js");
        var dir = Directory.CreateTempSubdirectory("ikibot-playground-").FullName;
        var port = FreePort();
        var calls = new ConcurrentQueue<ConnectorCall>();
        var proxy = await StartProxyAsync(port, calls);
        var proxyUrl = proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var serviceUrl = proxyUrl + "/_connector";
        var config = Path.Combine(dir, key + ".yml");
        await File.WriteAllTextAsync(config, string.Join('\n',
            "version: \"0.1.1\"", $"tenantId: \"{tenant}\"", $"bot: {{ id: \"28:{appId}\", name: \"IkiBot\" }}",
            $"currentUser: {{ id: \"29:1{key}\", name: \"{name}\", userPrincipleName: \"{key}@example.com\", aadObjectId: \"{aad}\", givenName: \"{name.Split(' ')[0]}\", surname: \"-\", email: \"{key}@example.com\" }}",
            // The playground wants at least five other users in the tenant.
            "users:", string.Join('\n', Enumerable.Range(1, 5).Select(k =>
                $"  - {{ id: \"29:1filler{k}\", name: \"User {k}\", userPrincipleName: \"u{k}@example.com\", aadObjectId: \"00000000-0000-4000-8000-00000000090{k}\", givenName: \"User\", surname: \"{k}\", email: \"u{k}@example.com\" }}")),
            $"personalChat: {{ id: \"a:1{key}\" }}", $"groupChat: {{ id: \"19:group-{key}@thread.v2\", name: \"Grup {key}\" }}",
            "team: { id: \"19:team@thread.tacv2\", name: \"Dinas\", aadGroupId: \"00000000-0000-4000-8000-000000000031\", channels: [] }", ""));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { launcher, "-e", botEndpoint, "-p", port.ToString(), "-c", "msteams", "--service-url", serviceUrl, "--disable-telemetry" })
            start.ArgumentList.Add(a);
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = config;
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(dir, key + ".log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("node tidak dapat dijalankan");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (Regex.Match(e.Data, @"Listening on (\d+)") is { Success: true } m) listening.TrySetResult(int.Parse(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine("! " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var user = new PlaygroundUser(key, aad, process, proxy, calls, port, serviceUrl, dir);
        var done = await Task.WhenAny(listening.Task, Task.Delay(60_000), process.WaitForExitAsync());
        if (done != listening.Task)
        {
            await user.DisposeAsync();
            throw new InvalidOperationException($"playground for {key} did not start: {output}");
        }
        if (listening.Task.Result != port)
        {
            await user.DisposeAsync();
            throw new InvalidOperationException($"port {port} busy (playground took {listening.Task.Result})");
        }
        await user.ConnectAsync();
        return user;
    }

    private async Task ConnectAsync()
    {
        var cfg = JsonNode.Parse(await _http.GetStringAsync(Base + "/_internal/v1/testConfig"))!["config"]!;
        ConversationId = (string)cfg["personalChat"]!["id"]!;
        UserId = (string)cfg["currentUser"]!["id"]!;
        await _log.ConnectAsync(new Uri(Base.Replace("http", "ws") + "/_ws/log/stream"), _stop.Token);
        _ = ReadAsync(_log, null);
        await _chat.ConnectAsync(new Uri(Base.Replace("http", "ws") + "/_ws_conversation/v1/conversations/stream"), _stop.Token);
        _ = ReadAsync(_chat, _events);
        await Task.Delay(300); // the playground replays what it buffered while no client was connected: skip it
        lock (_events) _mark = _events.Count;
        _callMark = Calls.Count;
    }

    private async Task ReadAsync(ClientWebSocket ws, List<JsonObject>? into)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && ws.State == WebSocketState.Open)
            {
                var r = await ws.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                if (into is not null)
                    try
                    {
                        if (JsonNode.Parse(message.ToArray()) is JsonObject o)
                            lock (into) { into.Add(o); _eventTimes.Add(DateTimeOffset.UtcNow); }
                    }
                    catch (JsonException) { }
                message.SetLength(0);
            }
        }
        catch (Exception) { /* closed */ }
    }

    private async Task PostAsync(string path, object body)
    {
        using var response = await _http.PostAsync(Base + path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task SayAsync(string text) => PostAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(ConversationId)}/messages",
        new { from = new { id = UserId }, text, textFormat = "plain" });

    public Task SubmitAsync(string replyToId, JsonNode value) => PostAsync("/_conversation/v1/submit",
        new { conversation = new { id = ConversationId }, from = new { id = UserId }, replyToId, value });

    public Task InstallAsync() => PostAsync($"/_debug/conversation/{Uri.EscapeDataString(ConversationId)}/installation", new { });

    /// <summary>Sends, then waits for at least one shown message (or the timeout) and then <paramref name="quietMs"/> without a new event.</summary>
    public async Task<PlaygroundTurn> AskAsync(Func<Task> send, int timeoutMs = 15000, int quietMs = 700)
    {
        lock (_events) _mark = _events.Count;
        _callMark = Calls.Count;
        await send();
        return await CollectAsync(timeoutMs, quietMs);
    }

    public async Task<PlaygroundTurn> CollectAsync(int timeoutMs = 15000, int quietMs = 700)
    {
        var start = DateTime.UtcNow;
        while (true)
        {
            bool shown; DateTimeOffset last;
            lock (_events)
            {
                var fresh = _events.Skip(_mark).ToList();
                shown = fresh.Any(e => (string?)e["action"] is "createMessage" or "updateMessage");
                last = fresh.Count > 0 ? _eventTimes[^1] : DateTimeOffset.MinValue;
            }
            if (shown && DateTimeOffset.UtcNow - last >= TimeSpan.FromMilliseconds(quietMs)) break;
            if ((DateTime.UtcNow - start).TotalMilliseconds >= timeoutMs) break;
            await Task.Delay(25);
        }
        List<JsonObject> events;
        lock (_events) { events = _events.Skip(_mark).ToList(); _mark = _events.Count; }
        var calls = Calls.Skip(_callMark).ToList();
        _callMark = Calls.Count;
        return new PlaygroundTurn(events, calls);
    }

    /// <summary>Time from <paramref name="send"/> to the first message the chat shows (the bench's reply time).</summary>
    public async Task<TimeSpan> TimeReplyAsync(Func<Task> send, int timeoutMs = 15000)
    {
        int mark;
        lock (_events) mark = _events.Count;
        var sw = Stopwatch.StartNew();
        await send();
        while (sw.ElapsedMilliseconds < timeoutMs)
        {
            lock (_events)
                for (var i = mark; i < _events.Count; i++)
                    if ((string?)_events[i]["action"] == "createMessage") { var t = sw.Elapsed; _mark = _events.Count; return t; }
            await Task.Delay(1);
        }
        throw new TimeoutException("no reply within " + timeoutMs + " ms");
    }

    private static async Task<WebApplication> StartProxyAsync(int playgroundPort, ConcurrentQueue<ConnectorCall> calls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var forward = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        app.Run(async http =>
        {
            var raw = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            using var reader = new StreamReader(http.Request.Body);
            var text = await reader.ReadToEndAsync();
            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), $"http://127.0.0.1:{playgroundPort}{raw}");
            if (text.Length > 0 || http.Request.Method is "POST" or "PUT") request.Content = new StringContent(text, Encoding.UTF8, "application/json");
            if (http.Request.Headers.Authorization.Count > 0) request.Headers.TryAddWithoutValidation("Authorization", http.Request.Headers.Authorization.ToString());
            using var response = await forward.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            JsonObject? body = null;
            try { body = JsonNode.Parse(text) as JsonObject; } catch { }
            string? id = null;
            try { id = (string?)JsonNode.Parse(answer)?["id"]; } catch { }
            calls.Enqueue(new ConnectorCall(DateTimeOffset.UtcNow, http.Request.Method, raw,
                http.Request.Headers.Authorization.Count > 0 ? http.Request.Headers.Authorization.ToString() : null, body, (int)response.StatusCode, id)
                { Bytes = Encoding.UTF8.GetByteCount(text), Utf16Bytes = text.Length * 2 });
            http.Response.StatusCode = (int)response.StatusCode;
            http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await http.Response.WriteAsync(answer);
        });
        await app.StartAsync();
        return app;
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch { }
        try { await _process.WaitForExitAsync(new CancellationTokenSource(5000).Token); } catch { }
        _process.Dispose();
        _chat.Dispose();
        _log.Dispose();
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
        _http.Dispose();
        try { Directory.Delete(_dir, true); } catch { }
    }
}
