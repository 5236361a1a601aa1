using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Supervision;
using IkiBot.Bot.Teams.Tests.Harness;
using IkiBot.Data;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>The bot (anonymous mode, full conversation core) and two Teams users, each in his own Agents Playground.</summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public const string Jabatan = "PENGADMINISTRASI INFORMASI PASAR KERJA";
    public TeamsBot Bot = null!;
    public PlaygroundUser Budi = null!;
    public PlaygroundUser Tamu = null!;

    public async Task InitializeAsync()
    {
        Bot = await new TeamsBot(TeamsBot.Anonymous() with
        {
            PerConversationPerSecond = 5, PerConversationBurst = 5,
        }).StartAsync();
        var endpoint = Bot.Url + TeamsEndpoint.Path;
        Budi = await PlaygroundUser.StartAsync("budi", "Budi Santoso", "00000000-0000-4000-8000-000000000100", endpoint, TeamsBot.AppId, TeamsBot.Tenant);
        Tamu = await PlaygroundUser.StartAsync("tamu", "Tamu", "00000000-0000-4000-8000-000000000101", endpoint, TeamsBot.AppId, TeamsBot.Tenant);
        await Bot.Services.Users.RegisterAsync("teams", Budi.AadObjectId, "Budi Santoso", Jabatan, Peran.Staf, StatusPengguna.Aktif);
    }

    public async Task DisposeAsync()
    {
        if (Budi is not null) await Budi.DisposeAsync();
        if (Tamu is not null) await Tamu.DisposeAsync();
        await Bot.DisposeAsync();
    }

    public async Task<int> RealisasiCountAsync()
    {
        await using var db = Bot.Services.Database.CreateDbContext();
        return db.Realisasi.Count();
    }
}

[Trait("Category", "Playground")]
public class PlaygroundEndToEndTests(PlaygroundFixture f) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task A_user_installs_asks_reports_presses_and_gets_a_reminder_through_the_playground()
    {
        var budi = f.Budi;

        // Install: one greeting (installationUpdate and conversationUpdate both arrive).
        var turn = await budi.AskAsync(budi.InstallAsync);
        Assert.Single(turn.Messages);
        Assert.Contains("Selamat datang di IkiBot", turn.Text);

        // A question: the answer, with "typing" first.
        turn = await budi.AskAsync(() => budi.SayAsync("apa tugas seksi PHI?"));
        Assert.Contains("Tugas SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", turn.Text);
        Assert.True(turn.Typing);

        // An ambiguous report: a card with one button per row; nothing stored yet.
        turn = await budi.AskAsync(() => budi.SayAsync("pencaker yg dilayani hr ini 30 org"));
        var buttons = turn.Buttons;
        Assert.Equal(2, buttons.Count);
        Assert.Equal(0, await f.RealisasiCountAsync());

        // The press: stored once, the card updated without buttons, the confirmation shown.
        turn = await budi.AskAsync(() => budi.SubmitAsync(buttons[0].MessageId, buttons[0].Data));
        Assert.Equal(1, await f.RealisasiCountAsync());
        Assert.Contains(turn.Updates, u => u["messageId"]?.ToString() == buttons[0].MessageId);
        Assert.Contains("30", turn.Text);
        Assert.Contains(turn.Calls, c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + Uri.EscapeDataString(buttons[0].MessageId)));

        // The old card pressed again: nothing stored, nothing said.
        turn = await budi.AskAsync(() => budi.SubmitAsync(buttons[1].MessageId, buttons[1].Data), timeoutMs: 2500);
        Assert.Empty(turn.Messages);
        Assert.Equal(1, await f.RealisasiCountAsync());

        // Garbage and a 5,000-character message: short answers, every activity under the size limit.
        turn = await budi.AskAsync(() => budi.SayAsync("qwxz ✓✓ ]]>< ;;; 🙂"));
        Assert.NotEmpty(turn.Messages);
        turn = await budi.AskAsync(() => budi.SayAsync(string.Concat(Enumerable.Repeat("laporan pencaker ", 295))[..5000]));
        Assert.Contains("terlalu panjang", turn.Text);

        // A proactive weekly reminder through the real runner, posted to the stored conversation reference.
        var runner = f.Bot.Services.CreateReminderRunner(f.Bot.Get<TeamsOutgoingSender>());
        turn = await budi.AskAsync(async () =>
        {
            var outcome = await runner.RunSlotAsync(ReminderKind.Pengingat, $"e2e-{Guid.NewGuid():N}", DateTimeOffset.UtcNow, dryRun: false);
            Assert.Contains(outcome.Deliveries, d => d.Message.User.ChannelUserId == budi.AadObjectId);
        });
        Assert.NotEmpty(turn.Messages);
        Assert.Contains("contoh", turn.Text);
        var proactive = turn.Calls.Where(c => c.Method == "POST" && c.Type == "message").ToList();
        Assert.NotEmpty(proactive);
        Assert.All(proactive, p => Assert.Equal($"/_connector/v3/conversations/{Uri.EscapeDataString(budi.ConversationId)}/activities", p.Path));

        // Everything the bot sent to Budi's serviceUrl was for Budi's conversation, accepted, and under the limit.
        Assert.All(budi.Calls, c =>
        {
            Assert.StartsWith($"/_connector/v3/conversations/{Uri.EscapeDataString(budi.ConversationId)}/activities", c.Path);
            Assert.InRange(c.Status, 200, 299);
            Assert.True(c.Utf16Bytes < TeamsRenderer.MaxActivityUtf16Bytes, $"{c.Utf16Bytes} bytes");
        });
    }

    [Fact]
    public async Task An_unregistered_user_is_refused_politely_and_replies_stay_in_his_conversation()
    {
        var tamu = f.Tamu;
        var before = await f.RealisasiCountAsync();
        var turn = await tamu.AskAsync(() => tamu.SayAsync("pencaker dilayani 25"));
        Assert.Contains("belum terdaftar", turn.Text);
        Assert.Equal(before, await f.RealisasiCountAsync());
        Assert.All(tamu.Calls, c => Assert.StartsWith($"/_connector/v3/conversations/{Uri.EscapeDataString(tamu.ConversationId)}/", c.Path));
        Assert.DoesNotContain(f.Budi.Calls, c => c.Path.Contains(Uri.EscapeDataString(tamu.ConversationId)));
    }
}
