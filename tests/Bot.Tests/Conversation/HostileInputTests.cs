using IkiBot.Bot.Channels.Console;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Tests.Reporting;
using IkiBot.Data;

namespace IkiBot.Bot.Tests.Conversation;

/// <summary>Every command with hostile arguments: no input ends the chat or reaches the user as an exception.</summary>
public class HostileInputTests
{
    public static readonly string[] Commands =
    [
        "/mulai", "/start", "/bantuan", "/tugas", "/fungsi", "/indikator", "/jabatan", "/jabatan saya", "/setujui", "/tolak",
        "/pilih", "/batal", "/batal ya", "/laporanku", "/koreksi", "/rekap", "/target", "/ekspor", "/grafik", "/pengingat",
        "/tidakada", "lapor:",
    ];

    public static readonly string[] Arguments =
    [
        "", "-1", "3 -1", "-5 -5", "0 0", "999 999", "3 99999999999999999999", "99999999999999999999", "3 1,5", "3 1.5", "3 1e9",
        "abc", "' OR 1=1 --", "\u0000\u0001", "🙂 🙂", "2026-13", "0000-00", "TW V", "9999", "1 2 3 4 5 6", "jeda 999999 bulan",
        "ya 99999999999999999999", "3 5 januari 9999", "3 5 bulan lalu lalu", new string('x', 1990), "kasi PHI 3",
        "BENDAHARA 1 5", "KEPALA DINAS 1 99999999999999999999", "SEKRETARIS -1 5",
    ];

    public static IEnumerable<string> Lines() =>
        from c in Commands from a in Arguments select a.Length == 0 ? c : $"{c} {a}";

    [Fact]
    public async Task The_terminal_chat_answers_every_hostile_line_without_an_exception()
    {
        using var bot = new TestBot();
        await bot.Services.Users.RegisterAsync(ConsoleChat.Channel, ConsoleChat.UserId, "Admin", "SEKRETARIS", Peran.Admin, StatusPengguna.Aktif);
        var lines = Lines().ToList();
        var folder = Path.Combine(Path.GetTempPath(), $"ikibot-hostile-{Guid.NewGuid():N}");
        var output = new StringWriter();
        try
        {
            await new ConsoleChat(bot.Services.Engine, new StringReader(string.Join("\n", lines) + "\n/tugas bendahara\n"), output, bot.Clock, folder).RunAsync();
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
        var text = output.ToString();
        Assert.DoesNotContain(ConsoleChat.Apology, text);
        Assert.DoesNotContain("Exception", text);
        Assert.Contains("Tugas BENDAHARA", text[^3000..]); // the chat went on to the last line
    }

    [Fact]
    public async Task The_conversation_refuses_hostile_lines_from_staff_and_strangers_in_Indonesian()
    {
        using var bot = new TestBot();
        await bot.Services.Users.RegisterAsync("telegram", "staf", "Staf", "PENGADMINISTRASI INFORMASI PASAR KERJA", Peran.Staf, StatusPengguna.Aktif);
        foreach (var user in new[] { "staf", "orang-asing" })
            foreach (var line in Lines())
            {
                var reply = await bot.Say(line, user, "telegram");
                Assert.NotEmpty(reply.Replies);
                Assert.All(reply.Replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), line));
            }
        Assert.Equal(0, await bot.StoredCount());
    }

    [Fact]
    public async Task An_exception_inside_the_conversation_becomes_an_apology_and_the_terminal_goes_on()
    {
        var engine = new ConversationEngine(Knowledge.IkiKnowledge.LoadBundled(), new ExplodingDesk());
        var output = new StringWriter();
        await new ConsoleChat(engine, new StringReader("/laporanku\n/tugas kasi phi\n"), output, TimeProvider.System).RunAsync();
        Assert.Contains(ConsoleChat.Apology, output.ToString());
        Assert.Contains("Tugas", output.ToString());
    }

    /// <summary>A desk that throws on /laporanku, as a bug or a broken database would.</summary>
    private sealed class ExplodingDesk : IReportDesk
    {
        public Task<TurnResult> StartAsync(Incoming message, string welcome, CancellationToken ct) => Task.FromResult(new TurnResult(new Reply(welcome)));
        public Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct) => Task.FromResult(false);
        public Task<TurnResult?> HandleReportAsync(Incoming message, string text, CancellationToken ct) => Task.FromResult<TurnResult?>(null);
        public Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct) =>
            command == "/laporanku" ? throw new InvalidOperationException("boom") : Task.FromResult<TurnResult?>(null);
    }
}
