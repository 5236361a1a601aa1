using IkiBot.Data;

namespace IkiBot.Bot.Tests.Reporting;

/// <summary>Issue 8 item 2: an admin's button grants exactly the request it was sent for.</summary>
public sealed class ApprovalTests
{
    [Fact]
    public async Task Approving_an_older_request_does_not_grant_the_newer_jabatan_and_says_the_button_is_void()
    {
        using var bot = new TestBot(admins: ["999"]);
        await bot.Say("/mulai", "999");
        var first = Assert.Single((await bot.Say("/jabatan saya BENDAHARA", "5005")).Others).Reply;
        var second = Assert.Single((await bot.Say("/jabatan saya KEPALA DINAS", "5005")).Others).Reply;
        Assert.Contains("BENDAHARA", first.Text);
        Assert.Contains("KEPALA DINAS", second.Text);

        var stale = await bot.Say(first.Choices[0].Payload, "999");

        Assert.Contains("tidak berlaku", stale.Text);
        Assert.Contains("KEPALA DINAS", stale.Text);
        Assert.Empty(stale.Others);
        var user = await bot.Services.Users.FindAsync("telegram", "5005");
        Assert.Equal(StatusPengguna.Menunggu, user!.Status);
        Assert.Contains("menunggu", (await bot.Say("pencaker dilayani 3", "5005")).Text);

        var approved = await bot.Say(second.Choices[0].Payload, "999");

        Assert.Contains("Disetujui", approved.Text);
        Assert.Contains("KEPALA DINAS", Assert.Single(approved.Others).Reply.Text);
        user = await bot.Services.Users.FindAsync("telegram", "5005");
        Assert.Equal((StatusPengguna.Aktif, "KEPALA DINAS", Peran.Staf), (user!.Status, user.Jabatan, user.Peran));
    }

    [Fact]
    public async Task A_refusal_button_of_a_superseded_request_refuses_nothing()
    {
        using var bot = new TestBot(admins: ["999"]);
        await bot.Say("/mulai", "999");
        var first = Assert.Single((await bot.Say("/jabatan saya BENDAHARA", "u1")).Others).Reply;
        var second = Assert.Single((await bot.Say("/jabatan saya KEPALA DINAS", "u1")).Others).Reply;

        Assert.Contains("tidak berlaku", (await bot.Say(first.Choices[1].Payload, "999")).Text);
        Assert.Equal("KEPALA DINAS", (await bot.Services.Users.FindAsync("telegram", "u1"))!.Jabatan);

        Assert.Contains("Ditolak", (await bot.Say(second.Choices[1].Payload, "999")).Text);
        Assert.Null((await bot.Services.Users.FindAsync("telegram", "u1"))!.Jabatan);
    }

    [Fact]
    public async Task A_decided_request_cannot_be_decided_again_and_a_role_change_voids_the_button()
    {
        using var bot = new TestBot(admins: ["999"]);
        await bot.Say("/mulai", "999");
        var request = Assert.Single((await bot.Say("/jabatan saya BENDAHARA", "u1")).Others).Reply;
        Assert.Contains("Disetujui", (await bot.Say(request.Choices[0].Payload, "999")).Text);

        var again = await bot.Say(request.Choices[1].Payload, "999");
        Assert.Contains("sudah disetujui", again.Text);
        Assert.Equal(StatusPengguna.Aktif, (await bot.Services.Users.FindAsync("telegram", "u1"))!.Status);

        var other = Assert.Single((await bot.Say("/jabatan saya BENDAHARA", "u2")).Others).Reply;
        var u2 = (await bot.Services.Users.FindAsync("telegram", "u2"))!;
        await bot.Services.Users.SetPeranAsync(u2.Id, Peran.Atasan);
        Assert.Contains("tidak berlaku", (await bot.Say(other.Choices[0].Payload, "999")).Text);
        Assert.Equal(StatusPengguna.Menunggu, (await bot.Services.Users.FindAsync("telegram", "u2"))!.Status);
    }

    [Theory]
    [InlineData("/setujui 1")]          // the button format before requests had ids
    [InlineData("/setujui 1 999")]
    [InlineData("/setujui abc")]
    [InlineData("/tolak")]
    public async Task Forged_or_old_buttons_change_nothing(string payload)
    {
        using var bot = new TestBot(admins: ["999"]);
        await bot.Say("/mulai", "999");
        await bot.Say("/jabatan saya BENDAHARA", "u1");

        var reply = await bot.Say(payload, "999");

        Assert.Empty(reply.Others);
        Assert.Matches("tidak berlaku|tidak ditemukan", reply.Text);
        Assert.Equal(StatusPengguna.Menunggu, (await bot.Services.Users.FindAsync("telegram", "u1"))!.Status);
    }
}
