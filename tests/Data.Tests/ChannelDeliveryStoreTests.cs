namespace IkiBot.Data.Tests;

public class ChannelDeliveryStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private ChannelDeliveryStore Store => new(_db.Factory, _db.Clock);

    [Fact]
    public async Task A_commit_marks_the_update_moves_the_cursor_and_queues_the_replies_together()
    {
        Assert.Null(await Store.GetCursorAsync("telegram"));
        Assert.True(await Store.CommitAsync("telegram", "10", 10, [new OutboxDraft("5", "{\"a\":1}"), new OutboxDraft("6", "{}", [1, 2])],
            new Dictionary<string, string> { ["~abc"] = "/tugas panjang" }));
        Assert.Equal(10, await Store.GetCursorAsync("telegram"));
        Assert.True(await Store.IsHandledAsync("telegram", "10"));
        Assert.Equal("/tugas panjang", await Store.FindButtonPayloadAsync("~abc"));
        var pending = await Store.PendingAsync("telegram", 0);
        Assert.Equal(["5", "6"], pending.Select(p => p.ChatId));
        Assert.Equal([1, 2], pending[1].File);
    }

    [Fact]
    public async Task A_draft_for_another_channel_is_queued_in_that_channels_outbox_with_the_update()
    {
        Assert.True(await Store.CommitAsync("teams", "act-1", null,
            [new OutboxDraft("a:1budi", "{\"type\":\"message\"}"), new OutboxDraft("900", "{\"text\":\"Permintaan\"}", null, "telegram")]));
        Assert.Equal(["a:1budi"], (await Store.PendingAsync("teams", 0)).Select(p => p.ChatId));
        Assert.Equal(["900"], (await Store.PendingAsync("telegram", 0)).Select(p => p.ChatId));
        Assert.True(await Store.IsHandledAsync("teams", "act-1"));
        Assert.False(await Store.IsHandledAsync("telegram", "act-1"));
    }

    [Fact]
    public async Task A_second_commit_of_the_same_update_writes_nothing_and_the_cursor_never_goes_back()
    {
        Assert.True(await Store.CommitAsync("telegram", "20", 20, [new OutboxDraft("5", "{}")]));
        Assert.False(await Store.CommitAsync("telegram", "20", 20, [new OutboxDraft("5", "{}")]));
        Assert.True(await Store.CommitAsync("telegram", "15", 15, []));
        Assert.Equal(20, await Store.GetCursorAsync("telegram"));
        Assert.Single(await Store.PendingAsync("telegram", 0));
        _db.Restart();
        Assert.Equal(20, await Store.GetCursorAsync("telegram"));
        Assert.False(await Store.CommitAsync("telegram", "20", 20, []));
    }

    [Fact]
    public async Task Delivered_rows_leave_and_refused_rows_stay_marked_failed()
    {
        await Store.CommitAsync("telegram", "1", 1, [new OutboxDraft("5", "a"), new OutboxDraft("5", "b"), new OutboxDraft("6", "c")]);
        var rows = await Store.PendingAsync("telegram", 0);
        await Store.DeliveredAsync(rows[0].Id);
        await Store.AttemptFailedAsync(rows[1].Id, "502 Bad Gateway", final: false);
        await Store.AttemptFailedAsync(rows[2].Id, "403 Forbidden", final: true);
        var left = await Store.PendingAsync("telegram", 0);
        Assert.Equal(("b", 1, "502 Bad Gateway"), (left.Single().Payload, left.Single().Attempts, left.Single().LastError));
        var failed = Assert.Single(await Store.FailedAsync("telegram"));
        Assert.Equal(("c", _db.Clock.GetUtcNow()), (failed.Payload, failed.FailedAt!.Value));
        Assert.Empty(await Store.PendingAsync("telegram", left.Single().Id));
        Assert.Empty(await Store.PendingAsync("teams", 0));
    }

    [Fact]
    public async Task A_row_keeps_its_priority_across_a_restart_and_a_manual_retry()
    {
        await Store.CommitAsync("telegram", "proaktif:1", null, [new OutboxDraft("5", "pengingat", Priority: OutboxPriority.Bulk)]);
        await Store.CommitAsync("telegram", "2", 2, [new OutboxDraft("5", "jawaban")]);
        _db.Restart();
        var rows = await Store.PendingAsync("telegram", 0);
        Assert.Equal([("pengingat", OutboxPriority.Bulk), ("jawaban", OutboxPriority.Interactive)], rows.Select(r => (r.Payload, r.Priority)));

        await Store.AttemptFailedAsync(rows[0].Id, "502 Bad Gateway", final: true);
        var again = await Store.RetryAsync(rows[0].Id);
        Assert.Equal(OutboxPriority.Bulk, (await Store.PendingAsync("telegram", 0)).Single(r => r.Id == again).Priority);
    }

    public void Dispose() => _db.Dispose();
}
