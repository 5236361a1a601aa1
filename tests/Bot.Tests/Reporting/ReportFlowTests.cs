namespace IkiBot.Bot.Tests.Reporting;

public class ReportFlowTests
{
    [Fact]
    public async Task Console_user_picks_a_jabatan_reports_and_cancels()
    {
        using var bot = new TestBot();
        var chosen = await bot.Say("/jabatan saya seksi penempatan tk dalam negeri", "lokal", "console");
        Assert.Contains("Jabatan Anda: SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", chosen.Text);

        var ok = await bot.Say("lapor pak, pencaker sm loker yg daftar bln ini 57 org", "lokal", "console");
        Assert.Contains("Tercatat", ok.Text);
        Assert.Contains("Jumlah pendaftaran pencari kerja dan lowongan kerja", ok.Text);
        Assert.Contains("Total November 2026: 57", ok.Text);
        Assert.Contains("/batal", ok.Text);

        var again = await bot.Say("pendaftaran pencaker 3", "lokal", "console");
        Assert.Contains("Total November 2026: 60", again.Text);

        var asked = await bot.Say("/batal", "lokal", "console");
        Assert.Contains(": 3 (November 2026", asked.Text); // names the entry it will cancel
        var cancelled = await bot.Say("ya", "lokal", "console");
        Assert.Contains("Dibatalkan", cancelled.Text);
        Assert.Contains("Total sekarang: 57", cancelled.Text);

        var mine = await bot.Say("/laporanku", "lokal", "console");
        Assert.Contains("57", mine.Text);
    }

    [Fact]
    public async Task Same_message_delivered_twice_counts_once()
    {
        using var bot = new TestBot();
        await bot.Say("/jabatan saya BENDAHARA", "lokal", "console");
        await bot.Say("SP2D bulan ini 22", "lokal", "console", messageId: "dup-1");
        var second = await bot.Say("SP2D bulan ini 22", "lokal", "console", messageId: "dup-1");
        Assert.Contains("sudah tercatat", second.Text);
        Assert.Equal(1, await bot.StoredCount());
    }

    [Fact]
    public async Task Clarification_stores_only_after_the_choice_and_by_row_number()
    {
        using var bot = new TestBot();
        await bot.Say("/jabatan saya PENGADMINISTRASI INFORMASI PASAR KERJA", "lokal", "console");
        var ask = await bot.Say("pencaker yg dilayani hr ini 30 org", "lokal", "console");
        Assert.Equal(2, ask.Replies[0].Choices.Count);
        Assert.Equal(0, await bot.StoredCount());

        var picked = await bot.Say("4", "lokal", "console"); // the row number the user sees
        Assert.Contains("4. Jumlah Pencaker yang dilayani: 30", picked.Text);
        var list = await bot.Services.Realisasi.ListByPeriodeAsync("2026-11");
        Assert.Equal(4, Assert.Single(list).IndikatorNo);

        var pressedTwice = await bot.Say("/pilih 4", "lokal", "console");
        Assert.DoesNotContain("Tercatat.", pressedTwice.Text);
        Assert.Equal(1, await bot.StoredCount());
    }

    [Theory]
    [InlineData("SPP diajukan -4", "negatif")]
    [InlineData("SPP diajukan 4500000", "10.000")]
    [InlineData("SPP diajukan 2,5", "bulat")]
    [InlineData("lapor SPP sudah diajukan", "angka")]
    [InlineData("rekom paspor TKI 5", "contoh")]
    [InlineData("SPP diajukan 3 bulan Januari 2025", "ditutup")]
    public async Task Bad_reports_change_nothing_and_say_why(string text, string expected)
    {
        using var bot = new TestBot();
        await bot.Say("/jabatan saya BENDAHARA", "lokal", "console");
        var reply = await bot.Say(text, "lokal", "console");
        Assert.Contains(expected, reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await bot.StoredCount());
    }

    [Fact]
    public async Task Unregistered_pending_and_group_reports_are_refused()
    {
        using var bot = new TestBot(admins: ["999"]);
        var stranger = await bot.Say("SP2D bulan ini 22", "u7");
        Assert.Contains("belum terdaftar", stranger.Text);

        var start = await bot.Say("/mulai", "u7");
        Assert.Equal(27, start.Replies[0].Choices.Count);
        await bot.Say("/mulai", "999"); // the configured admin
        var asked = await bot.Say("/jabatan saya BENDAHARA", "u7");
        Assert.Contains("menunggu", (await bot.Say("SP2D 3", "u7")).Text);
        var toAdmin = Assert.Single(asked.Others);
        Assert.Equal("999", toAdmin.UserId);
        Assert.Equal(["Setujui", "Tolak"], toAdmin.Reply.Choices.Select(c => c.Label));

        var notAdmin = await bot.Say(toAdmin.Reply.Choices[0].Payload, "u7");
        Assert.Contains("Hanya admin", notAdmin.Text);
        var approved = await bot.Say(toAdmin.Reply.Choices[0].Payload, "999");
        Assert.Contains("disetujui", Assert.Single(approved.Others).Reply.Text);

        var group = await bot.Say("SP2D bulan ini 22", "u7", isPrivate: false);
        Assert.Contains("chat pribadi", group.Text);
        Assert.Contains("Tercatat", (await bot.Say("SP2D bulan ini 22", "u7")).Text);
        Assert.Equal(1, await bot.StoredCount());
    }

    [Fact]
    public async Task Batal_after_a_restart_cancels_the_right_entry()
    {
        var first = new TestBot();
        var path = first.Path;
        {
            var bot = first; // not disposed: disposing deletes the file, and the restart must find it
            await bot.Say("/jabatan saya BENDAHARA", "a", "console");
            await bot.Say("/jabatan saya BENDAHARA", "b", "console");
            await bot.Say("SP2D 5", "a", "console");
            await bot.Say("SPP diajukan 7", "b", "console");
            bot.Services.Dispose();
        }
        using var restarted = new TestBot(path);
        var asked = await restarted.Say("/batal", "a", "console", messageId: "after-restart");
        Assert.Contains("SP2D", asked.Text);
        var cancelled = await restarted.Say("1", "a", "console", messageId: "after-restart-ya");
        Assert.Contains("Dibatalkan", cancelled.Text);
        var left = await restarted.Services.Realisasi.ListByPeriodeAsync("2026-11");
        Assert.Equal("Jumlah SPP yang diajukan", Assert.Single(left).IndikatorTeks);
    }

    [Fact]
    public async Task Koreksi_target_and_rekap()
    {
        using var bot = new TestBot();
        await bot.Say("/jabatan saya BENDAHARA", "lokal", "console");
        await bot.Say("SP2D 5", "lokal", "console");
        await bot.Say("SP2D 6", "lokal", "console");
        var corrected = await bot.Say("/koreksi 2 8", "lokal", "console");
        Assert.Contains("sekarang: 8", corrected.Text);
        var target = await bot.Say("/target 2 100", "lokal", "console");
        Assert.Contains("Hanya atasan", target.Text);
        var user = await bot.Services.Users.FindAsync("console", "lokal");
        await bot.Services.Users.SetPeranAsync(user!.Id, IkiBot.Data.Peran.Atasan);
        Assert.Contains("ditetapkan", (await bot.Say("/target 2 100", "lokal", "console")).Text);
        var rekap = await bot.Say("/rekap", "lokal", "console");
        Assert.Contains("target 100, realisasi 8", rekap.Text);
        Assert.Contains("capaian 8%", rekap.Text);
    }
}

public class ParallelReportTests
{
    [Fact]
    public async Task Twenty_users_reporting_at_once_all_land_once()
    {
        using var bot = new TestBot();
        var users = Enumerable.Range(1, 20).Select(i => $"p{i}").ToList();
        foreach (var u in users) await bot.Say("/jabatan saya BENDAHARA", u, "console");
        var replies = await Task.WhenAll(users.Select(u => Task.Run(() => bot.Say($"SP2D {int.Parse(u[1..])}", u, "console", messageId: $"par-{u}"))));
        Assert.All(replies, r => Assert.Contains("Tercatat", r.Text));
        var stored = await bot.Services.Realisasi.ListByPeriodeAsync("2026-11");
        Assert.Equal(20, stored.Count);
        Assert.Equal(Enumerable.Range(1, 20).Sum(), stored.Sum(s => s.Nilai));
    }
}
