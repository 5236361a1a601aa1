using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>
/// Issue 13 item 4: three real bot processes in webhook mode on one fresh PostgreSQL database, each with its own fake Bot API (together: Telegram).
/// Updates from 50 users go to the replicas in turn (to another one when a replica does not answer, as a load
/// balancer and Telegram's redelivery would), a weekly reminder slot is due for the seeded users, and the replica that
/// holds the sender lease is killed with SIGKILL half-way. Every update is answered once, every reminder goes once,
/// and no sliding second over all the fakes holds more than 30 sends. The one allowed exception is at least once for
/// a message in flight at the kill (Telegram took it, the row was not yet deleted): counted and reported.
/// Small by default (150 updates, 150 reminders); IKIBOT_BENCH=1 runs the size (1,000 and 1,000).
/// </summary>
public sealed class ReplicaTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "replika_Secret-1";
    private const int Users = 50;
    private const long AskerBase = 810_000;
    private const long RemindedBase = 710_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikibot-telegram-replicas", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<string> _log = new();
    private readonly List<Replica> _replicas = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private sealed record Replica(int Index, Process Process, string Endpoint)
    {
        public bool Killed { get; set; }
    }

    private static readonly string[] Questions = ["/tugas kasi phi", "/fungsi kasi phi", "/indikator kasi phi"];

    [PostgresFact]
    public async Task Three_replicas_answer_every_update_once_send_every_reminder_once_and_keep_30_per_second_when_the_sender_is_killed()
    {
        var full = Environment.GetEnvironmentVariable("IKIBOT_BENCH") == "1";
        var updates = full ? 1000 : 150;
        var reminded = full ? 1000 : 150;
        Directory.CreateDirectory(_folder);
        await using var pg = await FreshPostgresDatabase.CreateAsync();
        // One fake Bot API per replica, so each send is known by who made it; together they are "Telegram".
        await using var fake0 = await FakeBotApi.StartAsync();
        await using var fake1 = await FakeBotApi.StartAsync();
        await using var fake2 = await FakeBotApi.StartAsync();
        FakeBotApi[] fakes = [fake0, fake1, fake2];

        // Schema and users before any replica starts: the slot is planned once they are there.
        var database = Database.OpenPostgres(pg.ConnectionString);
        var jabatan = BotUnderTest.Bundled.ResolveJabatan("kasi phi", out _)!;
        await using (var db = database.CreateDbContext())
        {
            for (var i = 0; i < reminded; i++)
                db.Pengguna.Add(new Pengguna
                {
                    Channel = TelegramOptions.Channel, ChannelUserId = (RemindedBase + i).ToString(), NamaTampilan = "Staf " + i,
                    Jabatan = jabatan, Peran = Peran.Staf, Status = StatusPengguna.Aktif, DibuatPada = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
        }

        // A weekly slot at this minute (Jakarta), so it is due as soon as a replica starts.
        var jakarta = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var cron = $"{jakarta.Minute} {jakarta.Hour} * * {(int)jakarta.DayOfWeek}";
        var token = BotUnderTest.NewToken();
        var started = Stopwatch.StartNew();
        _replicas.Add(StartReplica(0, token, fake0.Url, pg.ConnectionString, cron));
        await Loopback.WaitUntilAsync(() => fake0.Succeeded("setWebhook").Count >= 1, TimeSpan.FromSeconds(60), () => "replica 0 started");
        _replicas.Add(StartReplica(1, token, fake1.Url, pg.ConnectionString, cron));
        _replicas.Add(StartReplica(2, token, fake2.Url, pg.ConnectionString, cron));
        await Loopback.WaitUntilAsync(() => fakes.All(f => f.Succeeded("setWebhook").Count >= 1), TimeSpan.FromSeconds(90), () => "three replicas started");
        output.WriteLine($"three replicas up after {started.Elapsed.TotalSeconds:0.0} s");

        var ids = Enumerable.Range(0, updates).Select(_ => fake0.NextUpdateId()).ToList();
        var redirected = 0;
        var answeredAt = new DateTime[updates]; // when the webhook said 200: the update is handled and its reply queued
        DateTime? killedAt = null;
        Replica? victim = null;
        using var gate = new SemaphoreSlim(8);
        var posts = new List<Task>();
        for (var k = 0; k < updates; k++)
        {
            if (k == updates / 2)
            {
                await Task.WhenAll(posts);
                // The slot is queued before the kill: a replica killed while queueing it would leave one claim
                // "sending", taken over only after the claim lease (10 min; see the README), too long for a test.
                await Loopback.WaitUntilAsync(async () => await QueuedRemindersAsync(database) == reminded, TimeSpan.FromSeconds(120),
                    () => "the reminder slot queued");
                var holder = await HolderAsync(database);
                victim = _replicas.Single(r => holder.Contains($":{r.Process.Id}:"));
                victim.Process.Kill(entireProcessTree: true);
                killedAt = DateTime.UtcNow;
                victim.Killed = true;
                await victim.Process.WaitForExitAsync();
                output.WriteLine($"killed replica {victim.Index} (the sender, {holder}) after {k} updates; sends so far: {Sends(fakes).Count}");
            }
            var n = k;
            await gate.WaitAsync();
            posts.Add(Task.Run(async () =>
            {
                try
                {
                    var user = AskerBase + n % Users;
                    var body = Update(ids[n], user, Questions[n / Users % Questions.Length]);
                    if (!await PostAnywhereAsync(body, n)) Interlocked.Increment(ref redirected);
                    answeredAt[n] = DateTime.UtcNow;
                }
                finally { gate.Release(); }
            }));
        }
        await Task.WhenAll(posts);
        output.WriteLine($"{updates} updates posted after {started.Elapsed.TotalSeconds:0.0} s ({redirected} went to another replica after a failure)");

        var perUser = updates / Users;
        await Loopback.WaitUntilAsync(() =>
            {
                var sends = Sends(fakes);
                return Enumerable.Range(0, Users).All(u => sends.Count(c => c.ChatId == AskerBase + u) >= perUser)
                       && Enumerable.Range(0, reminded).All(u => sends.Any(c => c.ChatId == RemindedBase + u));
            }, TimeSpan.FromSeconds(full ? 300 : 120),
            () => $"every answer and reminder; {Sends(fakes).Count} sends so far");
        await Task.Delay(3000); // anything sent twice would arrive now

        // Quiet now: one question to a replica that does not send. Its reply waits for the sender's next look at the table.
        var sender = await HolderAsync(database);
        var standby = _replicas.First(r => !r.Killed && !sender.Contains($":{r.Process.Id}:"));
        var lone = AskerBase + Users;
        var asked = DateTime.UtcNow;
        Assert.True(await PostAnywhereAsync(Update(fake0.NextUpdateId(), lone, Questions[0]), standby.Index));
        await Loopback.WaitUntilAsync(() => Sends(fakes).Any(c => c.ChatId == lone), TimeSpan.FromSeconds(20), () => "the lone answer");
        output.WriteLine($"a lone question to a standby replica answered at the fake {(Sends(fakes).Single(c => c.ChatId == lone).At - asked).TotalMilliseconds:0} ms later");
        var all = Sends(fakes);
        output.WriteLine($"all answers and reminders at the fake after {started.Elapsed.TotalSeconds:0.0} s; sends: {all.Count}");

        var extraAnswers = Enumerable.Range(0, Users).Sum(u => all.Count(c => c.ChatId == AskerBase + u) - perUser);
        var extraReminders = Enumerable.Range(0, reminded).Sum(u => all.Count(c => c.ChatId == RemindedBase + u) - 1);
        var beforeKill = all.Where(c => c.At <= killedAt).ToList();
        var inFlight = beforeKill.Count(c => c.At > killedAt!.Value.AddSeconds(-2));
        var firstAfter = all.Where(c => c.At > killedAt).Min(c => c.At);
        var busiest = OutboxPriorityTests.Busiest(all.Select(c => c.At).ToList());
        // A user's k-th answer belongs to their k-th update (each user's updates are 50 apart, so they go in order).
        var waits = Enumerable.Range(0, Users).SelectMany(u =>
                all.Where(c => c.ChatId == AskerBase + u).OrderBy(c => c.At).Take(perUser)
                    .Select((c, k) => (Posted: answeredAt[u + k * Users], Wait: (c.At - answeredAt[u + k * Users]).TotalMilliseconds)))
            .ToList();
        foreach (var (part, list) in new[] { ("before the kill", waits.Where(w => w.Posted < killedAt).ToList()), ("after it", waits.Where(w => w.Posted >= killedAt).ToList()) })
        {
            var ms = list.Select(w => w.Wait).Order().ToList();
            if (ms.Count > 0)
                output.WriteLine($"reply at the fake after the webhook's 200, {part} ({ms.Count}): p50 {ms[ms.Count / 2]:0} ms, " +
                                 $"p90 {ms[ms.Count * 9 / 10]:0} ms, max {ms[^1]:0} ms");
        }
        var replicasSeen = await HandledAsync(database, ids);
        output.WriteLine($"updates {updates} (handled {replicasSeen}), answers {all.Count(c => c.ChatId >= AskerBase && c.ChatId < AskerBase + Users)}, " +
                         $"reminders {all.Count(c => c.ChatId >= RemindedBase && c.ChatId < RemindedBase + reminded)}; " +
                         $"sent twice: {extraAnswers} answers, {extraReminders} reminders (arrived in the 2 s before the kill: {inFlight}); " +
                         $"busiest sliding second {busiest}; first send after the kill {(firstAfter - killedAt!.Value).TotalSeconds:0.0} s later " +
                         $"(lease {Hosting.SenderElection.Lease.TotalSeconds} s, renewed every {Hosting.SenderElection.Renew.TotalSeconds} s)");
        var sorted = all.OrderBy(c => c.At).ToList();
        foreach (var (at, window) in sorted.Select((c, k) => (c.At, sorted.Skip(k).TakeWhile(x => x.At - c.At < TimeSpan.FromSeconds(1)).ToList()))
                     .Where(w => w.Item2.Count > 30).Take(5))
            output.WriteLine($"second from {(at - killedAt.Value).TotalSeconds:0.00} s (kill = 0): {window.Count} sends, " +
                             string.Join(", ", window.GroupBy(c => c.Via).Select(g => $"{g.Count()} by replica {g.Key}")));
        output.WriteLine("sends by replica (first .. last, kill = 0): " + string.Join(", ", all.GroupBy(c => c.Via).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}: {g.Count()} ({(g.Min(c => c.At) - killedAt.Value).TotalSeconds:0.0} .. {(g.Max(c => c.At) - killedAt.Value).TotalSeconds:0.0} s)")));
        if (Environment.GetEnvironmentVariable("IKIBOT_REPLICA_LOG") is { Length: > 0 } logFile) File.WriteAllLines(logFile, _log);
        foreach (var line in _log.Where(l => l.Contains("giliran") || l.Contains("Pengingat ") || l.Contains("fail") || l.Contains("gagal")).Take(60))
            output.WriteLine(line);

        Assert.Equal(updates, replicasSeen);
        // At least once only for what the killed sender had handed to Telegram without deleting its row.
        Assert.InRange(extraAnswers, 0, inFlight);
        Assert.InRange(extraReminders, 0, inFlight - extraAnswers);
        Assert.True(busiest <= 30, $"busiest sliding second {busiest}");
        Assert.True(all.Count(c => c.At > killedAt) > 0);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.FailedAt == null));
            Assert.Equal(reminded, await db.Set<ReminderDelivery>().CountAsync(d => d.Status == DeliveryStatus.Queued));
        }
        database.ReleaseConnections();
    }

    private Replica StartReplica(int index, string token, string fakeUrl, string connection, string cron)
    {
        var port = Loopback.FreePort();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ikibot.dll")])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.Environment["Database__Provider"] = "postgres";
        psi.Environment["Database__ConnectionString"] = connection;
        psi.Environment["Telegram__Token"] = token;
        psi.Environment["Telegram__BaseUrl"] = fakeUrl;
        psi.Environment["Telegram__WebhookUrl"] = "https://bot.disnaker.example.go.id/telegram/hook";
        psi.Environment["Telegram__SecretToken"] = Secret;
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["Reminders__Cron"] = cron;
        psi.Environment["Reminders__Weekend"] = "Send";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue($"[{index}] {e.Data}"); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue($"[{index}] ERR {e.Data}"); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return new Replica(index, p, $"http://127.0.0.1:{port}/telegram/hook");
    }

    /// <summary>Posts to replica n mod 3, then to the others in turn until one answers 200. False when the first did not.</summary>
    private async Task<bool> PostAnywhereAsync(string body, int n)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var replica = _replicas[(n + attempt) % _replicas.Count];
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, replica.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
                using var response = await _http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK) return attempt == 0;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (attempt >= _replicas.Count) await Task.Delay(200);
        }
        throw new InvalidOperationException("no replica took update " + n);
    }

    private static string Update(long id, long user, string text) => new JsonObject
    {
        ["update_id"] = id,
        ["message"] = new JsonObject
        {
            ["message_id"] = (int)(id % 1_000_000), ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = text,
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Pegawai" },
            ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
        },
    }.ToJsonString();

    /// <summary>Every accepted send at any of the fakes, with the replica that made it (<c>Via</c>).</summary>
    private static List<Send> Sends(FakeBotApi[] fakes) =>
        fakes.SelectMany((f, i) => f.Calls.Where(c => c.Status == 200 && c.Call.Method is "sendMessage" or "sendPhoto" or "sendDocument")
            .Select(c => new Send(c.Call.ChatId, c.Call.At, i))).ToList();

    private sealed record Send(long? ChatId, DateTime At, int Via);

    private static async Task<string> HolderAsync(IkiDbContextFactory database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Holder\" FROM \"SenderLease\" WHERE \"Name\" = 'outbox'", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> QueuedRemindersAsync(IkiDbContextFactory database)
    {
        await using var db = database.CreateDbContext();
        return await db.Set<ReminderDelivery>().CountAsync(d => d.Status == DeliveryStatus.Queued);
    }

    private static async Task<int> HandledAsync(IkiDbContextFactory database, IReadOnlyList<long> ids)
    {
        var wanted = ids.Select(i => i.ToString()).ToList();
        await using var db = database.CreateDbContext();
        return await db.ProcessedMessages.CountAsync(m => m.Channel == TelegramOptions.Channel && wanted.Contains(m.MessageId));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var r in _replicas.Where(r => !r.Killed))
        {
            try { r.Process.Kill(entireProcessTree: true); await r.Process.WaitForExitAsync(); }
            catch { }
        }
        _http.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch { }
    }
}
