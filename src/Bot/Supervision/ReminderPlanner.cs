using System.Text;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Supervision;

/// <summary>One proactive message planned for one user in one slot (a long digest may have several parts).</summary>
/// <param name="Items">What it is about, for the CLI's JSON: the missing indicators ("4. Jumlah ...") or the jabatan digested.</param>
public sealed record PlannedMessage(ReminderKind Kind, Pengguna User, IReadOnlyList<Reply> Parts, IReadOnlyList<string> Items)
{
    public IEnumerable<Outgoing> Outgoing => Parts.Select(p => new Outgoing(User.Channel, User.ChannelUserId, p));
}

/// <summary>A user who gets nothing this slot, and why ("mati", "jeda", "memblokir bot", "lengkap", ...).</summary>
public sealed record PlanSkip(Pengguna User, string Reason);

public sealed record ReminderPlan(ReminderKind Kind, string Slot, Periode Periode, IReadOnlyList<PlannedMessage> Messages, IReadOnlyList<PlanSkip> Skipped);

/// <summary>
/// Decides who gets which proactive message at a moment. The weekly reminder goes to active users whose jabatan still
/// has countable indicators without any realization this month; the digest goes to active atasan/admin users whose
/// jabatan has people under it in the organisation tree. Users who turned it off, paused it, or blocked the bot get nothing.
/// </summary>
public sealed class ReminderPlanner(
    IkiKnowledge knowledge,
    PenggunaStore users,
    ReminderStore reminders,
    RekapBuilder rekap,
    ReportExamples examples)
{
    /// <summary>Telegram's limit is 4096 characters; leave room for the adapter's formatting.</summary>
    public const int MaxPartLength = 3500;

    public async Task<ReminderPlan> PlanRemindersAsync(string slot, DateTimeOffset at, CancellationToken ct = default)
    {
        var periode = Periode.Of(at);
        var (eligible, skipped) = await EligibleAsync(at, _ => true, ct);
        var byJabatan = eligible.GroupBy(u => knowledge.Kb.Find(u.Jabatan!)!.Nama).ToList();
        var table = await rekap.BuildAsync(PeriodeRange.Month(periode), byJabatan.Select(g => g.Key), ct);
        var messages = new List<PlannedMessage>();
        foreach (var group in byJabatan)
        {
            var jabatan = table.Jabatan.First(j => j.Jabatan == group.Key);
            var missing = jabatan.Belum;
            foreach (var user in group)
            {
                if (jabatan.Rows.Count == 0) { skipped.Add(new PlanSkip(user, "tidak ada indikator terukur")); continue; }
                if (missing.Count == 0) { skipped.Add(new PlanSkip(user, "lengkap")); continue; }
                messages.Add(new PlannedMessage(ReminderKind.Pengingat, user, [ReminderText(user, jabatan, periode)],
                    missing.Select(r => $"{r.No}. {r.Indikator}").ToList()));
            }
        }
        return new ReminderPlan(ReminderKind.Pengingat, slot, periode, messages, skipped);
    }

    public async Task<ReminderPlan> PlanDigestsAsync(string slot, DateTimeOffset at, CancellationToken ct = default)
    {
        var periode = Periode.Of(at);
        var (eligible, skipped) = await EligibleAsync(at, u => u.Peran is Peran.Atasan or Peran.Admin, ct);
        var messages = new List<PlannedMessage>();
        var underOf = eligible.Select(u => knowledge.Kb.Find(u.Jabatan!)!.Nama).Distinct()
            .ToDictionary(n => n, n => knowledge.Struktur.AllUnder(n));
        // One recap for every jabatan any atasan oversees; each digest is a slice of it.
        var all = await rekap.BuildAsync(PeriodeRange.Month(periode), underOf.Values.SelectMany(u => u), ct);
        foreach (var user in eligible)
        {
            var jabatan = knowledge.Kb.Find(user.Jabatan!)!.Nama;
            var under = underOf[jabatan];
            if (under.Count == 0) { skipped.Add(new PlanSkip(user, "tidak punya bawahan")); continue; }
            var table = all.Only(under);
            var text = DigestText(user, jabatan, table);
            var parts = MessageSplitter.Split(text, MaxPartLength).Select(p => new Reply(p)).ToList();
            messages.Add(new PlannedMessage(ReminderKind.Ringkasan, user, parts, under.ToList()));
        }
        return new ReminderPlan(ReminderKind.Ringkasan, slot, periode, messages, skipped);
    }

    private async Task<(List<Pengguna> Eligible, List<PlanSkip> Skipped)> EligibleAsync(DateTimeOffset at, Func<Pengguna, bool> role, CancellationToken ct)
    {
        var prefs = await reminders.PreferencesAsync(ct);
        var eligible = new List<Pengguna>();
        var skipped = new List<PlanSkip>();
        foreach (var user in await users.ListByStatusAsync(StatusPengguna.Aktif, ct))
        {
            // "cli" users are the report verb's stand-ins, not people who can receive a message.
            if (user.Channel == "cli" || user.Jabatan is null || knowledge.Kb.Find(user.Jabatan) is null || !role(user)) continue;
            var pref = prefs.GetValueOrDefault(user.Id);
            var why = pref switch
            {
                { BlockedAt: not null } => "memblokir bot",
                { Off: true } => "pengingat dimatikan",
                { PausedUntil: { } until } when until > at => $"dijeda sampai {JakartaTime.From(until):dd/MM/yyyy HH:mm}",
                _ => null,
            };
            if (why is null) eligible.Add(user);
            else skipped.Add(new PlanSkip(user, why));
        }
        return (eligible, skipped);
    }

    private Reply ReminderText(Pengguna user, RekapJabatan jabatan, Periode periode)
    {
        var j = knowledge.Kb.Find(jabatan.Jabatan)!;
        var text = new StringBuilder();
        text.Append($"*Pengingat laporan IKI — {periode.Label}*\n");
        text.Append($"Yth. {user.NamaTampilan} ({jabatan.Jabatan}), {Count(jabatan.Belum.Count)} berikut belum ada realisasinya bulan ini:\n");
        foreach (var row in jabatan.Belum)
        {
            var example = examples.For(j, j.Indikator.First(r => r.No == row.No));
            text.Append($"• {row.No}. {Short(row.Indikator, 70)} — contoh: \"{example}\"\n");
        }
        if (jabatan.Dilaporkan > 0) text.Append($"Sudah dilaporkan: {jabatan.Dilaporkan} dari {jabatan.Rows.Count} indikator.\n");
        text.Append("Kirim satu pesan per indikator; bila memang tidak ada kegiatan, laporkan 0.\n");
        text.Append("Atur pengingat: /pengingat jeda 2 minggu atau /pengingat mati.");
        return new Reply(text.ToString(), [new Choice("Jeda 2 minggu", "/pengingat jeda 2 minggu"), new Choice("Matikan pengingat", "/pengingat mati")]);
    }

    public static string DigestText(Pengguna user, string jabatan, Rekap table)
    {
        var periode = table.Range.Label;
        var text = new StringBuilder();
        text.Append($"*Ringkasan mingguan — {periode}*\n");
        text.Append($"Untuk {user.NamaTampilan} ({jabatan}): {table.Jabatan.Count} jabatan di bawah Anda.\n");
        var notReported = new List<string>();
        foreach (var j in table.Jabatan)
        {
            var who = j.Pelapor.Count == 0 ? "belum ada pengguna terdaftar" : string.Join(", ", j.Pelapor.Select(p => p.NamaTampilan));
            var noTargets = j.Rows.Count > 0 && j.Rows.All(r => r.Target is null) ? " · target belum ditetapkan" : "";
            text.Append($"\n*{j.Jabatan}* — {who}{noTargets}\n");
            if (j.Rows.Count == 0) { text.Append("(tidak ada indikator terukur)\n"); continue; }
            foreach (var r in j.Rows)
            {
                var month = r.Dilaporkan ? r.Realisasi.ToString(System.Globalization.CultureInfo.InvariantCulture) : "belum";
                var target = r.Target is { } t ? $" · s.d. bulan ini {r.RealisasiTahunBerjalan} dari target {t}{Percent(r.CapaianTahunBerjalan)}" : "";
                text.Append($"{r.No}. {Short(r.Indikator, 55)}: {month}{target}\n");
            }
            if (j.Belum.Count > 0)
            {
                var names = j.Pelapor.Count == 0 ? "(belum ada pengguna)" : string.Join(", ", j.Pelapor.Select(p => p.NamaTampilan));
                notReported.Add($"• {names} — {j.Jabatan}: {j.Belum.Count} dari {j.Rows.Count} indikator belum");
            }
        }
        text.Append(notReported.Count == 0 ? "\nSemua indikator sudah dilaporkan bulan ini." : $"\n*Belum melapor lengkap ({periode}):*\n{string.Join("\n", notReported)}");
        return text.ToString();
    }

    private static string Percent(double? p) => p is { } v ? $" ({v:0.#}%)" : "";
    private static string Count(int n) => n == 1 ? "1 indikator" : $"{n} indikator";
    public static string Short(string s, int max) => s.Length > max ? s[..max].TrimEnd() + "…" : s;
}
