using IkiBot.Bot.Tests.Supervision;
using IkiBot.Data;
using Microsoft.EntityFrameworkCore;

namespace IkiBot.Bot.Tests.Editing;

/// <summary>Unanswered questions are logged for admins; a synonym an admin adds is understood at once, and can be removed.</summary>
public class AnswerImprovementTests
{
    [Fact]
    public async Task Unanswered_and_abandoned_questions_are_listed_most_frequent_first()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("admin", null, Peran.Admin, nama: "Bu Admin");
        await bot.Say("siapa yang ngurus lembur?", "a");
        await bot.Say("siapa yang ngurus lembur", "b");
        await bot.Say("siapa yg ngurus magang?", "a");
        var askedBack = await bot.Say("apa tugas kepala bidang?", "c"); // a question back with choices
        Assert.NotEmpty(askedBack.Replies[0].Choices);
        await bot.Say("apa tugas bendahara?", "c"); // left without choosing
        var chose = await bot.Say("apa tugas kepala bidang?", "d");
        await bot.Say(chose.Replies[0].Choices[0].Payload, "d"); // chosen: not logged
        await bot.Say("apa tugas bendahara?", "e"); // answered: not logged

        var list = (await bot.Say("/belumterjawab", "admin")).Text;
        Assert.Contains("1. \"siapa yang ngurus lembur\" — 2x, 2 orang", list);
        Assert.Contains("\"siapa yg ngurus magang?\" — 1x", list);
        Assert.Contains("\"apa tugas kepala bidang?\" — 1x, 1 orang", list);
        Assert.Contains("pilihan ditinggalkan", list);
        Assert.DoesNotContain("bendahara", list);
        Assert.Contains("Hanya admin", (await bot.Say("/belumterjawab", "a")).Text);
    }

    [Fact]
    public async Task A_synonym_takes_effect_at_once_survives_a_restart_and_can_be_removed()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("admin", null, Peran.Admin, nama: "Bu Admin");
        Assert.Contains("belum memahami", (await bot.Say("siapa yang ngurus lembur?", "a")).Text);

        Assert.Contains("berlaku sekarang", (await bot.Say("/sinonim lembur = upah", "admin")).Text);
        Assert.Contains("SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL", (await bot.Say("siapa yang ngurus lembur?", "a")).Text);
        bot.Restart();
        Assert.Contains("SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL", (await bot.Say("siapa yang ngurus lembur?", "a")).Text);
        Assert.Contains("lembur = upah", (await bot.Say("/sinonim", "admin")).Text);

        Assert.Contains("dihapus", (await bot.Say("/sinonim hapus lembur", "admin")).Text);
        Assert.Contains("belum memahami", (await bot.Say("siapa yang ngurus lembur?", "a")).Text);

        Assert.Contains("tidak ada di dokumen", (await bot.Say("/sinonim lembur = uang pisah kerja xyzzy", "admin")).Text);
        Assert.Contains("satu kata", (await bot.Say("/sinonim uang pisah = upah", "admin")).Text);
        Assert.Contains("Hanya admin", (await bot.Say("/sinonim lembur = upah", "a")).Text);
        await using var db = bot.Services.Database.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Aksi.StartsWith("kb.sinonim")));
    }
}
