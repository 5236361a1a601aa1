namespace IkiBot.Data.Tests;

public sealed class ProcessedMessageStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Marks_once_per_channel_and_message()
    {
        Assert.False(await _db.Processed.IsProcessedAsync("telegram", "update:1"));
        Assert.True(await _db.Processed.TryMarkProcessedAsync("telegram", "update:1"));
        Assert.False(await _db.Processed.TryMarkProcessedAsync("telegram", "update:1"));
        Assert.True(await _db.Processed.IsProcessedAsync("telegram", "update:1"));
        Assert.False(await _db.Processed.IsProcessedAsync("teams", "update:1"));
        Assert.True(await _db.Processed.TryMarkProcessedAsync("teams", "update:1"));
    }

    [Fact]
    public async Task Racing_marks_let_exactly_one_caller_win()
    {
        var won = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => _db.Processed.TryMarkProcessedAsync("telegram", "update:race"))));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task Prune_forgets_only_older_messages()
    {
        await _db.Processed.TryMarkProcessedAsync("telegram", "old");
        _db.Clock.Advance(TimeSpan.FromDays(10));
        await _db.Processed.TryMarkProcessedAsync("telegram", "new");

        Assert.Equal(1, await _db.Processed.PruneAsync(_db.Clock.GetUtcNow().AddDays(-5)));
        Assert.False(await _db.Processed.IsProcessedAsync("telegram", "old"));
        Assert.True(await _db.Processed.IsProcessedAsync("telegram", "new"));
    }
}
