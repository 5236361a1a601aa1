using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using IkiBot.Bot.Cli;
using IkiBot.Bot.Editing;
using IkiBot.Bot.Tests.Supervision;
using IkiBot.Data;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Parsing;
using IkiBot.Knowledge.Versioning;
using static IkiBot.Bot.Tests.Supervision.SupervisionBot;

namespace IkiBot.Bot.Tests.Editing;

/// <summary>kb export / kb import: the text export round-trips, a changed document shows its diff and keeps identities, .docx reads the same.</summary>
public class KbImportTests
{
    private static IEnumerable<string> Content(KnowledgeBase kb) => kb.Jabatan.SelectMany(j =>
        new[] { "J " + j.Nama }.Concat(j.Tugas.Select(t => "T " + t)).Concat(j.Fungsi.Select(f => "F " + f))
            .Concat(j.Indikator.Select(r => $"R {r.No}|{r.Program}|{r.Uraian}|{r.Formulasi}|{r.SumberData}|{string.Join("/", r.Rincian)}")));

    [Fact]
    public void The_text_export_reads_back_as_the_same_knowledge_base()
    {
        using var bot = new SupervisionBot();
        var text = KbTextExport.Write(bot.Services.Versions.Document);
        var back = new IkiDocumentParser().Parse(text);
        Assert.Empty(back.Report);
        Assert.Equal(Content(bot.Services.Knowledge.Kb), Content(back));
        Assert.Equal(27, back.Jabatan.Count);
    }

    [Fact]
    public async Task A_changed_document_shows_its_diff_keeps_identities_and_the_realizations_on_them()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("rina", Bendahara, nama: "Rina");
        await bot.ReportAsync("rina", "SP2D dibuat 3");
        await bot.ReportAsync("rina", "pemeriksaan kas dilakukan 2");
        var before = bot.Services.Knowledge.Kb.Find(Bendahara)!;
        var all = KbTextExport.Write(bot.Services.Versions.Document);
        var at = all.IndexOf("1. Jabatan : BENDAHARA", StringComparison.Ordinal);
        var end = all.IndexOf("INDIKATOR KINERJA INDIVIDU", at, StringComparison.Ordinal);
        var section = all[at..end]
            .Replace("Jumlah SP2D yang dibuat", "Jumlah SP2D yang diterbitkan")
            .Replace("- g. Melaksanakan tugas-tugas lain yang diberikan oleh atasan.\n", "")
            .Replace("5\tMelakukan pemeriksaan kas", "5\tMengelola kas tunai\tJumlah kas opname\t\t\n6\tMelakukan pemeriksaan kas");
        var text = all[..at] + section + all[end..];
        var (kb, problem) = KbImport.Read("iki-2027.txt", System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Null(problem);
        var import = new KbImport(bot.Services.Versions);
        var preview = await import.PlanAsync(kb!);
        var diff = KbImport.Describe(preview);
        Assert.Contains("~ indikator 2: Jumlah SP2D yang dibuat → Jumlah SP2D yang diterbitkan", diff);
        Assert.Contains("+ indikator 5: Jumlah kas opname", diff);
        Assert.Contains("~ indikator 5 → 6:", diff);
        Assert.Contains("- tugas: Melaksanakan tugas-tugas lain yang diberikan oleh atasan.", diff);
        Assert.True(4 == preview.Plan.Changes.Count, diff);
        Assert.Empty(preview.LeftWithoutRow);

        Assert.NotNull((await import.SaveAsync(preview, "impor iki-2027.txt", null, "tes")).Saved);
        var after = bot.Services.Knowledge.Kb.Find(Bendahara)!;
        Assert.Equal(before.Indikator[1].Id, Assert.Single(after.Indikator, r => r.Uraian == "Jumlah SP2D yang diterbitkan").Id);
        Assert.Equal(before.Indikator[4].Id, Assert.Single(after.Indikator, r => r.No == 6).Id);
        var totals = await bot.Services.Realisasi.TotalsAsync(Bendahara, "2026-11");
        Assert.Equal(3, totals[before.Indikator[1].Id!]);
        Assert.Equal(2, totals[before.Indikator[4].Id!]);
        Assert.Contains("Jumlah SP2D yang diterbitkan", (await bot.Say("/indikator bendahara", "rina")).Text);

        // Removing a row that has realizations: the diff says what would be left without a row.
        var (kb2, _) = KbImport.Read("x.txt", System.Text.Encoding.UTF8.GetBytes(KbTextExport.Write(bot.Services.Versions.Document).Replace("2\tMengajukan Penerbitan SP2D", "\tx\t")));
        var removal = KbImport.Describe(await import.PlanAsync(kb2!));
        Assert.Contains("Perhatian: BENDAHARA indikator 2 dihapus; 1 realisasi dan 0 target tersimpan tidak lagi punya baris", removal);
    }

    [Fact]
    public async Task The_cli_dry_run_reports_the_diff_as_json_and_changes_nothing_and_an_unchanged_document_is_no_version()
    {
        using var bot = new SupervisionBot();
        var path = Path.Combine(Path.GetTempPath(), $"ikibot-kb-{Guid.NewGuid():N}.txt");
        try
        {
            Assert.Equal(0, await KbImportCommand.ExportAsync(bot.Services, path, TextWriter.Null));
            var output = new StringWriter();
            Assert.Equal(0, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: false, yes: true, json: true, TextReader.Null, output));
            Assert.True("unchanged" == JsonDocument.Parse(output.ToString()).RootElement.GetProperty("status").GetString(), output.ToString());

            File.WriteAllText(path, File.ReadAllText(path).Replace("Jumlah SPP yang diajukan", "Jumlah SPP yang diajukan ke PPK"));
            output = new StringWriter();
            Assert.Equal(0, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: true, yes: false, json: true, TextReader.Null, output));
            var json = JsonDocument.Parse(output.ToString()).RootElement;
            Assert.Equal("dry-run", json.GetProperty("status").GetString());
            Assert.Contains("Jumlah SPP yang diajukan ke PPK", json.GetProperty("changes")[0].GetProperty("sesudah").GetString());
            Assert.Equal(1, bot.Services.Versions.VersionId);

            output = new StringWriter();
            Assert.Equal(0, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: false, yes: false, json: false, new StringReader("ya\n"), output));
            Assert.Contains("Tersimpan sebagai versi 2", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_docx_with_a_table_per_jabatan_reads_as_the_same_knowledge_base_as_its_text_export()
    {
        using var bot = new SupervisionBot();
        var doc = bot.Services.Versions.Document;
        var (kb, problem) = KbImport.Read("iki.docx", Docx(doc));
        Assert.Null(problem);
        Assert.Equal(Content(new IkiDocumentParser().Parse(KbTextExport.Write(doc))), Content(kb!));
    }

    [Fact]
    public void Bad_files_are_refused_with_a_reason()
    {
        Assert.Contains("bukan teks", KbImport.Read("a.txt", [0, 1, 2, 0, 0, 5, 0, 0, 9, 0])!.Problem);
        Assert.Contains("5 MB", KbImport.Read("a.txt", new byte[KbImport.MaxBytes + 1]).Problem);
        Assert.Contains("Tidak ada jabatan", KbImport.Read("a.txt", "halo, ini bukan dokumen IKI"u8.ToArray()).Problem);
        Assert.Contains("tidak dapat dibaca", KbImport.Read("a.docx", "bukan zip"u8.ToArray()).Problem);
        Assert.Contains("tidak tampak seperti tabel IKI", KbImport.Read("a.docx", Word(body => body.Append(Table([["Nama", "Alamat"], ["Budi", "Jl. Mawar"]])))).Problem);
    }

    [Fact]
    public async Task An_admin_sends_the_docx_to_the_bot_sees_the_diff_and_saves_it_with_a_button()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("admin", null, Peran.Admin, nama: "Bu Admin");
        await bot.UserAsync("rina", Bendahara, nama: "Rina");
        var changed = KbDocument.FromJson(bot.Services.Versions.Document.ToJson());
        var bendahara = changed.Find(Bendahara)!;
        changed = changed.With(bendahara with { Indikator = bendahara.Indikator.Select(r => r.No == 2 ? r with { Uraian = "Jumlah SP2D yang diterbitkan" } : r).ToList() });
        var bytes = Docx(changed);
        Task<IkiBot.Bot.Conversation.TurnResult> Send(string user, byte[] content, string name = "iki-2027.docx") => bot.Services.Engine.HandleAsync(
            new IkiBot.Bot.Conversation.Incoming("telegram", user, user, Guid.NewGuid().ToString("N"), "/impor", bot.Clock.GetUtcNow(), true,
                new IkiBot.Bot.Conversation.IncomingFile(name, content.Length, _ => Task.FromResult(content))));

        Assert.Contains("Hanya admin", (await Send("rina", bytes)).Text);
        var preview = await Send("admin", bytes);
        Assert.Contains("~ indikator 2: Jumlah SP2D yang dibuat → Jumlah SP2D yang diterbitkan", preview.Text);
        Assert.Equal(["Simpan", "Batal"], preview.Replies[0].Choices.Select(c => c.Label).ToArray());
        Assert.Contains("Jumlah SP2D yang dibuat", (await bot.Say("/indikator bendahara", "rina")).Text); // not yet
        Assert.Contains("Tersimpan sebagai versi 2", (await bot.Say(preview.Replies[0].Choices[0].Payload, "admin")).Text);
        Assert.Contains("Jumlah SP2D yang diterbitkan", (await bot.Say("/indikator bendahara", "rina")).Text);

        Assert.Contains("5 MB", (await bot.Services.Engine.HandleAsync(new IkiBot.Bot.Conversation.Incoming("telegram", "admin", "a", "big", "/impor", bot.Clock.GetUtcNow(), true,
            new IkiBot.Bot.Conversation.IncomingFile("x.docx", KbImport.MaxBytes + 1, _ => throw new InvalidOperationException("must not download"))))).Text);
        Assert.Contains("bukan teks", (await Send("admin", [0, 1, 0, 0, 7, 0], "foto.txt")).Text);
    }

    /// <summary>The current version as a text export with BENDAHARA's section changed by <paramref name="edit"/>.</summary>
    private static string WithBendahara(SupervisionBot bot, Func<string, string> edit)
    {
        var all = KbTextExport.Write(bot.Services.Versions.Document);
        var at = all.IndexOf("1. Jabatan : BENDAHARA\n", StringComparison.Ordinal);
        var end = all.IndexOf("INDIKATOR KINERJA INDIVIDU", at, StringComparison.Ordinal);
        return all[..at] + edit(all[at..end]) + all[end..];
    }

    private static string PartlyRewrittenRow2(string section) => section.Replace(
        "2\tMengajukan Penerbitan SP2D kepada kuasa BUD atas SPM yang telah diterbitkan pengguna anggaran/ kuasa pengguna\tJumlah SP2D yang dibuat",
        "2\tMenyiapkan berkas SP2D untuk kuasa BUD\tJumlah berkas SP2D yang disiapkan");

    [Fact]
    public async Task A_renamed_jabatan_keeps_its_rows_realizations_targets_and_users()
    {
        using var bot = new SupervisionBot(atasan: new Dictionary<string, string> { [Bendahara] = "KEPALA SUB BAGIAN KEUANGAN" });
        var rina = await bot.UserAsync("rina", Bendahara, nama: "Rina");
        await bot.ReportAsync("rina", "SP2D dibuat 3");
        var before = bot.Services.Knowledge.Kb.Find(Bendahara)!;
        await bot.Services.Targets.SetAsync(Bendahara, before.Indikator[1].Id!, 2026, 40, null, null);
        await using (var db = bot.Services.Database.CreateDbContext())
        {
            db.KbPerubahan.Add(new KbPerubahan { VersionId = 1, Waktu = DateTimeOffset.UtcNow, Oleh = "Bu Admin", Jabatan = Bendahara,
                Jenis = "ubah tugas", ElemenId = "x", Label = "tugas a", Sebelum = "lama", Sesudah = "baru" });
            await db.SaveChangesAsync();
        }
        var text = WithBendahara(bot, s => s.Replace("1. Jabatan : BENDAHARA\n", "1. Jabatan : BENDAHARA PENGELUARAN\n"));
        var import = new KbImport(bot.Services.Versions);
        var preview = await import.PlanAsync(KbImport.Read("iki-2027.txt", System.Text.Encoding.UTF8.GetBytes(text)).Kb!);
        var diff = KbImport.Describe(preview);

        Assert.Contains("Jabatan diganti nama: BENDAHARA → BENDAHARA PENGELUARAN", diff);
        Assert.DoesNotContain("Jabatan baru", diff);
        Assert.DoesNotContain("Jabatan dihapus", diff);
        Assert.Contains("Perhatian: pengaturan Struktur:Atasan masih menyebut BENDAHARA; ganti menjadi BENDAHARA PENGELUARAN di sana.", diff);
        Assert.Empty(preview.LeftWithoutRow);
        Assert.NotNull((await import.SaveAsync(preview, "impor iki-2027.txt", null, "tes")).Saved);

        const string Baru = "BENDAHARA PENGELUARAN";
        var after = bot.Services.Knowledge.Kb.Find(Baru)!;
        Assert.Equal(before.Indikator.Select(r => r.Id), after.Indikator.Select(r => r.Id));
        Assert.Equal(3, (await bot.Services.Realisasi.TotalsAsync(Baru, "2026-11"))[before.Indikator[1].Id!]);
        Assert.Equal(40, (await bot.Services.Targets.GetAsync(Baru, before.Indikator[1].Id!, 2026))!.Nilai);
        Assert.Equal(Baru, (await bot.Services.Users.GetAsync(rina.Id))!.Jabatan);
        // Its edit history follows the new name (/riwayat).
        Assert.Contains(await bot.Services.KnowledgeStore.HistoryAsync(Baru), h => h.Label == "tugas a" && h.Oleh == "Bu Admin");
        await bot.ReportAsync("rina", "SP2D dibuat 2");
        Assert.Equal(5, (await bot.Services.Realisasi.TotalsAsync(Baru, "2026-11"))[before.Indikator[1].Id!]);
    }

    [Fact]
    public async Task An_unclear_row_is_asked_in_chat_and_the_answer_decides_whether_its_realizations_stay()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("admin", null, Peran.Admin, nama: "Bu Admin");
        await bot.UserAsync("rina", Bendahara, nama: "Rina");
        await bot.ReportAsync("rina", "SP2D dibuat 3");
        var row2 = bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[1].Id!;
        var bytes = System.Text.Encoding.UTF8.GetBytes(WithBendahara(bot, PartlyRewrittenRow2));
        Task<IkiBot.Bot.Conversation.TurnResult> Send() => bot.Services.Engine.HandleAsync(
            new IkiBot.Bot.Conversation.Incoming("telegram", "admin", "admin", Guid.NewGuid().ToString("N"), "/impor", bot.Clock.GetUtcNow(), true,
                new IkiBot.Bot.Conversation.IncomingFile("iki-2027.txt", bytes.Length, _ => Task.FromResult(bytes))));

        var question = await Send();
        Assert.Contains("BENDAHARA, baris 2 'Jumlah berkas SP2D yang disiapkan' di dokumen baru: sama dengan baris 2 'Jumlah SP2D yang dibuat' yang lama?", question.Text);
        Assert.Equal(["Ya", "Tidak", "Batal"], question.Replies[0].Choices.Select(c => c.Label).ToArray());
        var no = await bot.Say(question.Replies[0].Choices[1].Payload, "admin");
        Assert.Contains("Perhatian: BENDAHARA indikator 2 dihapus; 1 realisasi dan 0 target tersimpan tidak lagi punya baris", no.Text);
        Assert.Equal(["Simpan", "Batal"], no.Replies[0].Choices.Select(c => c.Label).ToArray());
        Assert.Contains("Tidak ada pertanyaan impor", (await bot.Say(question.Replies[0].Choices[0].Payload, "admin")).Text); // answered already

        var again = await Send();
        var yes = await bot.Say(again.Replies[0].Choices[0].Payload, "admin");
        Assert.DoesNotContain("Perhatian", yes.Text);
        Assert.Contains("~ indikator 2: Jumlah SP2D yang dibuat", yes.Text);
        Assert.Contains("Tersimpan sebagai versi 2", (await bot.Say(yes.Replies[0].Choices[0].Payload, "admin")).Text);
        var after = bot.Services.Knowledge.Kb.Find(Bendahara)!;
        Assert.Equal(row2, after.Indikator[1].Id);
        Assert.Equal("Jumlah berkas SP2D yang disiapkan", after.Indikator[1].Uraian);
        Assert.Equal(3, (await bot.Services.Realisasi.TotalsAsync(Bendahara, "2026-11"))[row2]);
    }

    [Fact]
    public async Task The_cli_lists_an_unclear_pair_and_sama_or_yes_decide_it()
    {
        using var bot = new SupervisionBot();
        var row2 = bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[1].Id!;
        var path = Path.Combine(Path.GetTempPath(), $"ikibot-kb-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, WithBendahara(bot, PartlyRewrittenRow2));
            var output = new StringWriter();
            Assert.Equal(0, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: true, yes: false, json: false, TextReader.Null, output));
            Assert.Contains("? BENDAHARA, baris 2 'Jumlah berkas SP2D yang disiapkan' di dokumen baru: sama dengan baris 2 'Jumlah SP2D yang dibuat' yang lama? [BENDAHARA#2=2]", output.ToString());
            Assert.Contains("--sama", output.ToString());

            output = new StringWriter();
            Assert.Equal(0, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: true, yes: false, json: true, TextReader.Null, output));
            var unclear = Assert.Single(JsonDocument.Parse(output.ToString()).RootElement.GetProperty("unclear").EnumerateArray());
            Assert.Equal("BENDAHARA#2=2", unclear.GetProperty("key").GetString());

            output = new StringWriter();
            Assert.Equal(1, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: true, yes: false, json: false, TextReader.Null, output, sama: ["BENDAHARA#3=2"]));
            Assert.Contains("Pasangan tidak dikenal: BENDAHARA#3=2", output.ToString());

            output = new StringWriter();
            Assert.Equal(0, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: false, yes: true, json: true, TextReader.Null, output, sama: ["BENDAHARA#2=2"]));
            var json = JsonDocument.Parse(output.ToString()).RootElement;
            Assert.Equal("saved", json.GetProperty("status").GetString());
            Assert.Empty(json.GetProperty("unclear").EnumerateArray());
            Assert.Equal(row2, bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[1].Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task With_yes_an_unanswered_unclear_pair_is_stored_as_a_new_row_and_the_output_says_so()
    {
        using var bot = new SupervisionBot();
        var row2 = bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[1].Id!;
        var path = Path.Combine(Path.GetTempPath(), $"ikibot-kb-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, WithBendahara(bot, PartlyRewrittenRow2));
            var output = new StringWriter();
            Assert.Equal(0, await KbImportCommand.ImportAsync(bot.Services, path, dryRun: false, yes: true, json: false, TextReader.Null, output));
            Assert.Contains("1 pasangan belum jelas dianggap berbeda (identitas baru): BENDAHARA#2=2", output.ToString());
            Assert.NotEqual(row2, bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[1].Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---- a Word document built like the original: headings as paragraphs, one table per jabatan ----

    private static byte[] Docx(KbDocument doc) => Word(body =>
    {
        foreach (var j in doc.Jabatan)
        {
            body.Append(Para("INDIKATOR KINERJA INDIVIDU"), Para($"1. Jabatan : {j.Nama}"), Para("2. Tugas :"));
            for (var i = 0; i < j.Tugas.Count; i++) body.Append(Para($"{(char)('a' + i)}. {j.Tugas[i].Teks}"));
            body.Append(Para("3. Fungsi :"));
            for (var i = 0; i < j.Fungsi.Count; i++) body.Append(Para($"{(char)('a' + i)}. {j.Fungsi[i].Teks}"));
            var rows = new List<string[]> { new[] { "NO", "PROGRAM", "INDIKATOR KERJA UTAMA", "PENJELASAN/FORMULASI PENGHITUNGAN", "SUMBER DATA" } };
            foreach (var r in j.Indikator)
            {
                rows.Add([r.No.ToString(), r.Program, r.Uraian, r.Formulasi, r.SumberData]);
                rows.AddRange(r.Rincian.Select(x => new[] { "", "", x, "", "" }));
            }
            body.Append(Table(rows));
        }
    });

    private static byte[] Word(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body());
            fill(main.Document.Body!);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(IEnumerable<string[]> rows)
    {
        var table = new Table();
        foreach (var row in rows) table.Append(new TableRow(row.Select(c => new TableCell(Para(c)))));
        return table;
    }
}
