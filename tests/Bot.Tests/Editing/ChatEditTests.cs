using IkiBot.Bot.Tests.Supervision;
using IkiBot.Data;
using Microsoft.EntityFrameworkCore;
using static IkiBot.Bot.Tests.Supervision.SupervisionBot;

namespace IkiBot.Bot.Tests.Editing;

/// <summary>Admins change the IKI document in chat: preview, Simpan, the next answer, history, undo, two admins at once.</summary>
public class ChatEditTests
{
    private static async Task<SupervisionBot> BotAsync()
    {
        var bot = new SupervisionBot();
        await bot.UserAsync("admin", null, Peran.Admin, nama: "Bu Admin");
        await bot.UserAsync("admin2", null, Peran.Admin, nama: "Pak Dedi");
        await bot.UserAsync("rina", Bendahara, nama: "Rina");
        return bot;
    }

    private static string SavePayload(IkiBot.Bot.Conversation.TurnResult preview) => preview.Replies[0].Choices[0].Payload;

    [Fact]
    public async Task An_edit_is_previewed_stored_only_on_Simpan_and_the_next_question_gets_the_new_text()
    {
        using var bot = await BotAsync();
        var preview = await bot.Say("/ubah tugas bendahara f Meneliti dan melaporkan hasil pengelolaan keuangan setiap bulan", "admin");
        Assert.Contains("Sebelum: Membantu meneliti hasil pengelolaan keuangan.", preview.Text);
        Assert.Contains("Sesudah: Meneliti dan melaporkan hasil pengelolaan keuangan setiap bulan", preview.Text);
        Assert.Equal(["Simpan", "Batal"], preview.Replies[0].Choices.Select(c => c.Label).ToArray());

        // Not stored yet: the answer is still the old one.
        Assert.DoesNotContain("melaporkan hasil pengelolaan keuangan setiap bulan", (await bot.Say("/tugas bendahara", "rina")).Text);

        var saved = await bot.Say(SavePayload(preview), "admin");
        Assert.Contains("Tersimpan (versi 2)", saved.Text);
        var answer = (await bot.Say("/tugas bendahara", "rina")).Text;
        Assert.Contains("Meneliti dan melaporkan hasil pengelolaan keuangan setiap bulan", answer);
        Assert.DoesNotContain("Membantu meneliti hasil pengelolaan keuangan.", answer);
        Assert.Contains("Meneliti dan melaporkan", (await bot.Say("apa tugas bendahara?", "rina")).Text);

        // A restart serves the stored version.
        bot.Restart();
        Assert.Contains("Meneliti dan melaporkan hasil pengelolaan keuangan setiap bulan", (await bot.Say("/tugas bendahara", "rina")).Text);
    }

    [Fact]
    public async Task Batal_changes_nothing_and_abbreviations_name_the_jabatan()
    {
        using var bot = await BotAsync();
        var preview = await bot.Say("/tambah fungsi kasubag keuangan: Pengelolaan arsip keuangan digital", "admin");
        Assert.Contains("KEPALA SUB BAGIAN KEUANGAN", preview.Text);
        Assert.Contains("Dokumen tidak berubah", (await bot.Say(preview.Replies[0].Choices[1].Payload, "admin")).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Tidak ada perubahan", (await bot.Say(SavePayload(preview), "admin")).Text);
        Assert.DoesNotContain("arsip keuangan digital", (await bot.Say("/fungsi kasubag keuangan", "rina")).Text);
        Assert.Equal(1, await bot.Services.Database.CreateDbContext().KbVersions.CountAsync());
    }

    [Fact]
    public async Task An_edited_indicator_keeps_its_realizations_and_target()
    {
        using var bot = await BotAsync();
        await bot.ReportAsync("rina", "SPP diajukan 4");
        await bot.Say("/koreksi 1 4", "rina");
        var before = bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[0];
        await bot.Services.Targets.SetAsync(Bendahara, before.KeyFor(Bendahara), 2026, 40, null, null);
        var preview = await bot.Say("/ubah indikator bendahara 1 indikator Jumlah surat permintaan pembayaran (SPP) yang diajukan", "admin");
        Assert.Contains("Sebelum: Jumlah SPP yang diajukan", preview.Text);
        Assert.Contains("Tersimpan", (await bot.Say(SavePayload(preview), "admin")).Text);

        var rekap = (await bot.Say("/rekap", "rina")).Text;
        Assert.Contains("Jumlah surat permintaan pembayaran (SPP) yang diajukan", rekap);
        Assert.Contains("1. Jumlah surat permintaan pembayaran (SPP) yang diajukan\n   target 40, realisasi 4 (bulan ini 4)", rekap);
        var row = bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[0];
        Assert.Equal(4, (await bot.Services.Realisasi.TotalsAsync(Bendahara, "2026-11"))[row.KeyFor(Bendahara)]);
        Assert.Equal(40, Assert.Single(await bot.Services.Targets.ForJabatanAsync(Bendahara, 2026), t => t.IndikatorKey == row.Id).Nilai);
        // And the next report lands on the same row.
        await bot.ReportAsync("rina", "SPP diajukan 2");
        Assert.Equal(6, (await bot.Services.Realisasi.TotalsAsync(Bendahara, "2026-11"))[row.Id!]);
    }

    [Fact]
    public async Task History_lists_who_changed_what_and_undo_restores_it_as_a_new_version()
    {
        using var bot = await BotAsync();
        await bot.Say(SavePayload(await bot.Say("/ubah tugas bendahara a Mengajukan SPP", "admin")), "admin");
        await bot.Say(SavePayload(await bot.Say("/hapus tugas bendahara g", "admin")), "admin");
        Assert.DoesNotContain("tugas-tugas lain", (await bot.Say("/tugas bendahara", "rina")).Text);

        var history = (await bot.Say("/riwayat bendahara", "admin")).Text;
        Assert.Contains("Bu Admin · hapus tugas, tugas g", history);
        Assert.Contains("Bu Admin · ubah tugas, tugas a", history);
        Assert.Contains("sesudah: Mengajukan SPP", history);
        Assert.True(history.IndexOf("hapus tugas", StringComparison.Ordinal) < history.IndexOf("ubah tugas", StringComparison.Ordinal)); // newest first

        Assert.Contains("Diurungkan (versi 4)", (await bot.Say("/urungkan", "admin")).Text);
        Assert.Contains("Melaksanakan tugas-tugas lain yang diberikan oleh atasan", (await bot.Say("/tugas bendahara", "rina")).Text);
        Assert.Contains("Diurungkan (versi 5)", (await bot.Say("/urungkan", "admin")).Text);
        var tugas = (await bot.Say("/tugas bendahara", "rina")).Text;
        Assert.Contains("Membantu membuat surat pengajuan SPP", tugas);
        Assert.Contains("tidak ada perubahan", (await bot.Say("/urungkan", "admin")).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("(diurungkan)", (await bot.Say("/riwayat bendahara", "admin")).Text);

        await using var db = bot.Services.Database.CreateDbContext();
        Assert.Equal(5, await db.KbVersions.CountAsync());
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Aksi == "kb.ubah" || a.Aksi == "kb.urungkan"));
    }

    [Fact]
    public async Task The_second_of_two_admins_editing_the_same_row_is_told_who_changed_it()
    {
        using var bot = await BotAsync();
        var first = await bot.Say("/ubah indikator bendahara 2 formulasi Jumlah SP2D dalam bulan berjalan", "admin");
        var second = await bot.Say("/ubah indikator bendahara 2 formulasi Jumlah SP2D yang terbit", "admin2");
        Assert.Contains("Tersimpan", (await bot.Say(SavePayload(first), "admin")).Text);
        var refused = (await bot.Say(SavePayload(second), "admin2")).Text;
        Assert.Contains("sudah diubah oleh Bu Admin", refused);
        Assert.Equal("Jumlah SP2D dalam bulan berjalan", bot.Services.Knowledge.Kb.Find(Bendahara)!.Indikator[1].Formulasi);

        // An edit of another row saved in between is no conflict.
        var third = await bot.Say("/ubah indikator bendahara 3 sumber Buku kas umum", "admin2");
        await bot.Say(SavePayload(await bot.Say("/ubah tugas bendahara b Mengajukan SP2D", "admin")), "admin");
        Assert.Contains("Tersimpan", (await bot.Say(SavePayload(third), "admin2")).Text);
    }

    [Fact]
    public async Task Non_admins_and_bad_input_are_refused_and_nothing_changes()
    {
        using var bot = await BotAsync();
        var refused = (await bot.Say("/ubah tugas bendahara a Apa saja", "rina")).Text;
        Assert.Contains("Hanya admin", refused);
        Assert.Contains("Bu Admin", refused);
        Assert.Contains("kosong", (await bot.Say("/ubah tugas bendahara a", "admin")).Text);
        Assert.Contains("paling banyak 1.000", (await bot.Say("/ubah tugas bendahara a " + new string('x', 1001), "admin")).Text);
        Assert.Contains("tidak punya tugas huruf k (ada a–g)", (await bot.Say("/ubah tugas bendahara k Teks", "admin")).Text);
        Assert.Contains("tidak punya indikator nomor 12", (await bot.Say("/ubah indikator bendahara 12 formulasi Teks", "admin")).Text);
        Assert.Contains("Kolom harus", (await bot.Say("/ubah indikator bendahara 1 warna merah", "admin")).Text);
        Assert.Contains("tidak ada dalam dokumen", (await bot.Say("/hapus tugas juru parkir b", "admin")).Text);
        Assert.Contains("Tidak ada perubahan", (await bot.Say("/simpan", "admin")).Text);
        await using var db = bot.Services.Database.CreateDbContext();
        Assert.Equal(1, await db.KbVersions.CountAsync());
    }

    [Fact]
    public async Task Removing_a_row_with_realizations_this_year_asks_to_confirm_and_keeps_them()
    {
        using var bot = await BotAsync();
        await bot.ReportAsync("rina", "SPP diajukan 4");
        var preview = await bot.Say("/hapus indikator bendahara 1", "admin");
        Assert.Contains("1 laporan realisasi tahun ini", preview.Text);
        Assert.Equal("Tetap hapus", preview.Replies[0].Choices[0].Label);
        Assert.Contains("Tersimpan", (await bot.Say(SavePayload(preview), "admin")).Text);
        Assert.DoesNotContain("Jumlah SPP yang diajukan", (await bot.Say("/indikator bendahara", "rina")).Text);
        Assert.Equal(1, (await bot.Services.Realisasi.ListByPeriodeAsync("2026-11")).Count);

        var added = await bot.Say("/tambah indikator bendahara: Mengelola kas tunai | Jumlah kas opname yang dilakukan", "admin");
        Assert.Contains("Tersimpan", (await bot.Say(SavePayload(added), "admin")).Text);
        Assert.Contains("Jumlah kas opname yang dilakukan", (await bot.Say("/indikator bendahara", "rina")).Text);
    }
}

public class GuidedNewRowTests
{
    [Fact]
    public async Task Tambah_indikator_with_only_the_jabatan_asks_for_the_columns_one_by_one_then_previews()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("admin", null, Peran.Admin, nama: "Bu Admin");
        Assert.Contains("(nomor 6)", (await bot.Say("/tambah indikator bendahara", "admin")).Text);
        Assert.Contains("*indikator*", (await bot.Say("Mengelola kas tunai", "admin")).Text);
        Assert.Contains("kosong", (await bot.Say("   ", "admin")).Text); // empty is refused, the step stays
        Assert.Contains("*formulasi*", (await bot.Say("Jumlah kas opname yang dilakukan", "admin")).Text);
        Assert.Contains("*sumber data*", (await bot.Say("-", "admin")).Text);
        var preview = await bot.Say("Berita acara kas opname", "admin");
        Assert.Contains("Sesudah: 6. Mengelola kas tunai — Jumlah kas opname yang dilakukan; sumber: Berita acara kas opname", preview.Text);
        Assert.Contains("Tersimpan", (await bot.Say(preview.Replies[0].Choices[0].Payload, "admin")).Text);
        Assert.Contains("6. Jumlah kas opname yang dilakukan", (await bot.Say("/indikator bendahara", "admin")).Text);
        // The dialogue is over: plain text is a question again.
        Assert.DoesNotContain("Kirim", (await bot.Say("apa tugas bendahara?", "admin")).Text);
    }
}
