using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IkiBot.Bot.Supervision;
using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Organisation;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Conversation.Supervision;

/// <summary>
/// /rekap [periode] for atasan and admin over their part of the organisation tree (staf keep the reporting desk's
/// own /rekap), /ekspor [periode | TW I..IV | tahun] (an .xlsx), /grafik [indikator] (a PNG), and
/// /pengingat mati | hidup | jeda 2 minggu | status.
/// </summary>
public sealed partial class SupervisorDesk(
    IkiKnowledge knowledge,
    PenggunaStore users,
    ReminderStore reminders,
    RekapBuilder rekap,
    ReportInterpreter interpreter,
    ReminderSchedule? schedule,
    TimeProvider time) : ICommandDesk
{
    public static readonly TimeSpan MaxPause = TimeSpan.FromDays(183);

    public IReadOnlyList<string> HelpLines { get; } =
    [
        "/ekspor [periode | TW I..IV | tahun] — berkas Excel untuk e-Kinerja",
        "/grafik [indikator] — grafik realisasi bulanan terhadap target",
        "/pengingat mati | hidup | jeda 2 minggu | status — pengingat mingguan",
    ];

    public Task ObserveAsync(Incoming message, CancellationToken ct) =>
        reminders.ClearBlockedAsync(message.Channel, message.UserId, ct);

    public async Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        switch (command)
        {
            case "/rekap":
            {
                var user = await users.FindAsync(message.Channel, message.UserId, ct);
                if (user is not { Status: StatusPengguna.Aktif, Peran: Peran.Atasan or Peran.Admin }) return null; // staf: the reporting desk's own /rekap
                // An atasan with nobody under them asking plainly gets the reporting desk's own recap (year and month) too.
                if (user.Peran == Peran.Atasan && argument.Length == 0 && (user.Jabatan is null || knowledge.Struktur.AllUnder(user.Jabatan).Count == 0)) return null;
                return await RekapAsync(user, argument, ct);
            }
            case "/ekspor" or "/export":
                return await ExportAsync(message, argument, ct);
            case "/grafik" or "/chart":
                return await ChartAsync(message, argument, ct);
            case "/pengingat":
                return await ReminderAsync(message, argument, ct);
            default:
                return null;
        }
    }

    // ---- /rekap ----

    [GeneratedRegex(@"\b(?:detail|detil|rinci|rincian|lengkap)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DetailWord();

    private async Task<TurnResult> RekapAsync(Pengguna user, string argument, CancellationToken ct)
    {
        var detail = DetailWord().IsMatch(argument);
        argument = DetailWord().Replace(argument, " ").Trim();
        if (!PeriodeRange.TryParse(argument, time.GetUtcNow(), out var range))
            return new TurnResult(new Reply(PeriodeHelp("/rekap", argument)));
        var scope = Scope(user);
        if (scope.Count == 0)
            return new TurnResult(new Reply("Jabatan Anda belum dipilih atau tidak ada dalam dokumen IKI. Pilih dengan /jabatan saya <nama jabatan>."));
        var table = await rekap.BuildAsync(range, scope, ct);
        // A head of many jabatan (the Kepala Dinas, an admin) gets the short summary first.
        if (!detail && table.Jabatan.Count > RekapSummary.DetailUpTo)
        {
            var head = user.Peran == Peran.Admin ? StrukturOrganisasi.KepalaDinas : user.Jabatan!;
            var summary = RekapSummary.Write(table, range, head, knowledge, argument.Length == 0 ? "" : RangeArgument(range));
            return new TurnResult(MessageSplitter.Split(summary, ReminderPlanner.MaxPartLength).Select(p => new Reply(p)).ToArray());
        }
        var text = new StringBuilder($"*Rekap {range.Label}* — {table.Jabatan.Count} jabatan\n");
        text.Append($"(realisasi {range.Label}; capaian = realisasi ÷ target tahun {range.Tahun})\n");
        foreach (var j in table.Jabatan)
        {
            var who = j.Pelapor.Count == 0 ? "belum ada pengguna" : string.Join(", ", j.Pelapor.Select(p => p.NamaTampilan));
            var noTargets = j.Rows.Count > 0 && j.Rows.All(r => r.Target is null) ? "; target belum ditetapkan" : "";
            text.Append($"\n*{j.Jabatan}* — {who}; {j.Dilaporkan}/{j.Rows.Count} dilaporkan{noTargets}\n");
            if (j.Rows.Count == 0) text.Append("(tidak ada indikator terukur)\n");
            foreach (var r in j.Rows)
            {
                var real = r.Dilaporkan ? r.Realisasi.ToString(CultureInfo.InvariantCulture) : "belum";
                var target = r.Target is { } t ? $" · target {t}" + (r.Capaian is { } c ? $" · {c:0.#}%" : "") : "";
                text.Append($"{r.No}. {ReminderPlanner.Short(r.Indikator, 60)}: {real}{target}\n");
            }
        }
        text.Append($"\nBerkas Excel: /ekspor {RangeArgument(range)}");
        return new TurnResult(MessageSplitter.Split(text.ToString(), ReminderPlanner.MaxPartLength).Select(p => new Reply(p)).ToArray());
    }

    /// <summary>Admin: the whole office; atasan: their own jabatan and everyone under it; staf: their own jabatan.</summary>
    private IReadOnlyList<string> Scope(Pengguna user)
    {
        if (user.Peran == Peran.Admin) return knowledge.Kb.Jabatan.Select(j => j.Nama).ToList();
        if (user.Jabatan is null || knowledge.Kb.Find(user.Jabatan) is not { } own) return [];
        if (user.Peran == Peran.Atasan) return [own.Nama, .. knowledge.Struktur.AllUnder(own.Nama)];
        return [own.Nama];
    }

    // ---- /ekspor ----

    private async Task<TurnResult> ExportAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ActiveAsync(message, ct);
        if (user is null) return refusal!;
        if (!PeriodeRange.TryParse(argument, time.GetUtcNow(), out var range))
            return new TurnResult(new Reply(PeriodeHelp("/ekspor", argument)));
        if (range.Months[0].MonthsSince(Periode.Of(time.GetUtcNow())) > 0)
            return new TurnResult(new Reply($"Periode {range.Label} belum berjalan, jadi belum ada yang bisa diekspor. Contoh: /ekspor (bulan ini), /ekspor oktober, /ekspor {Periode.Of(time.GetUtcNow()).Tahun}."));
        var scope = Scope(user);
        if (scope.Count == 0)
            return new TurnResult(new Reply("Jabatan Anda belum dipilih atau tidak ada dalam dokumen IKI. Pilih dengan /jabatan saya <nama jabatan>."));
        var table = await rekap.BuildAsync(range, scope, ct);
        var bytes = await RekapWorkbook.BuildAsync(table, ct);
        var rows = table.Jabatan.Sum(j => j.Rows.Count);
        return new TurnResult(new Reply(
            $"Rekap {range.Label}: {table.Jabatan.Count} jabatan, {rows} indikator (lembar Ringkasan + satu lembar per jabatan).",
            [], new ReplyFile(RekapWorkbook.FileName(range), RekapWorkbook.ContentType, bytes)));
    }

    // ---- /grafik ----

    [GeneratedRegex(@"^\s*(?:no\.?\s*)?(?<no>\d{1,3})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RowNumber();

    private async Task<TurnResult> ChartAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ActiveAsync(message, ct);
        if (user is null) return refusal!;
        if (user.Jabatan is null || knowledge.Kb.Find(user.Jabatan) is not { } jabatan)
            return new TurnResult(new Reply("Jabatan Anda belum dipilih. Ketik /jabatan saya <nama jabatan>."));
        var countable = jabatan.Indikator.Where(r => !r.TidakTerukur).ToList();
        if (countable.Count == 0) return new TurnResult(new Reply($"Semua indikator {jabatan.Nama} tertulis NIHIL/kosong; tidak ada yang bisa digambar."));

        IReadOnlyList<Indikator> rows = countable;
        if (argument.Length > 0)
        {
            var number = RowNumber().Match(argument);
            if (number.Success)
            {
                var row = countable.FirstOrDefault(r => r.No == int.Parse(number.Groups["no"].Value, CultureInfo.InvariantCulture));
                if (row is null) return new TurnResult(new Reply($"Baris {number.Groups["no"].Value} tidak ada atau tidak terukur pada indikator {jabatan.Nama}."));
                rows = [row];
            }
            else
            {
                // The report reader finds the row from the words; the number only completes a report-shaped text.
                var decision = interpreter.Interpret(jabatan.Nama, $"{argument} 1", time.GetUtcNow());
                if (decision is { Status: ReportStatus.Ok, Row: { } row }) rows = [row];
                else if (decision.Status == ReportStatus.Clarify)
                    return new TurnResult(new Reply("Grafik indikator yang mana?",
                        decision.Candidates.Select(c => new Choice($"{c.No}. {ReminderPlanner.Short(c.Uraian, 48)}", $"/grafik {c.No}")).ToList()));
                else
                    return new TurnResult(new Reply($"Indikator \"{argument}\" tidak saya temukan pada {jabatan.Nama}. Ketik /grafik untuk semua indikator, atau /grafik <nomor baris>."));
            }
        }

        var tahun = Periode.Of(time.GetUtcNow()).Tahun;
        var table = await rekap.BuildAsync(PeriodeRange.Year(tahun), [jabatan.Nama], ct);
        var series = new List<ChartSeries>();
        foreach (var row in rows)
        {
            var target = table.Jabatan[0].Rows.First(r => r.No == row.No).Target;
            series.Add(new ChartSeries(row.No, RekapBuilder.Clean(row.Uraian), await rekap.MonthlyAsync(jabatan, row, tahun, ct), target));
        }
        var png = RealisasiChart.Render(jabatan.Nama, tahun, series, RealisasiChart.MonthsToDraw(tahun, time.GetUtcNow()));
        var caption = rows.Count == 1
            ? $"Grafik {rows[0].No}. {ReminderPlanner.Short(RekapBuilder.Clean(rows[0].Uraian), 60)} — {tahun}: realisasi per bulan, kumulatif, dan target."
            : $"Grafik realisasi per bulan {jabatan.Nama} — {tahun}. Untuk satu indikator dengan targetnya: /grafik <nomor baris>.";
        var name = rows.Count == 1 ? $"grafik-{tahun}-no{rows[0].No}.png" : $"grafik-{tahun}.png";
        return new TurnResult(new Reply(caption, [], new ReplyFile(name, RealisasiChart.ContentType, png)));
    }

    // ---- /pengingat ----

    [GeneratedRegex(@"^(?:jeda|tunda|pause)\s*(?<n>\d{1,3}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebulan|seminggu|sehari)?\s*(?<unit>hari|hr|minggu|mgg|pekan|bulan|bln)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PauseText();

    private async Task<TurnResult> ReminderAsync(Incoming message, string argument, CancellationToken ct)
    {
        var user = await users.FindAsync(message.Channel, message.UserId, ct);
        if (user is null)
            return new TurnResult(new Reply("Anda belum terdaftar. Pilih jabatan Anda dengan /jabatan saya <nama jabatan>."));
        var now = time.GetUtcNow();
        var a = Regex.Replace(argument.Trim().ToLowerInvariant(), @"\s+", " ");
        switch (a)
        {
            case "mati" or "off" or "matikan" or "stop" or "berhenti":
                await reminders.SetOffAsync(user.Id, true, ct);
                return new TurnResult(new Reply("Pengingat mingguan dimatikan. Nyalakan lagi dengan /pengingat hidup."));
            case "hidup" or "on" or "nyala" or "nyalakan" or "aktif" or "lanjut":
                await reminders.SetOffAsync(user.Id, false, ct);
                return new TurnResult(new Reply($"Pengingat mingguan menyala.{NextText(now)}"));
            case "" or "status" or "info":
                return new TurnResult(new Reply(await StatusAsync(user, now, ct)));
        }
        var pause = PauseText().Match(a);
        if (pause.Success)
        {
            var length = PauseLength(pause.Groups["n"].Value, pause.Groups["unit"].Value);
            if (length is null || length <= TimeSpan.Zero || length > MaxPause)
                return new TurnResult(new Reply("Tulis lama jeda, misalnya /pengingat jeda 2 minggu, /pengingat jeda 10 hari atau /pengingat jeda 1 bulan (paling lama 6 bulan)."));
            var until = EndOfDay(now + length.Value);
            await reminders.PauseUntilAsync(user.Id, until, ct);
            return new TurnResult(new Reply($"Pengingat dijeda sampai {JakartaTime.From(until):dd/MM/yyyy}. Nyalakan lebih cepat dengan /pengingat hidup."));
        }
        return new TurnResult(new Reply("Pilihan: /pengingat mati, /pengingat hidup, /pengingat jeda 2 minggu, /pengingat status."));
    }

    private async Task<string> StatusAsync(Pengguna user, DateTimeOffset now, CancellationToken ct)
    {
        var pref = await reminders.PreferenceAsync(user.Id, ct);
        var state = pref switch
        {
            { Off: true } => "mati (nyalakan dengan /pengingat hidup)",
            { PausedUntil: { } until } when until > now => $"dijeda sampai {JakartaTime.From(until):dd/MM/yyyy}",
            _ => "menyala",
        };
        var text = $"Pengingat mingguan: {state}.";
        if (pref is not { Off: true }) text += NextText(pref?.PausedUntil is { } u && u > now ? u : now);
        if (user.Peran is Peran.Atasan or Peran.Admin) text += "\nRingkasan mingguan bawahan Anda ikut pengaturan ini.";
        return text;
    }

    private string NextText(DateTimeOffset after) =>
        schedule?.Next(after) is { } next
            ? $" Berikutnya: {Hari(JakartaTime.From(next.At))} {JakartaTime.From(next.At):dd/MM/yyyy HH:mm} WIB (hanya bila ada indikator yang belum dilaporkan)."
            : "";

    private static string Hari(DateTimeOffset d) =>
        d.DayOfWeek switch
        {
            DayOfWeek.Monday => "Senin", DayOfWeek.Tuesday => "Selasa", DayOfWeek.Wednesday => "Rabu", DayOfWeek.Thursday => "Kamis",
            DayOfWeek.Friday => "Jumat", DayOfWeek.Saturday => "Sabtu", _ => "Minggu",
        };

    private static TimeSpan? PauseLength(string n, string unit)
    {
        int count;
        if (n is "sebulan") (count, unit) = (1, "bulan");
        else if (n is "seminggu") (count, unit) = (1, "minggu");
        else if (n is "sehari") (count, unit) = (1, "hari");
        else if (n.Length == 0) count = 1;
        else if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            count = Array.IndexOf(Words, n) + 1;
        if (count <= 0) return null;
        return unit switch
        {
            "hari" or "hr" => TimeSpan.FromDays(count),
            "minggu" or "mgg" or "pekan" or "" => TimeSpan.FromDays(7 * count),
            "bulan" or "bln" => TimeSpan.FromDays(30 * count),
            _ => null,
        };
    }

    private static readonly string[] Words = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"];

    /// <summary>A pause ends at the end of its last day (Jakarta), so "jeda 1 minggu" on a Friday also covers next Friday's reminder.</summary>
    private static DateTimeOffset EndOfDay(DateTimeOffset moment)
    {
        var local = JakartaTime.From(moment);
        return new DateTimeOffset(local.Date.AddDays(1).AddTicks(-1), local.Offset);
    }

    private async Task<(Pengguna? User, TurnResult? Refusal)> ActiveAsync(Incoming message, CancellationToken ct)
    {
        var user = await users.FindAsync(message.Channel, message.UserId, ct);
        string? why = user switch
        {
            null => "Anda belum terdaftar. Pilih jabatan Anda dengan /jabatan saya <nama jabatan>.",
            { Status: StatusPengguna.Diblokir } => "Akun Anda diblokir. Hubungi admin.",
            { Status: StatusPengguna.Menunggu } => "Pendaftaran Anda masih menunggu persetujuan admin.",
            _ => null,
        };
        return why is null ? (user, null) : (null, new TurnResult(new Reply(why)));
    }

    private static string PeriodeHelp(string command, string typed) =>
        $"Periode \"{typed}\" tidak saya kenali. Contoh: {command} (bulan ini), {command} oktober, {command} 2026-09, {command} TW III, {command} 2026.";

    private static string RangeArgument(PeriodeRange range) => range.Kind switch
    {
        RangeKind.Bulan => range.Code,
        RangeKind.Triwulan => $"TW {range.Label.Split(' ')[1]} {range.Tahun}",
        _ => range.Tahun.ToString(CultureInfo.InvariantCulture),
    };
}
