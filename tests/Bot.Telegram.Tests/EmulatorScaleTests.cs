using System.Net;
using System.Text.RegularExpressions;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Knowledge;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>Long answers, bursts, a server without the optional methods, and group reports, through the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class EmulatorScaleTests(EmulatorFixture emu, ITestOutputHelper output)
{
    /// <summary>The bundled document plus a jabatan with 60 long indicator rows (with &amp;, &lt; and &gt;), so its answer is ~13,000 characters.</summary>
    private static readonly Lazy<IkiKnowledge> LongKnowledge = new(() =>
    {
        var rows = string.Join("\n", Enumerable.Range(1, 60).Select(i =>
            $"{i}\tMelaksanakan kegiatan pemantauan ketenagakerjaan nomor {i} di wilayah kecamatan & desa <sekitar> secara berkala\t" +
            $"Menyusun laporan pemantauan ketenagakerjaan nomor {i} beserta data pendukung yang lengkap dan akurat\t\t"));
        var block = "\n\nINDIKATOR KINERJA INDIVIDU\n\n1. Jabatan : SEKSI PEMANTAUAN PANJANG\n" +
                    "2. Tugas : Melaksanakan pemantauan ketenagakerjaan.\n3. Fungsi : a. Pemantauan ketenagakerjaan\n b. Pelaporan pemantauan\n\n" +
                    "NO\tPROGRAM\tINDIKATOR KERJA UTAMA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA\n" + rows + "\n";
        var path = Path.Combine(Path.GetTempPath(), $"ikibot-long-kb-{Environment.ProcessId}.txt");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(Loopback.RepoRoot(), "data", "iki-dinas-tenaga-kerja.txt")) + block);
        return IkiKnowledge.LoadFile(path);
    });

    [Fact]
    public async Task A_long_answer_is_split_at_line_boundaries_into_parts_within_4096_characters()
    {
        await using var bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url), _ => new ConversationEngine(LongKnowledge.Value));
        await bot.StartAsync();
        var expected = (await new ConversationEngine(LongKnowledge.Value)
            .HandleAsync(new Incoming("t", "1", "x", "1", "indikator seksi pemantauan panjang", DateTimeOffset.UtcNow))).Text;
        Assert.True(expected.Length > 3 * 4096, $"answer only {expected.Length} characters");

        var user = emu.User(bot.Options.Token, 601);
        await user.SendAsync("indikator seksi pemantauan panjang");
        var parts = await user.WaitForAsync(4, TimeSpan.FromSeconds(15));
        await Task.Delay(1500);
        parts = await user.MessagesAsync();

        var visible = parts.Select(p => Visible(p.Text)).ToList();
        Assert.All(visible, v => Assert.InRange(v.Length, 1, 4096));
        Assert.Equal(expected.Replace("*", ""), string.Join("\n", visible));
        var lines = expected.Replace("*", "").Split('\n').ToHashSet();
        Assert.All(visible, v => Assert.All(v.Split('\n'), line => Assert.Contains(line, lines))); // no line cut in two
        Assert.Contains("&amp; desa &lt;sekitar&gt;", parts[0].Text);
        Assert.StartsWith("<b>Indikator kinerja SEKSI PEMANTAUAN PANJANG", parts[0].Text);
        output.WriteLine($"{expected.Length} characters in {parts.Count} messages: {string.Join(", ", visible.Select(v => v.Length))}");
    }

    /// <summary>What the user sees: the HTML without tags, entities decoded (Telegram's 4,096 limit applies to this).</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "</?b>", ""));

    [Fact]
    public async Task A_burst_of_200_updates_from_20_users_is_answered_exactly_once_each_within_the_rates()
    {
        await using var bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url));
        await bot.StartAsync();
        var token = bot.Options.Token;
        var users = Enumerable.Range(0, 20).Select(i => emu.User(token, 7000 + i, "Pegawai" + i)).ToList();
        string[] questions = ["/tugas kasi phi", "/fungsi kabid pelatihan", "/bantuan", "tugas sekretaris", "/jabatan"];

        var started = DateTime.UtcNow;
        await Task.WhenAll(users.Select(async (u, i) =>
        {
            for (var n = 0; n < 10; n++) await u.SendAsync(questions[(i + n) % questions.Length] + (n % 2 == 0 ? "" : " "));
        }));
        foreach (var u in users) await u.WaitForAsync(10, TimeSpan.FromSeconds(25));
        var elapsed = DateTime.UtcNow - started;
        await Task.Delay(1500);

        foreach (var (u, i) in users.Select((u, i) => (u, i)))
        {
            var got = await u.MessagesAsync();
            Assert.Equal(10, got.Count);
            for (var n = 0; n < 10; n++) // in order, one reply per message
            {
                var q = questions[(i + n) % questions.Length];
                var marker = q switch
                {
                    "/tugas kasi phi" => "Tugas SEKSI PENYELESAIAN",
                    "/fungsi kabid pelatihan" => "Fungsi",
                    "/bantuan" => "Perintah IkiBot",
                    "tugas sekretaris" => "SEKRETARIS",
                    _ => "jabatan",
                };
                Assert.Contains(marker, got[n].Text, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Equal(200, emu.Proxy.SeenUpdateIds(token).Count);
        Assert.Equal(emu.Proxy.SeenUpdateIds(token).Max(), await bot.Store.GetCursorAsync(TelegramOptions.Channel));

        var sends = emu.Proxy.Calls(token, "sendMessage");
        Assert.Equal(200, sends.Count);
        foreach (var chat in sends.GroupBy(s => s.ChatId))
        {
            var times = chat.Select(s => s.At).Order().ToList();
            for (var k = 0; k + 4 < times.Count; k++) // bucket of 3 at 1/s: 5 messages need at least 2 s
                Assert.True(times[k + 4] - times[k] >= TimeSpan.FromSeconds(1.9), $"chat {chat.Key}: 5 messages within {(times[k + 4] - times[k]).TotalSeconds:0.00} s");
        }
        var all = sends.Select(s => s.At).Order().ToList();
        var peak = all.Select((t, k) => all.Skip(k).TakeWhile(x => x - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.True(peak <= 35, $"{peak} messages in one second over all chats");
        output.WriteLine($"200 updates from 20 users answered in {elapsed.TotalSeconds:0.0} s; busiest second {peak} messages");
    }

    [Fact]
    public async Task A_server_without_menu_typing_or_files_does_not_stop_the_bot()
    {
        var token = BotUnderTest.NewToken();
        emu.Proxy.Strict(token); // the emulator's own "API method ... is not supported" answers
        await using var bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url, token));
        await bot.StartAsync();
        var user = emu.User(token, 602);
        await user.SendAsync("/start");
        await user.SendAsync("/tugas kasi phi");
        var messages = await user.WaitForAsync(2);
        Assert.Contains("Selamat datang", messages[0].Text);
        Assert.Contains("setMyCommands gagal", bot.LogText);
        Assert.NotEmpty(emu.Proxy.Calls(token, "sendChatAction")); // tried, refused, ignored
    }

    /// <summary>A stand-in for the reporting desk: says what the lead's desk says about reports outside a private chat.</summary>
    private sealed class PrivateOnlyDesk : IReportDesk
    {
        public Task<TurnResult> StartAsync(Incoming message, string welcome, CancellationToken ct) => Task.FromResult(new TurnResult(new Reply(welcome)));
        public Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct) => Task.FromResult(text.StartsWith("lapor"));
        public Task<TurnResult?> HandleReportAsync(Incoming message, string text, CancellationToken ct) =>
            Task.FromResult<TurnResult?>(new TurnResult(new Reply(message.IsPrivate
                ? $"Tercatat dari {message.DisplayName}: {text}"
                : "Laporan hanya dapat dikirim lewat chat pribadi dengan bot.")));
        public Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct) =>
            Task.FromResult<TurnResult?>(null);
    }

    [Fact]
    public async Task Reports_are_taken_in_private_chats_and_refused_in_groups()
    {
        await using var bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url), k => new ConversationEngine(k, new PrivateOnlyDesk()));
        await bot.StartAsync();
        var token = bot.Options.Token;
        var alone = emu.User(token, 603, "Sari");
        var group = emu.User(token, 603, "Sari", chat: -100603, type: "supergroup", title: "Dinas");

        await alone.SendAsync("lapor pencaker dilayani 25");
        Assert.Equal("Tercatat dari Sari: lapor pencaker dilayani 25", (await alone.WaitForAsync(1))[0].Text);
        await group.SendAsync("lapor pencaker dilayani 25 @TestNameBot");
        Assert.Equal("Laporan hanya dapat dikirim lewat chat pribadi dengan bot.", (await group.WaitForAsync(1))[0].Text);

        // The menu follows /bantuan: with reporting on, its commands are offered too.
        var menu = emu.Proxy.Calls(token, "setMyCommands").Single().Body["commands"]!.AsArray().Select(c => c!["command"]!.ToString());
        Assert.Contains("batal", menu);
        Assert.Contains("laporanku", menu);
    }

    /// <summary>A stand-in for registration with admin approval: /start asks the admin with a button, the press approves.</summary>
    private sealed class ApprovalDesk(long admin) : IReportDesk
    {
        public Task<TurnResult> StartAsync(Incoming message, string welcome, CancellationToken ct) =>
            Task.FromResult(new TurnResult(
                [new Reply(welcome + "\nPendaftaran Anda menunggu persetujuan admin.")],
                [new Outgoing("telegram", admin.ToString(), new Reply($"*Pendaftaran baru*\n{message.DisplayName} <{message.UserId}>",
                    [new Knowledge.Answers.Choice("Setujui", $"/setujui {message.UserId}"), new Knowledge.Answers.Choice("Tolak", $"/tolak {message.UserId}")]))]));
        public Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct) => Task.FromResult(false);
        public Task<TurnResult?> HandleReportAsync(Incoming message, string text, CancellationToken ct) => Task.FromResult<TurnResult?>(null);
        public Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct) =>
            Task.FromResult<TurnResult?>(command == "/setujui" && message.UserId == admin.ToString()
                ? new TurnResult([new Reply($"Pengguna {argument} disetujui.")], [new Outgoing("telegram", argument, new Reply("Pendaftaran Anda disetujui."))])
                : null);
    }

    [Fact]
    public async Task Registration_asks_the_admin_by_button_and_the_press_reaches_the_user()
    {
        const long admin = 690, staff = 691;
        await using var bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url), k => new ConversationEngine(k, new ApprovalDesk(admin)));
        await bot.StartAsync();
        var token = bot.Options.Token;
        var adminUser = emu.User(token, admin, "Admin");
        var staffUser = emu.User(token, staff, "Rudi");

        await staffUser.SendAsync("/start");
        Assert.Contains("menunggu persetujuan", (await staffUser.WaitForAsync(1))[0].Text);
        var request = (await adminUser.WaitForAsync(1))[0];
        Assert.Equal("<b>Pendaftaran baru</b>\nRudi &lt;691&gt;", request.Text);
        Assert.Equal(["Setujui", "Tolak"], request.Buttons.Select(b => b.Text));

        await adminUser.PressAsync(request, request.Buttons[0].Data);
        Assert.Equal("Pengguna 691 disetujui.", (await adminUser.WaitForAsync(2))[1].Text);
        Assert.Equal("Pendaftaran Anda disetujui.", (await staffUser.WaitForAsync(2))[1].Text);
        await Loopback.WaitUntilAsync(() => emu.Proxy.Calls(token, "editMessageReplyMarkup").Any(c => c.ChatId == admin),
            TimeSpan.FromSeconds(5), () => "the admin's keyboard removed");
    }
}
