using IkiBot.Bot.Channels;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Teams.Tests.Harness;
using IkiBot.Data;
using IkiBot.Knowledge.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>
/// One host running Telegram and Teams: a message the conversation has for a user on the other channel (a
/// registration request to an admin, the admin's decision back to the user) reaches that user on their channel.
/// </summary>
public class CrossChannelTests
{
    private const string Jabatan = "PENGADMINISTRASI INFORMASI PASAR KERJA";

    private static bool IsMessage(ConnectorCall c) => c.Method == "POST" && c.Type == "message" && c.Status is >= 200 and < 300;

    [Fact]
    public async Task A_Teams_users_registration_is_approved_by_an_admin_on_Telegram()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BothChannels(telegram.Url);
        await bot.Services.Users.RegisterAsync("telegram", "900", "Sari", null, Peran.Admin, StatusPengguna.Aktif);
        await bot.StartAsync();

        Assert.Equal(200, await bot.PostAsync(Activities.Message(connector.Url, "/jabatan saya " + Jabatan, user: "budi")));
        var calls = await connector.WaitForAsync(c => c.Any(IsMessage));
        Assert.Contains("sudah dikirim ke admin", calls.First(IsMessage).Text);

        var request = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "900" && c.Buttons.Count > 0);
        Assert.NotNull(request);
        Assert.Contains("Permintaan pendaftaran: budi", request.Text);
        Assert.Contains(Jabatan, request.Text);
        var approve = request.Buttons.Single(b => b.Label == "Setujui");

        telegram.UserPresses(900, approve.Data);
        calls = await connector.WaitForAsync(c => c.Count(IsMessage) >= 2);
        var approval = calls.Where(IsMessage).Skip(1).Single();
        Assert.StartsWith($"Pendaftaran Anda sebagai {Jabatan} disetujui", approval.Text);
        Assert.Contains("/a%3A1budi/activities", approval.Path);
        var done = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "900" && c.Text?.StartsWith("Disetujui") == true);
        Assert.NotNull(done);

        var budi = await bot.Services.Users.FindAsync("teams", Activities.AadOf("budi"));
        Assert.Equal(StatusPengguna.Aktif, budi!.Status);
        Assert.Equal(Jabatan, budi.Jabatan);
        // The pressed keyboard is cleared; nothing is left undelivered or refused.
        Assert.NotNull(await telegram.WaitForAsync(c => c.Method == "editMessageReplyMarkup" && c.ChatId == "900"));
        await Task.Delay(300);
        await using var db = bot.Services.Database.CreateDbContext();
        Assert.Empty(db.Set<OutboxMessage>().ToList());
    }

    [Fact]
    public async Task A_Telegram_users_registration_is_approved_by_an_admin_on_Teams_with_the_card()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BothChannels(telegram.Url);
        await bot.Services.Users.RegisterAsync("teams", Activities.AadOf("sari"), "Sari", null, Peran.Admin, StatusPengguna.Aktif);
        await bot.StartAsync();
        // The admin has written once, so the bot knows her conversation.
        await bot.PostAsync(Activities.Message(connector.Url, "/bantuan", user: "sari"));
        await connector.WaitForAsync(c => c.Any(IsMessage));

        telegram.UserWrites(42, "/jabatan saya " + Jabatan, "Ani");
        var told = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "42");
        Assert.Contains("sudah dikirim ke admin", told!.Text);
        var calls = await connector.WaitForAsync(c => c.Any(x => IsMessage(x) && x.Attachments is not null));
        var card = calls.Single(x => IsMessage(x) && x.Attachments is not null);
        Assert.Contains("/a%3A1sari/activities", card.Path);
        var request = calls.Where(IsMessage).Single(x => x.Text?.Contains("Permintaan pendaftaran") == true);
        Assert.Contains("Ani", request.Text);
        var approve = card.Attachments![0]!["content"]!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Setujui")!;

        await bot.PostAsync(Activities.Submit(connector.Url, card.ReturnedId!, approve["data"]!, user: "sari"));
        var approval = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "42" && c.Text?.StartsWith("Pendaftaran") == true);
        Assert.NotNull(approval);
        Assert.StartsWith($"Pendaftaran Anda sebagai {Jabatan} disetujui", approval.Text);
        var ani = await bot.Services.Users.FindAsync("telegram", "42");
        Assert.Equal(StatusPengguna.Aktif, ani!.Status);
    }

    [Fact]
    public async Task A_long_Telegram_button_queued_by_a_Teams_turn_works_when_pressed()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        await using var bot = new BothChannels(telegram.Url);
        await bot.StartAsync();
        // Past Telegram's 64 bytes of callback_data: the button carries a stored id instead.
        const string payload = "/indikator KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA";
        var renderers = bot.App.Services.GetRequiredService<DraftRenderers>();
        var rendered = await renderers.RenderAsync(
            [new Outgoing("telegram", "900", new Reply("Lihat indikator:", [new Choice("Indikator", payload)]))],
            other => Assert.Fail($"tidak terkirim: {other}"), CancellationToken.None);
        // Committed as the Teams handler commits a turn: Teams' key, the rows for Telegram, the stored payloads.
        Assert.True(await bot.App.Services.GetRequiredService<ChannelDeliveryStore>()
            .CommitAsync("teams", "uji-tombol-panjang", null, rendered.Drafts, rendered.Buttons));
        renderers.Wake(rendered.Drafts);

        var sent = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "900" && c.Buttons.Count > 0);
        var button = Assert.Single(sent!.Buttons);
        Assert.NotEqual(payload, button.Data);
        telegram.UserPresses(900, button.Data);
        var answer = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "900" && c != sent);
        Assert.NotNull(answer);
        Assert.DoesNotContain("tidak berlaku", answer.Text);
        Assert.Contains("PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_message_for_a_channel_this_process_does_not_run_is_logged_and_not_queued()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await new TeamsBot(TeamsBot.Anonymous()).StartAsync();
        await bot.Services.Users.RegisterAsync("telegram", "900", "Sari", null, Peran.Admin, StatusPengguna.Aktif);

        await bot.PostAsync(Activities.Message(connector.Url, "/jabatan saya " + Jabatan, user: "budi"));
        var calls = await connector.WaitForAsync(c => c.Any(IsMessage));
        Assert.Contains("sudah dikirim ke admin", calls.First(IsMessage).Text);
        Assert.Contains(bot.Log, l => l.StartsWith("Warning") && l.Contains("telegram:900") && l.Contains("tidak dapat dikirim dari sini"));
        await using var db = bot.Services.Database.CreateDbContext();
        Assert.DoesNotContain(db.Set<OutboxMessage>().ToList(), m => m.Channel == "telegram");
    }
}
