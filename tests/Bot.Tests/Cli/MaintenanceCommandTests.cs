using IkiBot.Bot.Hosting;
using IkiBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>Issue 8 item 11: failed outgoing messages can be listed and resent, an online backup, and pruning of handled-message ids.</summary>
[Collection("console")]
public sealed class MaintenanceCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikibot-maintenance", Guid.NewGuid().ToString("N"));
    private readonly string _db;

    public MaintenanceCommandTests()
    {
        Directory.CreateDirectory(_folder);
        _db = Path.Combine(_folder, "bot.db");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ProgramRun.Of(args);

    [Fact]
    public async Task A_refused_message_is_listed_with_failed_and_retry_queues_it_again_for_the_running_sender()
    {
        var factory = Database.Open(_db);
        var store = new ChannelDeliveryStore(factory, TimeProvider.System);
        await store.CommitAsync("telegram", "1", 1, [new OutboxDraft("42", "{\"text\":\"Tercatat. 5 SPP\"}"), new OutboxDraft("43", "{\"text\":\"halo\"}")]);
        var rows = await store.PendingAsync("telegram", 0);
        await store.AttemptFailedAsync(rows[0].Id, "400: chat not found", final: true);
        var lastSeenBySender = rows[^1].Id;

        var listed = Run("outbox", "list", "--failed", "--db", _db);
        Assert.Equal(0, listed.Code);
        Assert.Contains($"{rows[0].Id}\ttelegram:42", listed.Out);
        Assert.Contains("chat not found", listed.Out);
        Assert.Contains("Tercatat. 5 SPP", listed.Out);
        Assert.DoesNotContain("halo", listed.Out);

        var retried = Run("outbox", "retry", rows[0].Id.ToString(), "--db", _db);

        Assert.Equal(0, retried.Code);
        Assert.Contains("diantrekan lagi", retried.Out);
        Assert.Contains("Tidak ada pesan yang gagal", Run("outbox", "list", "--failed", "--db", _db).Out);
        // The running sender reads only ids above the last it loaded: the resent message must be among them.
        var again = Assert.Single(await store.PendingAsync("telegram", lastSeenBySender));
        Assert.Equal(("42", "{\"text\":\"Tercatat. 5 SPP\"}", 0), (again.ChatId, again.Payload, again.Attempts));

        var unknown = Run("outbox", "retry", "999999", "--db", _db);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("Tidak ada pesan gagal bernomor 999999", unknown.Out);
        factory.ReleaseConnections();
    }

    [Fact]
    public async Task A_backup_taken_while_a_writer_is_busy_is_a_sound_copy_and_restores()
    {
        var factory = Database.Open(_db);
        var users = new PenggunaStore(factory, TimeProvider.System);
        var realisasi = new RealisasiStore(factory, TimeProvider.System);
        var u = await users.RegisterAsync("telegram", "7", "Dewi", "BENDAHARA", Peran.Staf, StatusPengguna.Aktif);
        await realisasi.AddAsync(new NewRealisasi(u.Id, "BENDAHARA", "K", 1, "SPP", "2026-11", 12, null, "m-1"));

        // The bot keeps writing during the backup.
        using var stop = new CancellationTokenSource();
        var processed = new ProcessedMessageStore(factory, TimeProvider.System);
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) { await processed.TryMarkProcessedAsync("telegram", "w" + writes); writes++; }
        });
        await Task.Delay(200);
        var backup = Path.Combine(_folder, "cadangan", "bot-2026-12-01.db");

        var result = Run("db", "backup", "--out", backup, "--db", _db);

        stop.Cancel();
        await writer;
        Assert.True(result.Code == 0, result.Err);
        Assert.Contains(backup, result.Out);
        Assert.True(writes > 0);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(backup)!, "*.tmp"));

        // Restore as documented: the backup file becomes the database file.
        var restored = Path.Combine(_folder, "restored.db");
        File.Copy(backup, restored);
        var back = Database.Open(restored);
        Assert.Equal(12, await new RealisasiStore(back, TimeProvider.System).TotalAsync("BENDAHARA", "K", "2026-11"));
        back.ReleaseConnections();

        var again = Run("db", "backup", "--out", backup, "--db", _db);
        Assert.Equal(1, again.Code);
        Assert.Contains("sudah ada", again.Err);
        factory.ReleaseConnections();
    }

    [Fact]
    public async Task Handled_message_ids_older_than_30_days_are_pruned_at_start_and_every_6_hours()
    {
        var factory = Database.Open(_db);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new ProcessedMessageStore(factory, clock);
        await store.TryMarkProcessedAsync("telegram", "old-1");
        clock.Advance(TimeSpan.FromDays(40));
        await store.TryMarkProcessedAsync("telegram", "recent");

        using var pruner = new ProcessedMessagePruner(store, clock);
        await pruner.StartAsync(CancellationToken.None);
        await WaitUntil(async () => !await store.IsProcessedAsync("telegram", "old-1"));
        Assert.True(await store.IsProcessedAsync("telegram", "recent"));

        clock.Advance(TimeSpan.FromDays(29)); // the 6-hourly runs in between: 29 days old is kept
        await Task.Delay(300);
        Assert.True(await store.IsProcessedAsync("telegram", "recent"));
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(6)); // the next run after it turned 30 days old
        await WaitUntil(async () => !await store.IsProcessedAsync("telegram", "recent"));
        await pruner.StopAsync(CancellationToken.None);
        factory.ReleaseConnections();
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not reached in 10 s");
    }
}
