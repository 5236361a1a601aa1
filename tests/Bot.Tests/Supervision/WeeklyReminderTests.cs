using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Supervision;
using IkiBot.Data;
using static IkiBot.Bot.Tests.Supervision.SupervisionBot;

namespace IkiBot.Bot.Tests.Supervision;

public class WeeklyReminderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static async Task<T> Within<T>(Task<T> task)
    {
        var done = await Task.WhenAny(task, Task.Delay(Patience));
        Assert.True(done == task, "the reminder loop did not get there in time");
        return await task;
    }

    [Fact]
    public async Task The_loop_fires_at_the_configured_WIB_time_and_not_before()
    {
        using var bot = new SupervisionBot(); // Friday 13:00 WIB, cron "0 14 * * 5"
        await bot.UserAsync("11", SeksiDn);
        var service = bot.Services.CreateReminderService(bot.Sender);
        var firstSleep = service.Sleeping;
        await service.StartAsync(CancellationToken.None);
        try
        {
            var wake = await Within(firstSleep);
            Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.FromHours(7)), wake);
            Assert.Empty(bot.Sender.Sent);

            bot.Clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59)); // 13:59:59 WIB
            await Task.Delay(200);
            Assert.Empty(bot.Sender.Sent);

            var nextSleep = service.Sleeping;
            bot.Clock.Advance(TimeSpan.FromSeconds(1)); // 14:00:00 WIB = 07:00 UTC
            var wakeAgain = await Within(nextSleep);
            var reminder = Assert.Single(bot.Sender.Sent);
            Assert.Equal(("telegram", "11"), (reminder.Channel, reminder.UserId));
            Assert.StartsWith("*Pengingat laporan IKI — November 2026*", reminder.Reply.Text);
            Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(7)), wakeAgain); // sleeps at most an hour
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void A_configured_cron_is_read_in_Jakarta_time()
    {
        var schedule = new ReminderSchedule("30 8 * * 1"); // Monday 08:30 WIB
        var next = schedule.Next(FridayOneOClock)!;
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero), next.At.ToUniversalTime());
        Assert.Equal("2026-11-30T08:30", next.Id);
        Assert.Throws<FormatException>(() => new ReminderSchedule("every friday"));
    }

    [Fact]
    public void A_holiday_skips_or_moves_the_reminder_as_configured()
    {
        var christmas = new DateOnly(2026, 12, 25); // a Friday
        var after = new DateTimeOffset(2026, 12, 19, 0, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal("2027-01-01T14:00", new ReminderSchedule("0 14 * * 5", [christmas]).Next(after)!.Id);
        Assert.Equal("2026-12-24T14:00", new ReminderSchedule("0 14 * * 5", [christmas], holiday: NonWorkingDayPolicy.Move).Next(after)!.Id);
        Assert.Equal("2026-12-28T14:00", new ReminderSchedule("0 14 * * 5", [christmas], holiday: NonWorkingDayPolicy.Later).Next(after)!.Id);
        Assert.Equal("2026-12-25T14:00", new ReminderSchedule("0 14 * * 5", [christmas], holiday: NonWorkingDayPolicy.Send).Next(after)!.Id);

        // A daily reminder with weekends moved forward lands once on Monday, not three times.
        var daily = new ReminderSchedule("0 9 * * *", weekend: NonWorkingDayPolicy.Later);
        var slots = daily.Slots(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(["2026-11-27T09:00", "2026-11-30T09:00"], slots.Select(s => s.Id).ToArray());
    }

    [Fact]
    public async Task Nothing_goes_out_on_a_skipped_holiday()
    {
        var settings = new ReminderSettings { Holidays = [new DateOnly(2026, 11, 27)] };
        using var bot = new SupervisionBot(reminders: settings);
        await bot.UserAsync("11", SeksiDn);
        bot.SetWib(2026, 11, 27, 14, 0);
        var runner = bot.Runner();
        Assert.Empty(await runner.RunDueAsync());
        Assert.Empty(bot.Sender.Sent);
        Assert.Equal("2026-12-04T14:00", runner.Reminders.Next(bot.Clock.GetUtcNow())!.Id);
    }

    [Fact]
    public async Task Only_active_users_with_missing_realizations_get_it_listing_each_missing_indicator_with_a_working_example()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("done", Bendahara, nama: "Lengkap");
        await bot.UserAsync("half", SeksiDn, nama: "Budi");
        await bot.UserAsync("pending", SeksiDn, status: StatusPengguna.Menunggu);
        await bot.UserAsync("blocked", SeksiDn, status: StatusPengguna.Diblokir);
        await bot.UserAsync("nojabatan", null);
        foreach (var report in new[] { "SPP diajukan 3", "SP2D dibuat 4", "laporan pertanggungjawaban 1", "laporan fungsional 1", "pemeriksaan kas dilakukan 0" })
            await bot.ReportAsync("done", report);
        await bot.ReportAsync("half", "pendaftaran pencaker 57");

        bot.SetWib(2026, 11, 27, 14, 0);
        var outcomes = await bot.Runner().RunDueAsync();
        var run = Assert.Single(outcomes, o => o.Kind == ReminderKind.Pengingat);
        Assert.True(run.Finished);

        var sent = Assert.Single(bot.Sender.Sent);
        Assert.Equal("half", sent.UserId);
        var text = sent.Reply.Text;
        Assert.Contains("Yth. Budi (SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI), 5 indikator", text);
        Assert.DoesNotContain("3. Jumlah pendaftaran", text); // reported already
        Assert.Contains("Sudah dilaporkan: 1 dari 6 indikator.", text);
        Assert.Contains(run.Skipped, s => s.User.ChannelUserId == "done" && s.Reason == "lengkap");

        // Each listed line carries an example, and each example, sent as it stands, is stored on that very row.
        var lines = text.Split('\n').Where(l => l.StartsWith("• ")).ToList();
        Assert.Equal(5, lines.Count);
        foreach (var line in lines)
        {
            var no = int.Parse(line[2..line.IndexOf('.')]);
            var example = line[(line.IndexOf("contoh: \"", StringComparison.Ordinal) + 9)..^1];
            var reply = await bot.Say(example, "half");
            Assert.Contains("Tercatat", reply.Text);
            Assert.Contains($"\n{no}. ", "\n" + reply.Text.Split('\n')[1]);
        }
        var entries = await bot.Services.Realisasi.ListByJabatanAsync(SeksiDn, "2026-11");
        Assert.Equal([1, 2, 3, 4, 5, 6], entries.Select(e => e.IndikatorNo).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task Pause_and_off_are_respected_until_lifted()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("paused", SeksiDn);
        await bot.UserAsync("off", SeksiDn);
        await bot.UserAsync("on", SeksiDn);
        Assert.Contains("dijeda sampai 11/12/2026", (await bot.Say("/pengingat jeda 2 minggu", "paused")).Text);
        Assert.Contains("dimatikan", (await bot.Say("/pengingat mati", "off")).Text);
        Assert.Contains("mati", (await bot.Say("/pengingat status", "off")).Text);

        var runner = bot.Runner();
        bot.SetWib(2026, 11, 27, 14, 0);
        var first = Assert.Single(await runner.RunDueAsync(), o => o.Kind == ReminderKind.Pengingat);
        Assert.Equal(["on"], bot.Sender.Sent.Select(m => m.UserId).ToArray());
        Assert.Contains(first.Skipped, s => s.User.ChannelUserId == "paused" && s.Reason.StartsWith("dijeda sampai 11/12/2026"));
        Assert.Contains(first.Skipped, s => s.User.ChannelUserId == "off" && s.Reason == "pengingat dimatikan");

        bot.SetWib(2026, 12, 4, 14, 0); // a week later: still paused, still off
        await runner.RunDueAsync();
        Assert.Equal(["on", "on"], bot.Sender.Sent.Select(m => m.UserId).ToArray());

        bot.SetWib(2026, 12, 11, 14, 0); // the pause runs to the end of its last day
        await runner.RunDueAsync();
        Assert.Equal(3, bot.Sender.Sent.Count);

        Assert.Contains("menyala", (await bot.Say("/pengingat hidup", "off")).Text);
        bot.SetWib(2026, 12, 18, 14, 0);
        await runner.RunDueAsync();
        Assert.Equal(6, bot.Sender.Sent.Count);
        Assert.Equal(["off", "on", "paused"], bot.Sender.Sent.Skip(3).Select(m => m.UserId).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_restart_after_the_reminder_does_not_send_it_again()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("11", SeksiDn);
        bot.SetWib(2026, 11, 27, 14, 0);
        await bot.Runner().RunDueAsync();
        Assert.Single(bot.Sender.Sent);

        bot.Restart();
        bot.SetWib(2026, 11, 27, 14, 5);
        var service = bot.Services.CreateReminderService(bot.Sender);
        var sleeping = service.Sleeping;
        await service.StartAsync(CancellationToken.None);
        await Within(sleeping);
        await service.StopAsync(CancellationToken.None);
        Assert.Single(bot.Sender.Sent);
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_slot_sends_the_rest_after_restart_and_nobody_twice()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("a", SeksiDn);
        await bot.UserAsync("b", Bendahara);
        bot.SetWib(2026, 11, 27, 14, 0);
        using var crash = new CancellationTokenSource();
        var dying = new CrashAfterOne(bot.Sender, crash);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bot.Runner(dying).RunDueAsync(crash.Token));
        Assert.Equal(["a"], bot.Sender.Sent.Select(m => m.UserId).ToArray());

        bot.Restart();
        bot.SetWib(2026, 11, 27, 14, 20);
        await bot.Runner().RunDueAsync();
        Assert.Equal(["a", "b"], bot.Sender.Sent.Select(m => m.UserId).ToArray());
        Assert.Empty(await bot.Runner().RunDueAsync());
    }

    [Fact]
    public async Task A_reminder_missed_while_down_goes_out_once_on_start_the_same_day_only()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("11", SeksiDn);

        bot.SetWib(2026, 11, 27, 16, 30); // the bot was down at 14:00
        var service = bot.Services.CreateReminderService(bot.Sender);
        var sleeping = service.Sleeping;
        await service.StartAsync(CancellationToken.None);
        await Within(sleeping);
        await service.StopAsync(CancellationToken.None);
        Assert.Single(bot.Sender.Sent);

        bot.Restart();
        bot.SetWib(2026, 11, 27, 17, 0);
        Assert.Empty(await bot.Runner().RunDueAsync());
        Assert.Single(bot.Sender.Sent);

        // Down through the next Friday: on Saturday morning that reminder is not sent late.
        bot.SetWib(2026, 12, 5, 8, 0);
        Assert.Empty(await bot.Runner().RunDueAsync());
        Assert.Single(bot.Sender.Sent);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_marked_and_not_tried_again_until_they_write()
    {
        using var bot = new SupervisionBot();
        var user = await bot.UserAsync("11", SeksiDn);
        bot.Sender.BlockedUsers.Add("telegram:11");
        bot.SetWib(2026, 11, 27, 14, 0);
        var run = Assert.Single(await bot.Runner().RunDueAsync(), o => o.Kind == ReminderKind.Pengingat);
        Assert.Equal("diblokir", Assert.Single(run.Deliveries).Status);
        Assert.True(run.Finished);
        Assert.NotNull((await bot.Services.Reminders.PreferenceAsync(user.Id))!.BlockedAt);
        var attempts = bot.Sender.Attempts;

        bot.SetWib(2026, 12, 4, 14, 0);
        var next = Assert.Single(await bot.Runner().RunDueAsync(), o => o.Kind == ReminderKind.Pengingat);
        Assert.Empty(next.Deliveries);
        Assert.Contains(next.Skipped, s => s.Reason == "memblokir bot");
        Assert.Equal(attempts, bot.Sender.Attempts);

        bot.Sender.BlockedUsers.Clear();
        await bot.Say("/laporanku", "11"); // unblocked and writing again
        Assert.Null((await bot.Services.Reminders.PreferenceAsync(user.Id))!.BlockedAt);
        bot.SetWib(2026, 12, 11, 14, 0);
        await bot.Runner().RunDueAsync();
        Assert.Single(bot.Sender.Sent);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_within_the_day()
    {
        using var bot = new SupervisionBot();
        await bot.UserAsync("11", SeksiDn);
        bot.Sender.FailNext = 1;
        bot.SetWib(2026, 11, 27, 14, 0);
        var runner = bot.Runner();
        var first = Assert.Single(await runner.RunDueAsync(), o => o.Kind == ReminderKind.Pengingat);
        Assert.False(first.Finished);
        Assert.Equal(bot.Clock.GetUtcNow() + ReminderRunner.RetryInterval, await runner.NextWakeAsync());

        bot.Clock.Advance(ReminderRunner.RetryInterval);
        var second = Assert.Single(await runner.RunDueAsync(), o => o.Kind == ReminderKind.Pengingat);
        Assert.True(second.Finished);
        Assert.Single(bot.Sender.Sent);
        var delivery = Assert.Single(await bot.Services.Reminders.DeliveriesAsync(ReminderKind.Pengingat));
        Assert.Equal((DeliveryStatus.Delivered, 2), (delivery.Status, delivery.Attempts));
    }

    /// <summary>Delivers one message, then the process "dies" (cancellation) before the next.</summary>
    private sealed class CrashAfterOne(IOutgoingSender inner, CancellationTokenSource crash) : IOutgoingSender
    {
        private int _count;

        public async Task<SendResult> SendAsync(Outgoing message, CancellationToken ct = default)
        {
            if (++_count > 1)
            {
                await crash.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }
            return await inner.SendAsync(message, ct);
        }
    }
}
