using IkiBot.Bot.Conversation;
using IkiBot.Knowledge;

namespace IkiBot.Bot.Tests.Conversation;

public class ConversationTests
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();
    private readonly ConversationEngine _engine = new(Knowledge);
    private int _id;

    private Task<TurnResult> Say(string text, string user = "u1") =>
        _engine.HandleAsync(new Incoming("console", user, "Uji", $"m{++_id}", text, DateTimeOffset.UtcNow));

    [Fact]
    public async Task A_choice_is_answered_by_its_number()
    {
        var ask = await Say("seksi penempatan");
        Assert.StartsWith("Maksud Anda", ask.Text);
        var picked = await Say("2");
        Assert.Contains("Tugas SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", picked.Text);
    }

    [Fact]
    public async Task Choices_are_kept_per_user()
    {
        await Say("seksi penempatan", "a");
        var other = await Say("2", "b");
        Assert.DoesNotContain("SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", other.Text);
    }

    [Fact]
    public async Task Commands_take_a_jabatan_in_everyday_words()
    {
        var reply = await Say("/indikator kasi phi");
        Assert.Contains("Indikator kinerja SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", reply.Text);
        Assert.Contains("Jumlah Kasus PHI/PHK yang ditangani", reply.Text);
        var missing = await Say("/tugas");
        Assert.Contains("Sebutkan jabatannya", missing.Text);
        var unknown = await Say("/tugas kepala antariksa");
        Assert.Contains("tidak ditemukan", unknown.Text);
    }

    [Theory]
    [InlineData("", "Pesan kosong")]
    [InlineData("😀", "belum memahami")]
    [InlineData("/hapus_semua", "tidak dikenal")]
    [InlineData("*:* AND (", "belum memahami")]
    public async Task Bad_input_gets_a_clear_indonesian_message(string text, string expected) =>
        Assert.Contains(expected, (await Say(text)).Text);

    [Fact]
    public async Task A_huge_message_is_refused()
    {
        var reply = await Say(new string('a', 10_000));
        Assert.Contains("terlalu panjang", reply.Text);
    }

    [Fact]
    public async Task Help_and_list()
    {
        Assert.Contains("/indikator", (await Say("/bantuan")).Text);
        var list = await Say("/jabatan");
        Assert.Contains("Sekretariat", list.Text);
        Assert.Contains("SEKSI KELEMBAGAAN TENAGA KERJA", list.Text);
    }
}
