using IkiBot.Bot.Supervision;
using IkiBot.Data;
using static IkiBot.Bot.Tests.Supervision.SupervisionBot;

namespace IkiBot.Bot.Tests.Supervision;

public class SupervisorDigestTests
{
    [Fact]
    public async Task The_digest_reaches_the_atasan_the_document_names_with_numbers_and_who_has_not_reported()
    {
        using var bot = new SupervisionBot();
        // The tree as read from the document: the Seksi's tugas end with "... yang diberikan oleh Kepala Bidang Penempatan ...".
        Assert.Equal(KabidPenta, bot.Services.Knowledge.Struktur.AtasanOf(SeksiDn));
        Assert.Equal(Sekretaris, bot.Services.Knowledge.Struktur.AtasanOf(Bendahara));

        await bot.UserAsync("kabid", KabidPenta, Peran.Atasan, nama: "Bu Sari");
        await bot.UserAsync("kabidhi", KabidHi, Peran.Atasan, nama: "Pak Hadi");
        await bot.UserAsync("sek", Sekretaris, Peran.Atasan, nama: "Pak Sekdin");
        await bot.UserAsync("budi", SeksiDn, nama: "Budi");
        await bot.UserAsync("bend", Bendahara, nama: "Rina");
        await bot.ReportAsync("budi", "pendaftaran pencaker 57");
        await bot.ReportAsync("budi", "pendaftaran pencaker bulan oktober 63");

        bot.SetWib(2026, 11, 27, 14, 0);
        var run = Assert.Single(await bot.Runner().RunDueAsync(), o => o.Kind == ReminderKind.Ringkasan);
        Assert.True(run.Finished);
        var digests = run.Deliveries.ToDictionary(d => d.Message.User.ChannelUserId, d => string.Join("\n", d.Message.Parts.Select(p => p.Text)));
        Assert.Equal(["kabid", "kabidhi", "sek"], digests.Keys.Order().ToArray()); // staf get no digest

        var kabid = digests["kabid"];
        Assert.StartsWith("*Ringkasan mingguan — November 2026*", kabid);
        Assert.Contains($"*{SeksiDn}* — Budi", kabid);
        Assert.Contains("3. Jumlah pendaftaran pencari kerja dan lowongan kerja: 57", kabid);
        Assert.Contains("1. Jumlah dokumen yang dibuat: belum", kabid);
        Assert.Contains($"• Budi — {SeksiDn}: 5 dari 6 indikator belum", kabid);
        Assert.DoesNotContain(Bendahara, kabid);

        Assert.DoesNotContain(SeksiDn, digests["kabidhi"]);
        Assert.Contains("SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", digests["kabidhi"]);

        // The Bendahara's text says only "atasan": the Sekretaris by default.
        Assert.Contains($"*{Bendahara}* — Rina", digests["sek"]);
        Assert.Contains($"• Rina — {Bendahara}: 5 dari 5 indikator belum", digests["sek"]);
    }

    [Fact]
    public async Task The_digest_shows_the_year_so_far_against_a_target()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("kabid", KabidPenta, Peran.Atasan, nama: "Bu Sari");
        await bot.UserAsync("budi", SeksiDn, Peran.Atasan, nama: "Budi"); // an atasan role may set its own targets
        Assert.Contains("ditetapkan", (await bot.Say("/target 3 600", "budi")).Text);
        await bot.ReportAsync("budi", "pendaftaran pencaker 57");
        await bot.ReportAsync("budi", "pendaftaran pencaker bulan oktober 63");
        bot.SetWib(2026, 11, 27, 14, 0);
        var run = Assert.Single(await bot.Runner().RunDueAsync(), o => o.Kind == ReminderKind.Ringkasan);
        var text = Assert.Single(run.Deliveries, d => d.Message.User.ChannelUserId == "kabid").Message.Parts[0].Text;
        Assert.Contains("3. Jumlah pendaftaran pencari kerja dan lowongan kerja: 57 · s.d. bulan ini 120 dari target 600 (20%)", text);
    }

    [Fact]
    public async Task A_configured_atasan_overrides_the_default()
    {
        using var bot = new SupervisionBot(atasan: new Dictionary<string, string> { [Bendahara] = "KEPALA SUB BAGIAN KEUANGAN" });
        Assert.Equal("KEPALA SUB BAGIAN KEUANGAN", bot.Services.Knowledge.Struktur.AtasanOf(Bendahara));
        await bot.UserAsync("kasubag", "KEPALA SUB BAGIAN KEUANGAN", Peran.Atasan, nama: "Bu Keu");
        await bot.UserAsync("bend", Bendahara, nama: "Rina");
        bot.SetWib(2026, 11, 27, 14, 0);
        var run = Assert.Single(await bot.Runner().RunDueAsync(), o => o.Kind == ReminderKind.Ringkasan);
        var digest = Assert.Single(run.Deliveries);
        Assert.Equal("kasubag", digest.Message.User.ChannelUserId);
        Assert.Contains($"*{Bendahara}* — Rina", digest.Message.Parts[0].Text);
    }

    [Fact]
    public async Task Rekap_for_an_atasan_covers_their_part_of_the_tree_and_staf_keep_their_own()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("kabid", KabidPenta, Peran.Atasan, nama: "Bu Sari");
        await bot.UserAsync("budi", SeksiDn, nama: "Budi");
        await bot.ReportAsync("budi", "pendaftaran pencaker 57");

        var atasan = (await bot.Say("/rekap", "kabid")).Text;
        Assert.StartsWith("*Rekap November 2026* — 6 jabatan", atasan); // the kabid, 3 seksi and their 2 pengadministrasi (issue 9)
        Assert.Contains("*PENGADMINISTRASI INFORMASI PASAR KERJA*", atasan);
        Assert.Contains($"*{KabidPenta}*", atasan);
        Assert.Contains($"*{SeksiDn}* — Budi; 1/6 dilaporkan; target belum ditetapkan", atasan);
        Assert.Contains("3. Jumlah pendaftaran pencari kerja dan lowongan kerja: 57\n", atasan);
        Assert.Contains("1. Jumlah dokumen yang dibuat: belum\n", atasan);
        Assert.Contains("SEKSI PERLUASAN KESEMPATAN KERJA", atasan);
        Assert.DoesNotContain(Bendahara, atasan);

        var october = (await bot.Say("/rekap oktober", "kabid")).Text;
        Assert.StartsWith("*Rekap Oktober 2026*", october);
        Assert.Contains($"*{SeksiDn}* — Budi; 0/6 dilaporkan", october);
        Assert.Contains("Berkas Excel: /ekspor 2026-10", october);
        Assert.Contains("tidak saya kenali", (await bot.Say("/rekap kemarin lusa", "kabid")).Text);

        var staf = (await bot.Say("/rekap", "budi")).Text; // the reporting desk's own recap, unchanged
        Assert.StartsWith($"*Rekap {SeksiDn} — 2026*", staf);
    }

    [Theory]
    [InlineData("", "2026-11")]
    [InlineData("bulan lalu", "2026-10")]
    [InlineData("2026-09", "2026-09")]
    [InlineData("desember", "2025-12")]
    [InlineData("nov 2025", "2025-11")]
    [InlineData("TW IV", "2026-TW4")]
    [InlineData("tw 1 2027", "2027-TW1")]
    [InlineData("triwulan iii", "2026-TW3")]
    [InlineData("2026", "2026")]
    [InlineData("tahun lalu", "2025")]
    public void Periods_are_read_as_staff_type_them(string text, string code)
    {
        Assert.True(PeriodeRange.TryParse(text, FridayOneOClock, out var range));
        Assert.Equal(code, range.Code);
    }
}
