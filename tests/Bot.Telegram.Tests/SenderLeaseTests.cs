using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>Issue 13: the sender lease on PostgreSQL: one holder at a time, renewed by it, given up at a clean stop, taken over once it ran out.</summary>
public sealed class SenderLeaseTests
{
    [PostgresFact]
    public async Task One_replica_holds_the_lease_until_it_gives_it_up_or_it_runs_out()
    {
        await using var pg = await FreshPostgresDatabase.CreateAsync();
        var database = Database.OpenPostgres(pg.ConnectionString);
        var store = new SenderLeaseStore(database);
        var minute = TimeSpan.FromMinutes(1);

        Assert.True(await store.TryHoldAsync("outbox", "a", minute));
        Assert.False(await store.TryHoldAsync("outbox", "b", minute));
        Assert.True(await store.TryHoldAsync("outbox", "a", minute)); // renewed
        Assert.Equal("a", await store.HolderAsync("outbox"));

        await store.ReleaseAsync("outbox", "b"); // not b's to give up
        Assert.False(await store.TryHoldAsync("outbox", "b", minute));
        await store.ReleaseAsync("outbox", "a");
        Assert.Null(await store.HolderAsync("outbox"));
        Assert.True(await store.TryHoldAsync("outbox", "b", TimeSpan.FromMilliseconds(200)));
        Assert.False(await store.TryHoldAsync("outbox", "a", minute));

        await Task.Delay(600); // b stopped renewing (killed): its lease runs out on the server's clock
        Assert.True(await store.TryHoldAsync("outbox", "a", minute));
        Assert.Equal("a", await store.HolderAsync("outbox"));
        database.ReleaseConnections();
    }

    [Fact]
    public async Task On_SQLite_the_one_process_always_holds_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "ikibot-lease-" + Guid.NewGuid().ToString("N") + ".db");
        var database = Database.Open(path);
        try
        {
            var store = new SenderLeaseStore(database);
            Assert.False(store.IsShared);
            Assert.True(await store.TryHoldAsync("outbox", "a", TimeSpan.FromSeconds(1)));
            Assert.True(await store.TryHoldAsync("outbox", "b", TimeSpan.FromSeconds(1)));
        }
        finally
        {
            database.ReleaseConnections();
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(f);
        }
    }
}
