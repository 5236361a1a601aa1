using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Supervision;

/// <summary>What happened to one planned message: "terkirim", "antri", "diblokir", "gagal", "sudah terkirim", "sedang dikirim", "akan dikirim" (dry run).</summary>
public sealed record DeliveryOutcome(PlannedMessage Message, string Status, string? Error = null);

public sealed record SlotOutcome(ReminderKind Kind, string Slot, Periode Periode, IReadOnlyList<DeliveryOutcome> Deliveries,
    IReadOnlyList<PlanSkip> Skipped, bool Finished);

/// <summary>
/// Works through a slot: plans it, claims each user's delivery in SQLite before sending (so a restart never sends a
/// delivered slot twice), sends through the channel's <see cref="IOutgoingSender"/>, records the result, marks users
/// who blocked the bot. A slot is finished when nobody is left with a transient failure and attempts to spare.
/// </summary>
public sealed class ReminderRunner(ReminderPlanner planner, ReminderStore store, IOutgoingSender sender, TimeProvider time, ReminderSettings settings)
{
    /// <summary>How soon an unfinished slot (transient failures) is tried again, within its day.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(15);

    public ReminderSchedule Reminders { get; } = ReminderSchedule.For(settings);
    public ReminderSchedule Digests { get; } = ReminderSchedule.For(settings, digest: true);
    public ReminderSettings Settings => settings;

    public ReminderSchedule ScheduleOf(ReminderKind kind) => kind == ReminderKind.Pengingat ? Reminders : Digests;

    /// <summary>
    /// Runs every kind's latest slot that is due: gone out at or before now, on today's date in Jakarta (so a reminder
    /// missed while the bot was down goes out once on start, the same day only), and not finished.
    /// </summary>
    public async Task<IReadOnlyList<SlotOutcome>> RunDueAsync(CancellationToken ct = default)
    {
        var outcomes = new List<SlotOutcome>();
        if (!settings.Enabled) return outcomes;
        foreach (var kind in new[] { ReminderKind.Pengingat, ReminderKind.Ringkasan })
        {
            var slot = await DueAsync(kind, ct);
            if (slot is not null) outcomes.Add(await RunSlotAsync(kind, slot.Id, slot.At, dryRun: false, ct));
        }
        return outcomes;
    }

    public async Task<ReminderSlot?> DueAsync(ReminderKind kind, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var slot = ScheduleOf(kind).Latest(now);
        if (slot is null || slot.Day != DateOnly.FromDateTime(JakartaTime.From(now).DateTime)) return null;
        return await store.IsRunFinishedAsync(kind, slot.Id, ct) ? null : slot;
    }

    /// <summary>When the loop should look again: the next slot of any kind, or sooner while a slot of today is unfinished.</summary>
    public async Task<DateTimeOffset?> NextWakeAsync(CancellationToken ct = default)
    {
        if (!settings.Enabled) return null;
        var now = time.GetUtcNow();
        DateTimeOffset? wake = null;
        foreach (var kind in new[] { ReminderKind.Pengingat, ReminderKind.Ringkasan })
        {
            if (ScheduleOf(kind).Next(now) is { } next && (wake is null || next.At < wake)) wake = next.At;
            if (await DueAsync(kind, ct) is not null && (wake is null || now + RetryInterval < wake)) wake = now + RetryInterval;
        }
        return wake;
    }

    public async Task<SlotOutcome> RunSlotAsync(ReminderKind kind, string slot, DateTimeOffset at, bool dryRun, CancellationToken ct = default)
    {
        var plan = kind == ReminderKind.Pengingat
            ? await planner.PlanRemindersAsync(slot, at, ct)
            : await planner.PlanDigestsAsync(slot, at, ct);
        var outcomes = new List<DeliveryOutcome>();
        var unfinished = false;
        foreach (var message in plan.Messages)
        {
            ct.ThrowIfCancellationRequested();
            if (dryRun)
            {
                var existing = await store.DeliveryAsync(kind, slot, message.User.Id, ct);
                outcomes.Add(new DeliveryOutcome(message, existing is null ? "akan dikirim" : StatusText(existing.Status, already: true), existing?.Error));
                continue;
            }
            var claim = await store.ClaimAsync(kind, slot, message.User.Id, ct);
            if (claim is null)
            {
                var existing = await store.DeliveryAsync(kind, slot, message.User.Id, ct);
                // Another run holds the claim (or a crash left it): look again later, when its lease has run out.
                if (existing is null or { Status: DeliveryStatus.Sending }) unfinished = true;
                outcomes.Add(new DeliveryOutcome(message, existing is null ? "sedang dikirim" : StatusText(existing.Status, already: true), existing?.Error));
                continue;
            }
            var result = await SendAsync(message, slot, ct);
            var status = result.Status switch
            {
                SendStatus.Delivered => DeliveryStatus.Delivered,
                SendStatus.Queued => DeliveryStatus.Queued,
                SendStatus.Blocked => DeliveryStatus.Blocked,
                _ => DeliveryStatus.Failed,
            };
            await store.RecordAsync(claim.Id, status, result.Error, CancellationToken.None);
            if (status == DeliveryStatus.Blocked) await store.MarkBlockedAsync(message.User.Id, CancellationToken.None);
            if (status == DeliveryStatus.Failed && claim.Attempts < ReminderStore.MaxAttempts) unfinished = true;
            outcomes.Add(new DeliveryOutcome(message, StatusText(status, already: false), result.Error));
        }
        var sent = outcomes.Count(o => o.Status is "terkirim" or "antri");
        if (!dryRun && !unfinished) await store.FinishRunAsync(kind, slot, sent, ct);
        return new SlotOutcome(kind, slot, plan.Periode, outcomes, plan.Skipped, !dryRun && !unfinished);
    }

    private async Task<SendResult> SendAsync(PlannedMessage message, string slot, CancellationToken ct)
    {
        SendResult last = SendResult.Delivered;
        // Keyed by slot, user and part: a claim taken over after a crash between queueing and recording queues nothing twice.
        foreach (var outgoing in message.Outgoing.Select((o, part) => o with { Key = $"{message.Kind}:{slot}:{message.User.Id}:{part}" }))
        {
            try
            {
                last = await sender.SendAsync(outgoing, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                last = new SendResult(SendStatus.Failed, e.Message);
            }
            if (!last.Succeeded) return last;
        }
        return last;
    }

    private static string StatusText(DeliveryStatus status, bool already) => status switch
    {
        DeliveryStatus.Delivered => already ? "sudah terkirim" : "terkirim",
        DeliveryStatus.Queued => already ? "sudah terkirim" : "antri",
        DeliveryStatus.Blocked => "diblokir",
        DeliveryStatus.Failed => already ? "gagal sebelumnya" : "gagal",
        _ => "sedang dikirim",
    };
}
