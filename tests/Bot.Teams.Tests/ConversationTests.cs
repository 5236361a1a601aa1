using System.Text.Json.Nodes;
using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Teams.Tests.Harness;
using IkiBot.Data;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>The conversation on Teams through /api/messages (anonymous mode) against a fake connector.</summary>
public class ConversationTests : IAsyncLifetime
{
    private const string Jabatan = "PENGADMINISTRASI INFORMASI PASAR KERJA";
    private FakeConnector _connector = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await new TeamsBot(TeamsBot.Anonymous()).StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static bool IsMessage(ConnectorCall c) => c.Method == "POST" && c.Type == "message";

    private async Task<int> CountRealisasiAsync()
    {
        await using var db = _bot.Services.Database.CreateDbContext();
        return db.Realisasi.Count();
    }

    [Fact]
    public async Task Installing_greets_once_even_with_both_install_events_and_a_reinstall()
    {
        await _bot.PostAsync(Activities.Install(_connector.Url));
        await _bot.PostAsync(Activities.MembersAdded(_connector.Url));
        await _bot.PostAsync(Activities.Install(_connector.Url));
        var calls = await _connector.WaitForAsync(c => c.Any(IsMessage));
        await Task.Delay(500);
        var greeting = Assert.Single(_connector.Calls, IsMessage);
        Assert.StartsWith("**Selamat datang di IkiBot**", greeting.Text);
        Assert.NotNull(await _bot.Get<TeamsConversationStore>().FindAsync(Activities.AadOf("budi")));
    }

    [Fact]
    public async Task An_ambiguous_report_asks_with_a_card_and_a_press_stores_once_and_updates_the_card()
    {
        var aad = Activities.AadOf("budi");
        await _bot.Services.Users.RegisterAsync("teams", aad, "Budi", Jabatan, Peran.Staf, StatusPengguna.Aktif);
        await _bot.PostAsync(Activities.Message(_connector.Url, "pencaker yg dilayani hr ini 30 org"));
        var calls = await _connector.WaitForAsync(c => c.Any(x => IsMessage(x) && x.Attachments is not null));
        var card = calls.Single(x => IsMessage(x) && x.Attachments is not null);
        var actions = card.Attachments![0]!["content"]!["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.Equal(0, await CountRealisasiAsync());

        var data = actions[0]!["data"]!;
        await _bot.PostAsync(Activities.Submit(_connector.Url, card.ReturnedId!, data));
        calls = await _connector.WaitForAsync(c => c.Any(x => x.Method == "PUT") && c.Count(IsMessage) >= 3);
        var update = calls.Single(x => x.Method == "PUT");
        Assert.EndsWith($"/activities/{card.ReturnedId}", update.Path);
        Assert.Null(update.Body!["attachments"]![0]!["content"]!["actions"]);
        Assert.Equal(1, await CountRealisasiAsync());
        var saved = calls.Where(IsMessage).Last();
        Assert.Contains("30", saved.Text);

        // The old card pressed again (a new activity id, the same card): nothing changes, nothing is said.
        var before = _connector.Calls.Count;
        await _bot.PostAsync(Activities.Submit(_connector.Url, card.ReturnedId!, actions[1]!["data"]!));
        await _bot.PostAsync(Activities.Submit(_connector.Url, card.ReturnedId!, data));
        await Task.Delay(600);
        Assert.Equal(1, await CountRealisasiAsync());
        Assert.Equal(before, _connector.Calls.Count);
    }

    [Fact]
    public async Task An_unregistered_user_is_refused_politely_and_nothing_is_stored()
    {
        await _bot.PostAsync(Activities.Message(_connector.Url, "pencaker dilayani 25", user: "tamu"));
        var calls = await _connector.WaitForAsync(c => c.Any(IsMessage));
        Assert.Contains("belum terdaftar", calls.Single(IsMessage).Text);
        Assert.Equal(0, await CountRealisasiAsync());
    }

    [Fact]
    public async Task Garbage_and_a_5000_character_message_get_short_answers_under_the_size_limit()
    {
        await _bot.PostAsync(Activities.Message(_connector.Url, "qwxz ✓✓ ]]>< ;;; 🙂", id: "g-1"));
        await _bot.PostAsync(Activities.Message(_connector.Url, new string('a', 2500) + " " + new string('<', 2499), id: "g-2"));
        var empty = Activities.Message(_connector.Url, "", id: "g-3");
        await _bot.PostAsync(empty);
        var calls = await _connector.WaitForAsync(c => new[] { "g-1", "g-2", "g-3" }.All(id => c.Any(x => IsMessage(x) && x.Path.EndsWith("/" + id))));
        Assert.All(calls.Where(IsMessage), c => Assert.True(c.Body!.ToJsonString().Length * 2 < TeamsRenderer.MaxActivityUtf16Bytes));
        Assert.Contains("terlalu panjang", calls.First(x => x.Path.EndsWith("/g-2")).Text);
        Assert.Equal(TeamsActivityHandler.NonTextReply.Replace("\"", "\""), calls.Single(x => x.Path.EndsWith("/g-3")).Text);
    }

    [Fact]
    public async Task Users_are_keyed_by_aad_object_id_and_a_proactive_reminder_reaches_the_stored_conversation()
    {
        var aad = "00000000-0000-4000-8000-00000000abcd";
        await _bot.Services.Users.RegisterAsync("teams", aad, "Sari", Jabatan, Peran.Staf, StatusPengguna.Aktif);
        await _bot.PostAsync(Activities.Message(_connector.Url + "/apac/", "/laporanku", user: "sari", aad: aad));
        var calls = await _connector.WaitForAsync(c => c.Any(IsMessage));
        Assert.DoesNotContain("belum terdaftar", calls.First(IsMessage).Text);

        var sender = _bot.Get<TeamsOutgoingSender>();
        var result = await sender.SendAsync(new Outgoing("teams", aad, new Reply("*Pengingat mingguan*\nBelum ada laporan bulan ini.")));
        Assert.Equal(SendStatus.Queued, result.Status);
        calls = await _connector.WaitForAsync(c => c.Any(x => x.Text?.StartsWith("**Pengingat mingguan**") == true));
        var reminder = calls.Single(x => x.Text?.StartsWith("**Pengingat mingguan**") == true);
        Assert.Equal("/apac/v3/conversations/a%3A1sari/activities", reminder.Path);
        Assert.Null(reminder.Body!["replyToId"]);

        var unknown = await sender.SendAsync(new Outgoing("teams", "tidak-pernah-menulis", new Reply("x")));
        Assert.Equal(SendStatus.Failed, unknown.Status);
    }

    [Fact]
    public async Task Another_tenant_is_refused_with_nothing_handled()
    {
        await using var bot = await new TeamsBot(TeamsBot.Anonymous() with { TenantId = TeamsBot.Tenant }).StartAsync();
        var (status, _) = await bot.PostAsync(Activities.Message(_connector.Url, "daftar jabatan", tenant: "99999999-0000-4000-8000-000000000009"));
        Assert.Equal(403, status);
        Assert.Equal(0, await bot.HandledCountAsync());
        Assert.Equal(200, (await bot.PostAsync(Activities.Message(_connector.Url, "daftar jabatan"))).Status);
        Assert.Equal(1, await bot.HandledCountAsync());
    }
}
