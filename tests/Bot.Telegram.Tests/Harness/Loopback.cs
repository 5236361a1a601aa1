using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>Small helpers for servers on 127.0.0.1 and the repository's folders.</summary>
public static class Loopback
{
    /// <summary>A Kestrel app on 127.0.0.1 with a free port; returns it started, with its base address.</summary>
    public static async Task<(WebApplication App, string Url)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, url.TrimEnd('/'));
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IkiBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("IkiBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Polls <paramref name="done"/> every 20 ms until true or the time is up (then fails with <paramref name="what"/>).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> what, int pollMs = 20)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s: {what()}");
            await Task.Delay(pollMs);
        }
    }

    public static Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, Func<string> what) =>
        WaitUntilAsync(() => Task.FromResult(done()), timeout, what);
}
