using System.Diagnostics;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>
/// The real executable (Program -> TelegramChannel.Run) against the emulator, killed with SIGKILL in the middle of a
/// burst and started again: every update is handled exactly once (one ProcessedMessage row each, cursor at the last)
/// and every user gets every answer; only a reply in flight at the kill may be sent twice (delivery is at least once).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ProcessKillTests(EmulatorFixture emu, ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikibot-telegram-kill", Guid.NewGuid().ToString("N"));
    private readonly List<string> _log = new();

    private Process StartBot(string token)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ikibot.dll")])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.Environment["Telegram__Token"] = token;
        psi.Environment["Telegram__BaseUrl"] = emu.Proxy.Url;
        psi.Environment["Database__Path"] = Path.Combine(_folder, "ikibot.db");
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add("ERR " + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    [Fact]
    public async Task A_bot_killed_mid_burst_and_started_again_handles_every_update_once()
    {
        Directory.CreateDirectory(_folder);
        var token = BotUnderTest.NewToken();
        var users = Enumerable.Range(0, 10).Select(i => emu.User(token, 95_000 + i, "Staf" + i)).ToList();
        string[] questions = ["/tugas kasi phi", "/fungsi kasi phi", "/indikator kasi phi"];
        string[] markers = ["Tugas", "Fungsi", "Indikator"];

        var first = StartBot(token);
        try
        {
            await Loopback.WaitUntilAsync(() => emu.Proxy.Calls(token, "getUpdates").Count > 0, TimeSpan.FromSeconds(20), () => "the bot polling");
            foreach (var q in questions)
                foreach (var u in users) await u.SendAsync(q);
            // Kill as soon as part of the answers went out: some updates handled, some replies queued or in flight.
            await Loopback.WaitUntilAsync(() => emu.Proxy.Calls(token, "sendMessage").Count >= 8, TimeSpan.FromSeconds(20), () => "first replies");
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var beforeRestart = emu.Proxy.Calls(token, "sendMessage").Count;

        var second = StartBot(token);
        try
        {
            foreach (var u in users) await u.WaitForAsync(3, TimeSpan.FromSeconds(25));
            await Task.Delay(1500);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
            lock (_log) output.WriteLine(string.Join("\n", _log));
        }

        var total = 0;
        foreach (var u in users)
        {
            var texts = (await u.MessagesAsync()).Select(m => m.Text).ToList();
            total += texts.Count;
            foreach (var marker in markers) Assert.Contains(texts, t => t.StartsWith("<b>" + marker));
            Assert.True(texts.Count <= 4, $"user {u.UserId}: {texts.Count} replies");
        }
        var duplicates = total - 30;
        output.WriteLine($"sent before the kill: {beforeRestart}; replies in all: {total} ({duplicates} sent twice)");
        Assert.InRange(duplicates, 0, 10);

        var db = Database.Open(Path.Combine(_folder, "ikibot.db"));
        var store = new ChannelDeliveryStore(db, TimeProvider.System);
        var ids = emu.Proxy.SeenUpdateIds(token);
        Assert.Equal(30, ids.Count);
        Assert.Equal(ids.Max(), await store.GetCursorAsync(TelegramOptions.Channel));
        foreach (var id in ids) Assert.True(await store.IsHandledAsync(TelegramOptions.Channel, id.ToString()));
        Assert.Empty(await store.PendingAsync(TelegramOptions.Channel, 0));
        db.ReleaseConnections();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch { }
    }
}
