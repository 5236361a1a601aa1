using IkiBot.Bot.Channels.Console;
using IkiBot.Bot.Tests.Reporting;

namespace IkiBot.Bot.Tests.Conversation;

/// <summary>Issue 9: the conversation as a staff member lives it (undo, choices, periods, clean texts, files).</summary>
public class UserJourneyTests
{
    private const string Ipk = "PENGADMINISTRASI INFORMASI PASAR KERJA";
    private const string SeksiDn = "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI";

    [Theory]
    [InlineData("/koreksi 3 -1", "negatif")]
    [InlineData("/koreksi 3 99999999999999999999", "terlalu besar")]
    [InlineData("/koreksi 3 10001", "10.000")]
    [InlineData("/koreksi 3 1,5", "bilangan bulat")]
    [InlineData("/koreksi 3 5 januari 2030", "belum berjalan")]
    [InlineData("/koreksi 3 5 februari 2026", "sudah ditutup")]
    [InlineData("/koreksi 3 5 kapan-kapan", "tidak saya kenali")]
    public async Task Koreksi_with_a_bad_value_or_period_is_refused_in_Indonesian_and_changes_nothing(string text, string expected)
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        var reply = await bot.Say(text, "lokal", "console");
        Assert.Contains(expected, reply.Text);
        Assert.Equal(0, await bot.StoredCount());
    }

    [Fact]
    public async Task Koreksi_reaches_last_month()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        var reply = await bot.Say("/koreksi 3 12 bulan lalu", "lokal", "console");
        Assert.Contains("Total Oktober 2026 sekarang: 12", reply.Text);
        Assert.Equal(12, Assert.Single(await bot.Services.Realisasi.ListByPeriodeAsync("2026-10")).Nilai);
    }

    [Fact]
    public async Task Batal_while_a_question_is_pending_drops_the_question_not_an_older_entry()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        Assert.Contains("Dikoreksi", (await bot.Say("/koreksi 1 0", "lokal", "console")).Text);
        foreach (var cancel in new[] { "/batal", "batal", "gak jadi", "tidak" })
        {
            var ask = await bot.Say("pencaker yg dilayani hr ini 30 org", "lokal", "console");
            Assert.Equal(2, ask.Replies[0].Choices.Count);
            var dropped = await bot.Say(cancel, "lokal", "console");
            Assert.Contains("pertanyaan tadi dibatalkan", dropped.Text);
            Assert.DoesNotContain("Dibatalkan:", dropped.Text);
            var stillThere = await bot.Services.Realisasi.ListByPeriodeAsync("2026-11");
            Assert.Equal(1, Assert.Single(stillThere).IndikatorNo); // the correction was not undone
            // The question is gone: its row number is no longer an answer.
            Assert.DoesNotContain("Tercatat", (await bot.Say("/pilih 4", "lokal", "console")).Text);
        }
    }

    [Fact]
    public async Task Batal_names_the_entry_and_cancels_only_after_confirmation()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        await bot.Say("input data pencaker hari ini 85", "lokal", "console");
        await bot.Say("/koreksi 1 4", "lokal", "console");

        var asked = await bot.Say("/batal", "lokal", "console");
        Assert.Contains("Batalkan laporan terakhir Anda?", asked.Text);
        Assert.Contains("1. Jumlah Informasi Pasar Kerja yang dibuat: 4 (koreksi) (November 2026", asked.Text);
        Assert.Equal(["Ya", "Tidak"], asked.Replies[0].Choices.Select(c => c.Label));
        Assert.Equal(2, (await bot.Services.Realisasi.ListByPeriodeAsync("2026-11")).Count);

        Assert.Contains("tidak ada yang dibatalkan", (await bot.Say("tidak", "lokal", "console")).Text);
        Assert.Equal(2, (await bot.Services.Realisasi.ListByPeriodeAsync("2026-11")).Count);

        await bot.Say("/batal", "lokal", "console");
        var done = await bot.Say("ya", "lokal", "console");
        Assert.Contains("Dibatalkan: 1.", done.Text);
        var left = Assert.Single(await bot.Services.Realisasi.ListByPeriodeAsync("2026-11"));
        Assert.Equal(85, left.Nilai);

        // An old confirmation pressed again does not cancel the next entry.
        var stale = await bot.Say($"/batal ya {asked.Replies[0].Choices[0].Payload.Split(' ')[^1]}", "lokal", "console");
        Assert.DoesNotContain("Dibatalkan:", stale.Text);
        Assert.Single(await bot.Services.Realisasi.ListByPeriodeAsync("2026-11"));
    }

    [Fact]
    public async Task A_row_that_was_not_offered_asks_again_with_the_same_choices_and_keeps_the_report()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        var ask = await bot.Say("pencaker yg dilayani hr ini 30 org", "lokal", "console");
        var offered = ask.Replies[0].Choices.Select(c => c.Label).ToList();
        var notOffered = Enumerable.Range(1, 9).First(n => !offered.Any(l => l.StartsWith($"{n}. ")));

        var again = await bot.Say(notOffered.ToString(), "lokal", "console");
        Assert.Contains($"Nomor {notOffered} tidak ada di pilihan", again.Text);
        Assert.Equal(offered, again.Replies[0].Choices.Select(c => c.Label));
        Assert.Equal(0, await bot.StoredCount());

        var viaCommand = await bot.Say($"/pilih {notOffered}", "lokal", "console");
        Assert.Equal(offered, viaCommand.Replies[0].Choices.Select(c => c.Label));

        var picked = await bot.Say("4", "lokal", "console");
        Assert.Contains("4. Jumlah Pencaker yang dilayani: 30", picked.Text);
        Assert.Equal(1, await bot.StoredCount());
    }

    [Fact]
    public async Task Indicator_texts_have_no_document_noise_in_replies()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {SeksiDn}", "lokal", "console");
        var stored = await bot.Say("/koreksi 1 2", "lokal", "console");
        Assert.Contains("1. Jumlah dokumen yang dibuat (November 2026)", stored.Text);
        var mine = await bot.Say("/laporanku", "lokal", "console");
        Assert.Contains("1. Jumlah dokumen yang dibuat: 2", mine.Text);
        Assert.DoesNotContain(" ;", mine.Text);
        var indikator = await bot.Say($"/indikator {SeksiDn}", "lokal", "console");
        Assert.DoesNotContain(" ;", indikator.Text);
        var row = bot.Services.Knowledge.Kb.Find(SeksiDn)!.Indikator[0];
        Assert.Equal("Jumlah dokumen yang dibuat", row.Uraian);
    }

    [Fact]
    public async Task Laporanku_and_a_staff_rekap_take_a_period()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        await bot.Say("/koreksi 3 12 oktober", "lokal", "console");
        await bot.Say("/koreksi 3 5", "lokal", "console");

        var october = await bot.Say("/laporanku oktober", "lokal", "console");
        Assert.Contains("Laporan Anda Oktober 2026", october.Text);
        Assert.Contains(": 12", october.Text);
        Assert.DoesNotContain(": 5", october.Text);

        var rekap = await bot.Say("/rekap oktober", "lokal", "console");
        Assert.Contains("(Oktober 2026 12)", rekap.Text);
        Assert.Contains("realisasi 17", rekap.Text);
        Assert.Contains("tidak saya kenali", (await bot.Say("/laporanku kemarin lusa", "lokal", "console")).Text);
    }

    [Fact]
    public async Task A_report_without_its_number_is_told_the_number_is_missing()
    {
        using var bot = new TestBot();
        await bot.Say("/jabatan saya SEKSI PEMBINAAN LEMBAGA DAN PRODUKTIVITAS", "lokal", "console");
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        var reply = await bot.Say("pencaker yg dilayani", "lokal", "console");
        Assert.DoesNotContain("Maksud Anda jabatan", reply.Text);
        Assert.Contains("angka", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await bot.StoredCount());
    }

    [Theory]
    [InlineData("/indikator")]
    [InlineData("indikator saya apa aja")]
    [InlineData("/tugas saya")]
    public async Task Own_jabatan_questions_are_answered_for_a_registered_user(string text)
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Ipk}", "lokal", "console");
        var reply = await bot.Say(text, "lokal", "console");
        Assert.Contains(Ipk, reply.Text);
        Assert.DoesNotContain("Sebutkan jabatannya", reply.Text);
    }

    [Fact]
    public async Task Terminal_ekspor_and_grafik_save_the_file_and_print_its_path()
    {
        using var bot = new TestBot();
        var folder = Path.Combine(Path.GetTempPath(), $"ikibot-out-{Guid.NewGuid():N}");
        try
        {
            var input = new StringReader($"/jabatan saya {Ipk}\n/koreksi 3 5\n/ekspor\n/grafik 3\n");
            var output = new StringWriter();
            await new ConsoleChat(bot.Services.Engine, input, output, bot.Clock, folder).RunAsync();
            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
            Assert.Contains(files, f => f!.EndsWith(".xlsx"));
            Assert.Contains(files, f => f!.EndsWith(".png"));
            foreach (var f in Directory.GetFiles(folder))
            {
                Assert.Contains($"Berkas disimpan: {f}", output.ToString());
                Assert.True(new FileInfo(f).Length > 1000);
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }
}

/// <summary>Issue 9 item 11: help and the texts around reports.</summary>
public class HelpAndTextTests
{
    [Fact]
    public async Task Bantuan_lists_each_command_once_with_mulai_and_keluar()
    {
        using var bot = new TestBot();
        var help = (await bot.Say("/bantuan")).Text;
        var commands = help.Split('\n').Where(l => l.StartsWith('/') && l.Contains(" — "))
            .Select(l => string.Join(' ', l[..l.IndexOf(" — ", StringComparison.Ordinal)].Split(' ').Where(w => !w.StartsWith('<') && !w.StartsWith('['))))
            .ToList();
        Assert.Equal(commands.Distinct().Count(), commands.Count);
        Assert.Contains("/mulai", commands);
        Assert.Contains("/keluar", commands);
        Assert.Contains("/rekap", commands);
    }

    [Fact]
    public async Task Hints_have_no_double_lead_in_and_examples_are_whole_words_that_report_the_row()
    {
        using var bot = new TestBot();
        await bot.Say("/jabatan saya KEPALA SUB BAGIAN PENYUSUNAN PROGRAM", "lokal", "console");
        var refused = (await bot.Say("lapor: 5", "lokal", "console")).Text;
        Assert.DoesNotContain("misalnya:\ncontoh:", refused);

        var welcome = (await bot.Say("/mulai", "lokal", "console")).Text;
        var example = welcome[(welcome.LastIndexOf("misalnya \"", StringComparison.Ordinal) + 10)..].TrimEnd('.', '"');
        Assert.DoesNotContain("…", example);
        var stored = await bot.Say(example, "lokal", "console");
        Assert.Contains("Tercatat", stored.Text);
    }

    [Fact]
    public async Task The_limit_is_written_with_an_Indonesian_thousands_separator()
    {
        using var bot = new TestBot();
        await bot.Say("/jabatan saya BENDAHARA", "lokal", "console");
        Assert.Contains("10.000", (await bot.Say("/koreksi 2 20000", "lokal", "console")).Text);
    }
}

/// <summary>Issue 9 item 8: a rincian that is a countable item is stored per rincian and summed per row.</summary>
public class RincianTests
{
    private const string Phi = "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL";

    [Fact]
    public async Task A_report_naming_a_rincian_is_stored_on_it_and_the_row_sums_both()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Phi}", "lokal", "console");
        var kasus = await bot.Say("kasus PHI yg ditangani 3", "lokal", "console");
        Assert.Contains("2. Jumlah Kasus PHI/PHK yang ditangani: 3", kasus.Text);
        var pembinaan = await bot.Say("pembinaan yg dilakukan 2", "lokal", "console");
        Assert.Contains("2. Jumlah Pembinaan yang dilakukan: 2", pembinaan.Text);
        Assert.Contains("Total baris 2 (semua rinciannya) November 2026: 5", pembinaan.Text);

        var stored = await bot.Services.Realisasi.ListByPeriodeAsync("2026-11");
        Assert.Equal(["Jumlah Kasus PHI/PHK yang ditangani", "Jumlah Pembinaan yang dilakukan"], stored.OrderBy(e => e.Id).Select(e => e.IndikatorTeks));
        Assert.Contains("realisasi 5", (await bot.Say("/rekap", "lokal", "console")).Text);
    }

    [Fact]
    public async Task A_report_on_the_row_that_names_no_rincian_is_asked_about_and_stored_after_the_choice()
    {
        using var bot = new TestBot();
        await bot.Say($"/jabatan saya {Phi}", "lokal", "console");
        var ask = await bot.Say("pencegahan perselisihan hubungan industrial 4", "lokal", "console");
        Assert.Contains("untuk yang mana?", ask.Text);
        Assert.Equal(["Jumlah Pembinaan yang dilakukan", "Jumlah Kasus PHI/PHK yang ditangani"], ask.Replies[0].Choices.Select(c => c.Label));
        Assert.Equal(0, await bot.StoredCount());
        var picked = await bot.Say("2", "lokal", "console");
        Assert.Contains("2. Jumlah Kasus PHI/PHK yang ditangani: 4", picked.Text);
        Assert.Equal(1, await bot.StoredCount());
    }
}
