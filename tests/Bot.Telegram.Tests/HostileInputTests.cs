using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>Issue 9 item 1: every command with hostile arguments through the Telegram update handler (fake Bot API).</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private FakeBotApi _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBotApi.StartAsync();
    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static readonly string[] Commands =
    [
        "/start", "/bantuan", "/tugas", "/fungsi", "/indikator", "/jabatan saya", "/setujui", "/tolak", "/pilih", "/batal",
        "/batal ya", "/laporanku", "/koreksi", "/rekap", "/target", "/ekspor", "/grafik", "/pengingat", "/tidakada", "lapor:",
    ];

    private static readonly string[] Arguments =
    [
        "", "3 -1", "-5 -5", "3 99999999999999999999", "abc 🙂", "2026-13", "3 5 januari 9999", "KEPALA DINAS 1 99999999999999999999",
    ];

    [Fact]
    public async Task Every_command_with_hostile_arguments_gets_an_answer_and_no_apology()
    {
        const long staff = 930, stranger = 931;
        BotServices? services = null;
        var options = BotUnderTest.Options_(_fake.Url) with { PerChatPerSecond = 1000, PerChatBurst = 1000, GlobalPerSecond = 1000 };
        await using var bot = new BotUnderTest(options, _ =>
        {
            services = new BotServices(new BotSettings { DatabasePath = Path.Combine(Path.GetTempPath(), $"ikibot-hostile-{Guid.NewGuid():N}.db") },
                TimeProvider.System, quiet: true);
            services.Users.RegisterAsync("telegram", staff.ToString(), "Rina", "PENGADMINISTRASI INFORMASI PASAR KERJA", Peran.Admin, StatusPengguna.Aktif)
                .GetAwaiter().GetResult();
            return services.Engine;
        });
        try
        {
            await bot.StartAsync();
            var lines = (from c in Commands from a in Arguments select a.Length == 0 ? c : $"{c} {a}").ToList();
            foreach (var line in lines)
            {
                _fake.QueueMessage(staff, line);
                _fake.QueueMessage(stranger, line);
            }
            int Answers() => _fake.Succeeded("sendMessage").Count + _fake.Succeeded("sendDocument").Count + _fake.Succeeded("sendPhoto").Count;
            await Loopback.WaitUntilAsync(() => Answers() >= 2 * lines.Count, TimeSpan.FromSeconds(120), () => $"{Answers()} of {2 * lines.Count} answered");
            await Task.Delay(500);
            var texts = _fake.Succeeded("sendMessage").Select(c => c.Text ?? "").ToList();
            Assert.DoesNotContain(TelegramUpdateHandler.ApologyReply, texts);
            Assert.DoesNotContain(texts, t => t.Contains("Exception"));
            Assert.Empty(await services!.Realisasi.ListByPeriodeAsync(IkiBot.Knowledge.Reporting.Periode.Of(DateTimeOffset.UtcNow).Code, includeCancelled: true));
        }
        finally
        {
            if (services is not null)
            {
                var path = services.Settings.DatabasePath;
                services.Dispose();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) try { File.Delete(path + suffix); } catch (IOException) { }
            }
        }
    }
}
