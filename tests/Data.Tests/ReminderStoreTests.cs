namespace IkiBot.Data.Tests;

public sealed class ReminderStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    public void Dispose() => _db.Dispose();

    private ReminderStore Store => new(_db.Factory, _db.Clock);

    [Fact]
    public async Task A_slot_is_claimed_once_per_user_and_kept_across_a_restart()
    {
        var user = await _db.UserAsync("u1");
        var claim = await Store.ClaimAsync(ReminderKind.Pengingat, "2026-11-27T14:00", user.Id);
        Assert.NotNull(claim);
        Assert.Null(await Store.ClaimAsync(ReminderKind.Pengingat, "2026-11-27T14:00", user.Id)); // being sent
        await Store.RecordAsync(claim!.Id, DeliveryStatus.Delivered);
        await Store.FinishRunAsync(ReminderKind.Pengingat, "2026-11-27T14:00", 1);

        _db.Restart();
        Assert.Null(await Store.ClaimAsync(ReminderKind.Pengingat, "2026-11-27T14:00", user.Id));
        Assert.True(await Store.IsRunFinishedAsync(ReminderKind.Pengingat, "2026-11-27T14:00"));
        Assert.False(await Store.IsRunFinishedAsync(ReminderKind.Ringkasan, "2026-11-27T14:00"));
        Assert.NotNull(await Store.ClaimAsync(ReminderKind.Ringkasan, "2026-11-27T14:00", user.Id)); // another kind, its own claim
        Assert.Equal("delivered", _db.Text("SELECT \"Status\" FROM \"ReminderDelivery\" WHERE \"Kind\" = 'pengingat'"));
    }

    [Fact]
    public async Task Failures_are_retried_up_to_the_limit_and_a_stale_claim_after_its_lease()
    {
        var user = await _db.UserAsync("u1");
        for (var attempt = 1; attempt <= ReminderStore.MaxAttempts; attempt++)
        {
            var claim = await Store.ClaimAsync(ReminderKind.Pengingat, "s", user.Id);
            Assert.Equal(attempt, claim!.Attempts);
            await Store.RecordAsync(claim.Id, DeliveryStatus.Failed, "timeout");
        }
        Assert.Null(await Store.ClaimAsync(ReminderKind.Pengingat, "s", user.Id));

        Assert.NotNull(await Store.ClaimAsync(ReminderKind.Pengingat, "t", user.Id)); // then the process dies
        Assert.Null(await Store.ClaimAsync(ReminderKind.Pengingat, "t", user.Id));
        _db.Clock.Advance(ReminderStore.ClaimLease);
        Assert.Equal(2, (await Store.ClaimAsync(ReminderKind.Pengingat, "t", user.Id))!.Attempts);
    }

    [Fact]
    public async Task Preferences_off_pause_and_blocked_are_stored_and_audited()
    {
        var user = await _db.UserAsync("u1");
        await Store.SetOffAsync(user.Id, true);
        await Store.PauseUntilAsync(user.Id, _db.Clock.GetUtcNow().AddDays(14));
        await Store.MarkBlockedAsync(user.Id);
        _db.Restart();
        var pref = (await Store.PreferencesAsync())[user.Id];
        Assert.True(pref.Off);
        Assert.NotNull(pref.PausedUntil);
        Assert.NotNull(pref.BlockedAt);

        await Store.ClearBlockedAsync("telegram", "u1");
        Assert.Null((await Store.PreferenceAsync(user.Id))!.BlockedAt);
        await Store.SetOffAsync(user.Id, false);
        pref = (await Store.PreferenceAsync(user.Id))!;
        Assert.False(pref.Off);
        Assert.Null(pref.PausedUntil);
        Assert.Equal(3, _db.Scalar("SELECT COUNT(*) FROM \"AuditEntry\" WHERE \"Aksi\" LIKE 'pengingat.%'"));
    }
}
