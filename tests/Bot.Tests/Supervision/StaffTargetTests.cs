using IkiBot.Data;
using static IkiBot.Bot.Tests.Supervision.SupervisionBot;

namespace IkiBot.Bot.Tests.Supervision;

/// <summary>Issue 9 item 6: an atasan sets the targets of the jabatan under them, an admin any; staff capaian then shows.</summary>
public class StaffTargetTests
{
    [Fact]
    public async Task An_atasan_sets_a_staff_target_and_the_staff_capaian_follows()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("kabid", KabidPenta, Peran.Atasan, nama: "Bu Sari");
        await bot.UserAsync("budi", SeksiDn, nama: "Budi");
        await bot.ReportAsync("budi", "pendaftaran pencaker 57");

        var set = await bot.Say("/target seksi penempatan tk dalam negeri 3 600", "kabid");
        Assert.Contains($"Target 2026 {SeksiDn} ditetapkan: 3.", set.Text);
        Assert.Contains("= 600", set.Text);
        var rekap = await bot.Say("/rekap", "budi");
        Assert.Contains("target 600, realisasi 57", rekap.Text);
        Assert.Contains("capaian 9.5%", rekap.Text);
    }

    [Fact]
    public async Task An_atasan_cannot_set_targets_outside_their_part_of_the_tree_but_an_admin_can()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("kabid", KabidPenta, Peran.Atasan);
        await bot.UserAsync("admin", Sekretaris, Peran.Admin);
        await bot.UserAsync("rina", Bendahara);

        var refused = await bot.Say("/target bendahara 2 50", "kabid");
        Assert.Contains("tidak berada di bawah", refused.Text);
        Assert.Empty(await bot.Services.Targets.ForJabatanAsync(Bendahara, 2026));

        Assert.Contains("Hanya atasan atau admin", (await bot.Say($"/target {SeksiDn} 3 600", "rina")).Text);
        Assert.Contains("tidak boleh negatif", (await bot.Say("/target bendahara 2 -5", "admin")).Text);
        Assert.Contains("ditetapkan", (await bot.Say("/target bendahara 2 50", "admin")).Text);
        Assert.Equal(50, Assert.Single(await bot.Services.Targets.ForJabatanAsync(Bendahara, 2026)).Nilai);
    }

    [Fact]
    public async Task Ekspor_of_a_future_period_is_refused()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("admin", Sekretaris, Peran.Admin);
        var reply = Assert.Single((await bot.Say("/ekspor januari 2030", "admin")).Replies);
        Assert.Null(reply.File);
        Assert.Contains("Januari 2030 belum berjalan", reply.Text);
        Assert.NotNull(Assert.Single((await bot.Say("/ekspor oktober", "admin")).Replies).File);
    }
}

/// <summary>Issue 9 item 11: the Kepala Dinas gets a short summary first, the detail on request.</summary>
public class HeadSummaryTests
{
    [Fact]
    public async Task Kepala_dinas_rekap_is_a_short_summary_per_bidang_with_the_detail_on_request()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("kadis", "KEPALA DINAS", Peran.Atasan);
        await bot.UserAsync("budi", SeksiDn, nama: "Budi");
        await bot.ReportAsync("budi", "pendaftaran pencaker 57");

        var summary = (await bot.Say("/rekap", "kadis")).Text;
        Assert.True(summary.Split('\n').Length < 40, summary);
        Assert.Contains($"*{KabidPenta}*: 1/6 jabatan melapor, 1/", summary);
        Assert.Contains("*SEKRETARIS*: 0/8 jabatan melapor", summary);
        Assert.Contains("/rekap detail", summary);
        Assert.Contains("/ekspor", summary);

        var detail = string.Join("\n", (await bot.Say("/rekap detail", "kadis")).Replies.Select(r => r.Text));
        Assert.True(detail.Split('\n').Length > 150);
        Assert.Contains("3. Jumlah pendaftaran pencari kerja dan lowongan kerja: 57", detail);
    }
}
