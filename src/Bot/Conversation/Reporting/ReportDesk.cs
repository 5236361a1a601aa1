using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IkiBot.Bot.Supervision;
using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Reporting;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Bot.Conversation.Reporting;

/// <summary>
/// Registration, one-message reports and the reporting commands (/laporanku, /batal, /koreksi, /rekap, /target).
/// A report is stored only against the reporter's own jabatan, once per message id.
/// </summary>
public sealed partial class ReportDesk(
    IkiKnowledge knowledge,
    ReportInterpreter interpreter,
    PenggunaStore users,
    RealisasiStore realisasi,
    RealisasiRecorder recorder,
    TargetStore targets,
    TimeProvider time,
    ReportDeskOptions options) : IReportDesk
{
    private readonly ConcurrentDictionary<int, PendingReport> _pending = new();
    private readonly ReportExamples _examples = new(knowledge, interpreter);

    [GeneratedRegex(@"\d|\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|seratus|ribu|seribu|nol)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"^\s*(lapor|laporan|realisasi)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportPrefix();

    public async Task<TurnResult> StartAsync(Incoming message, string welcome, CancellationToken ct)
    {
        var user = await users.FindAsync(message.Channel, message.UserId, ct);
        if (user is null && message.Channel != "console")
            user = await RegisterAsync(message, ct);
        if (user is { Jabatan: not null, Status: StatusPengguna.Aktif })
            return new TurnResult(new Reply($"{welcome}\n\nJabatan Anda: {user.Jabatan}. Lapor realisasi cukup dengan satu pesan, misalnya \"{Example(user.Jabatan)}\"."));
        if (user is { Jabatan: not null, Status: StatusPengguna.Menunggu })
            return new TurnResult(new Reply($"{welcome}\n\nPermintaan Anda sebagai {user.Jabatan} menunggu persetujuan admin."));
        if (user is { Status: StatusPengguna.Diblokir })
            return new TurnResult(new Reply($"{welcome}\n\nAkun Anda diblokir untuk pelaporan. Hubungi admin."));
        return new TurnResult(new Reply($"{welcome}\n\nUntuk melapor realisasi, pilih jabatan Anda:", JabatanChoices()));
    }

    public async Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct)
    {
        if (ReportPrefix().IsMatch(text)) return true;
        if (text.Contains('?')) return false;
        var words = knowledge.Questions.Reader.Read(text);
        if (IntentDetector.Explicit(words) is not null || IntentDetector.AsksWho(words) || IntentDetector.AsksForList(words)) return false;
        if (NumberLike().IsMatch(text)) return true;
        // "penyuluhan yg dilakukan" from a reporter: an indicator of their own without its number is a report missing
        // the number (the interpreter says so), not a question about some jabatan.
        if (!message.IsPrivate || await users.FindAsync(message.Channel, message.UserId, ct) is not { Status: StatusPengguna.Aktif, Jabatan: { } jabatan }
            || knowledge.Kb.Find(jabatan) is null)
            return false;
        var withNumber = interpreter.Interpret(jabatan, $"{text} 1", time.GetUtcNow());
        return withNumber.Status is ReportStatus.Ok or ReportStatus.Clarify;
    }

    public async Task<string?> JabatanOfAsync(Incoming message, CancellationToken ct) =>
        await users.FindAsync(message.Channel, message.UserId, ct) is { Status: StatusPengguna.Aktif, Jabatan: { } j } ? j : null;

    public async Task<bool> DropPendingAsync(Incoming message, CancellationToken ct) =>
        await users.FindAsync(message.Channel, message.UserId, ct) is { } user && _pending.TryRemove(user.Id, out _);

    public async Task<TurnResult?> HandleReportAsync(Incoming message, string text, CancellationToken ct)
    {
        if (!message.IsPrivate)
            return new TurnResult(new Reply("Laporan hanya dapat dikirim lewat chat pribadi dengan bot."));
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal;

        var decision = interpreter.Interpret(user.Jabatan!, text, time.GetUtcNow());
        switch (decision.Status)
        {
            case ReportStatus.Ok:
                return await StoreOrAskRincianAsync(user, decision.Row!, decision.Value!.Value, decision.Periode, Key(message), text, ct);
            case ReportStatus.Clarify when decision.Value is { } value:
                var choices = decision.Candidates.Select(c => new Choice($"{c.No}. {Short(c.Program, 48)}", $"/pilih {c.No}")).ToList();
                _pending[user.Id] = new PendingReport(text, Key(message), value, decision.Periode, decision.Candidates.Select(c => c.No).ToList(), choices);
                return new TurnResult(new Reply(decision.Message, choices) { ChoicesInText = true });
            default:
                return new TurnResult(new Reply(decision.Message));
        }
    }

    public async Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        switch (command)
        {
            case "/jabatan" when argument.StartsWith("saya", StringComparison.OrdinalIgnoreCase):
                return await ChooseJabatanAsync(message, argument[4..].Trim(), ct);
            case "/setujui" or "/tolak":
                return await DecideAsync(message, command == "/setujui", argument, ct);
            case "/pilih":
                return await PickAsync(message, argument, ct);
            case "/batal":
                return await CancelAsync(message, argument, ct);
            case "/laporanku":
                return await MineAsync(message, argument, ct);
            case "/koreksi":
                return await CorrectAsync(message, argument, ct);
            case "/rekap":
                return await RekapAsync(message, argument, ct);
            case "/target":
                return await TargetAsync(message, argument, ct);
            default:
                return null;
        }
    }

    private async Task<Pengguna> RegisterAsync(Incoming message, CancellationToken ct)
    {
        var admin = IsConfiguredAdmin(message);
        return await users.RegisterAsync(message.Channel, message.UserId, message.DisplayName, null,
            admin ? Peran.Admin : Peran.Staf, admin ? StatusPengguna.Aktif : StatusPengguna.Menunggu, ct);
    }

    private bool IsConfiguredAdmin(Incoming message) =>
        options.Admins.Contains(message.UserId) || options.Admins.Contains($"{message.Channel}:{message.UserId}");

    private async Task<TurnResult> ChooseJabatanAsync(Incoming message, string typed, CancellationToken ct)
    {
        if (typed.Length == 0) return new TurnResult(new Reply("Pilih jabatan Anda:", JabatanChoices()));
        var jabatan = knowledge.ResolveJabatan(typed, out var candidates);
        if (jabatan is null)
        {
            if (candidates.Count == 0) return new TurnResult(Reply.From(knowledge.Answers.UnknownJabatan(typed)));
            return new TurnResult(Reply.From(knowledge.Answers.ClarifyJabatan(candidates, "/jabatan saya")));
        }

        var user = await users.FindAsync(message.Channel, message.UserId, ct) ?? await RegisterAsync(message, ct);
        if (user.Status == StatusPengguna.Diblokir)
            return new TurnResult(new Reply("Akun Anda diblokir untuk pelaporan. Hubungi admin."));
        // The console is the user's own machine, and an admin needs nobody's approval: the jabatan is theirs at once.
        if (message.Channel == "console" || user.Peran == Peran.Admin)
        {
            user = await users.SetJabatanAsync(user.Id, jabatan, user.Id, ct);
            if (message.Channel == "console" && user.Status != StatusPengguna.Aktif)
                user = await users.SetStatusAsync(user.Id, StatusPengguna.Aktif, user.Id, ct);
            if (user.Status == StatusPengguna.Aktif)
                return new TurnResult(new Reply($"Jabatan Anda: {jabatan}. Silakan lapor realisasi, misalnya \"{Example(jabatan)}\"."));
        }
        (user, var asked) = await users.RequestJabatanAsync(user.Id, jabatan, ct);

        // The buttons name this very request: approving grants its jabatan and role, and a newer request voids them.
        var admins = (await users.AdminsAsync(ct)).Where(a => a.Id != user.Id).ToList();
        var request = new Reply($"Permintaan pendaftaran: {user.NamaTampilan} sebagai {jabatan} ({PeranText(asked.Peran)}).",
            [new Choice("Setujui", $"/setujui {user.Id} {asked.Id}"), new Choice("Tolak", $"/tolak {user.Id} {asked.Id}")]);
        var others = admins.Select(a => new Outgoing(a.Channel, a.ChannelUserId, request)).ToList();
        var note = admins.Count == 0 ? " Belum ada admin terdaftar; hubungi pengelola IkiBot." : "";
        return new TurnResult([new Reply($"Permintaan Anda sebagai {jabatan} sudah dikirim ke admin. Anda bisa melapor setelah disetujui.{note}")], others);
    }

    private async Task<TurnResult> DecideAsync(Incoming message, bool approve, string argument, CancellationToken ct)
    {
        var admin = await users.FindAsync(message.Channel, message.UserId, ct);
        if (admin is not { Peran: Peran.Admin, Status: StatusPengguna.Aktif })
            return new TurnResult(new Reply("Hanya admin yang dapat menyetujui atau menolak pendaftaran."));
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var userId) || !int.TryParse(parts[1], out var requestId))
            return new TurnResult(new Reply("Tombol ini sudah tidak berlaku. Minta pengguna mengirim /jabatan saya <nama jabatan> lagi."));
        var result = await users.DecideRequestAsync(userId, requestId, approve, admin.Id, ct);
        var (asked, user) = (result.Permintaan, result.Pengguna);
        switch (result.Keputusan)
        {
            case KeputusanPermintaan.TidakDitemukan:
                return new TurnResult(new Reply("Permintaan pendaftaran itu tidak ditemukan."));
            case KeputusanPermintaan.Diganti:
                var newer = result.Pengganti is { } n ? $" {user!.NamaTampilan} kemudian meminta {n.Jabatan}; putuskan lewat pesan permintaan yang terbaru." : "";
                return new TurnResult(new Reply($"Tombol ini sudah tidak berlaku: permintaan {asked!.Jabatan} sudah diganti.{newer}"));
            case KeputusanPermintaan.SudahDiputuskan:
                return new TurnResult(new Reply($"Permintaan {user!.NamaTampilan} sebagai {asked!.Jabatan} sudah {(asked.Status == StatusPermintaan.Disetujui ? "disetujui" : "ditolak")}."));
            case KeputusanPermintaan.TidakCocok:
                return new TurnResult(new Reply($"Tombol ini sudah tidak berlaku: jabatan atau peran {user!.NamaTampilan} sudah berubah sejak permintaan {asked!.Jabatan}."));
            case KeputusanPermintaan.Disetujui:
                return new TurnResult([new Reply($"Disetujui: {user!.NamaTampilan} sebagai {asked!.Jabatan} ({PeranText(asked.Peran)}).")],
                    [new Outgoing(user.Channel, user.ChannelUserId, new Reply($"Pendaftaran Anda sebagai {asked.Jabatan} disetujui. Silakan lapor realisasi, misalnya \"{Example(asked.Jabatan)}\"."))]);
            default:
                return new TurnResult([new Reply($"Ditolak: {user!.NamaTampilan} ({asked!.Jabatan}).")],
                    [new Outgoing(user.Channel, user.ChannelUserId, new Reply("Pendaftaran Anda ditolak admin. Pilih jabatan yang benar dengan /jabatan saya <nama jabatan>."))]);
        }
    }

    private static string PeranText(Peran peran) => peran.ToString().ToLowerInvariant();

    private async Task<TurnResult> PickAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (!_pending.TryGetValue(user.Id, out var pending))
            return new TurnResult(new Reply("Tidak ada laporan yang menunggu pilihan. Kirim laporan Anda lagi."));
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], out var rowNo) && int.TryParse(parts[1], out var itemNo) && pending.Rows.Contains(rowNo))
        {
            var rowOf = knowledge.Kb.Find(user.Jabatan!)!.Indikator.First(r => r.No == rowNo);
            var items = RincianItems.Of(rowOf);
            if (itemNo >= 1 && itemNo <= items.Count)
            {
                _pending.TryRemove(user.Id, out _);
                var (_, text) = await recorder.RecordAsync(user.Id, user.Jabatan!, rowOf, pending.Value, pending.Periode, pending.MessageId, pending.Text, ct, items[itemNo - 1]);
                return new TurnResult(new Reply(text));
            }
        }
        if (!int.TryParse(parts.FirstOrDefault(), out var no) || !pending.Rows.Contains(no))
            return new TurnResult(new Reply($"Baris {Short(argument, 10)} tidak ada di pilihan. Angka {pending.Value} untuk baris yang mana: {string.Join(" atau ", pending.Rows)}?",
                pending.Choices) { ChoicesInText = false });
        var row = knowledge.Kb.Find(user.Jabatan!)!.Indikator.First(r => r.No == no);
        _pending.TryRemove(user.Id, out _);
        // The original message id: pressing the button twice still stores once.
        return await StoreOrAskRincianAsync(user, row, pending.Value, pending.Periode, pending.MessageId, pending.Text, ct);
    }

    /// <summary>A row whose rincian are countable items: store on the item the text names, or ask which one.</summary>
    private async Task<TurnResult> StoreOrAskRincianAsync(Pengguna user, Indikator row, int value, Periode periode, string messageId, string text, CancellationToken ct)
    {
        var (item, ask) = RincianItems.Pick(row, text);
        if (ask.Count == 0)
        {
            var (_, confirmation) = await recorder.RecordAsync(user.Id, user.Jabatan!, row, value, periode, messageId, text, ct, item);
            return new TurnResult(new Reply(confirmation));
        }
        var choices = ask.Select((r, i) => new Choice(Short(r, 60), $"/pilih {row.No} {i + 1}")).ToList();
        _pending[user.Id] = new PendingReport(text, messageId, value, periode, [row.No], choices);
        return new TurnResult(new Reply($"Angka {value} ({periode.Label}) pada baris {row.No} untuk yang mana?", choices));
    }

    /// <summary>
    /// /batal drops a pending question first; otherwise it names the entry it would cancel and asks to confirm
    /// ("/batal ya &lt;id&gt;"), and cancels only if that entry is still the latest.
    /// </summary>
    private async Task<TurnResult> CancelAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (_pending.TryRemove(user.Id, out var pending))
            return new TurnResult(new Reply($"Pertanyaan tadi dibatalkan; laporan \"{Short(pending.Text, 60)}\" tidak disimpan."));
        var words = argument.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["tidak" or "tdk" or "gak" or "nggak" or "jangan", ..])
            return new TurnResult(new Reply("Baik, tidak ada yang dibatalkan."));

        var last = await realisasi.LastActiveAsync(user.Id, ct);
        if (words is ["ya", var id, ..])
        {
            // A redelivered confirmation returns what it cancelled the first time.
            if (await realisasi.FindCancelledByAsync(user.Id, Key(message), ct) is { } done) return await CancelledAsync(done, ct);
            if (last is null || last.Id.ToString(CultureInfo.InvariantCulture) != id)
                return new TurnResult(new Reply("Laporan itu sudah dibatalkan atau bukan lagi laporan terakhir Anda. Ketik /batal lagi untuk melihat laporan terakhir."));
            var cancelled = await realisasi.CancelLastAsync(user.Id, Key(message), ct);
            return cancelled is null ? new TurnResult(new Reply("Tidak ada laporan yang bisa dibatalkan.")) : await CancelledAsync(cancelled, ct);
        }
        if (last is null) return new TurnResult(new Reply("Tidak ada laporan yang bisa dibatalkan."));
        var what = $"{last.IndikatorNo}. {IndikatorText.Clean(last.IndikatorTeks)}: {last.Nilai}{(last.Jenis == JenisRealisasi.Koreksi ? " (koreksi)" : "")} " +
                   $"({Label(last.Periode)}, dilaporkan {JakartaTime.From(last.DibuatPada):dd/MM HH:mm})";
        return new TurnResult(new Reply($"Batalkan laporan terakhir Anda?\n{what}",
            [new Choice("Ya", $"/batal ya {last.Id.ToString(CultureInfo.InvariantCulture)}"), new Choice("Tidak", "/batal tidak")]));
    }

    private async Task<TurnResult> CancelledAsync(Realisasi cancelled, CancellationToken ct)
    {
        var total = await realisasi.TotalAsync(cancelled.Jabatan, cancelled.IndikatorKey, cancelled.Periode, ct);
        return new TurnResult(new Reply($"Dibatalkan: {cancelled.IndikatorNo}. {IndikatorText.Clean(cancelled.IndikatorTeks)}: {cancelled.Nilai} ({Label(cancelled.Periode)}).\nTotal sekarang: {total}."));
    }

    private async Task<TurnResult> MineAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (!PeriodeRange.TryParse(argument, time.GetUtcNow(), out var range))
            return new TurnResult(new Reply(PeriodeHelp("/laporanku", argument)));
        var entries = new List<Realisasi>();
        foreach (var month in range.Months) entries.AddRange(await realisasi.ListForAsync(user.Id, month.Code, ct: ct));
        if (entries.Count == 0)
            return new TurnResult(new Reply($"Belum ada laporan Anda untuk {range.Label}. Contoh: \"{Example(user.Jabatan!)}\"."));
        var text = new StringBuilder($"*Laporan Anda {range.Label}*\n");
        foreach (var e in entries.OrderBy(e => e.DibuatPada))
            text.Append($"• {JakartaTime.From(e.DibuatPada):dd/MM HH:mm} — {e.IndikatorNo}. {IndikatorText.Clean(e.IndikatorTeks)}: {e.Nilai}{(e.Jenis == JenisRealisasi.Koreksi ? " (koreksi)" : "")}\n");
        text.Append("Total:\n");
        foreach (var g in entries.GroupBy(e => (e.IndikatorNo, Teks: IndikatorText.Clean(e.IndikatorTeks))).OrderBy(g => g.Key.IndikatorNo))
            text.Append($"{g.Key.IndikatorNo}. {g.Key.Teks}: {g.Sum(e => e.Nilai)}\n");
        return new TurnResult(new Reply(text.ToString().TrimEnd()));
    }

    private static string PeriodeHelp(string command, string typed) =>
        $"Periode \"{Short(typed, 30)}\" tidak saya kenali. Contoh: {command} (bulan ini), {command} oktober, {command} 2026-09, {command} TW III, {command} 2026.";

    private async Task<TurnResult> CorrectAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (argument.Length == 0) return new TurnResult(new Reply("Tulis: /koreksi <indikator atau nomor baris> <nilai>, misalnya /koreksi 2 30."));
        var jabatan = knowledge.Kb.Find(user.Jabatan!)!;
        Indikator? row = null;
        int value;
        Periode periode = Periode.Of(time.GetUtcNow());
        var byNumber = RowValuePeriode().Match(argument);
        if (byNumber.Success)
        {
            row = jabatan.Indikator.FirstOrDefault(r => r.No == int.Parse(byNumber.Groups["no"].Value, CultureInfo.InvariantCulture));
            if (row is null || row.TidakTerukur) return new TurnResult(new Reply($"Baris {byNumber.Groups["no"].Value} tidak ada atau tidak terukur pada indikator {jabatan.Nama}."));
            if (ValueProblem(byNumber.Groups["value"].Value, "Nilai", out value) is { } problem) return new TurnResult(new Reply(problem));
            if (byNumber.Groups["periode"].Success)
            {
                var named = byNumber.Groups["periode"].Value;
                if (!PeriodeRange.TryParse(named, time.GetUtcNow(), out var range) || range.Kind != RangeKind.Bulan)
                    return new TurnResult(new Reply($"Periode \"{Short(named, 30)}\" tidak saya kenali. Sebutkan satu bulan, misalnya /koreksi {row.No} {value} bulan lalu atau /koreksi {row.No} {value} oktober."));
                periode = range.Months[0];
                if (OpenPeriodProblem(periode) is { } closed) return new TurnResult(new Reply(closed));
            }
        }
        else
        {
            var decision = interpreter.Interpret(jabatan.Nama, argument, time.GetUtcNow());
            if (decision.Status == ReportStatus.Clarify && decision.Value is { } v)
                return new TurnResult(new Reply(decision.Message,
                    decision.Candidates.Select(c => new Choice($"{c.No}. {Short(c.Program, 48)}", $"/koreksi {c.No} {v}")).ToList()) { ChoicesInText = true });
            if (decision.Status != ReportStatus.Ok) return new TurnResult(new Reply(decision.Message));
            (row, value, periode) = (decision.Row!, decision.Value!.Value, decision.Periode);
        }
        var result = await realisasi.CorrectAsync(user.Id, jabatan.Nama, row.KeyFor(jabatan.Nama), row.No, row.Uraian, periode.Code, value, Key(message), ct: ct);
        return new TurnResult(new Reply($"Dikoreksi: {row.No}. {row.Uraian} ({periode.Label})\nTotal {periode.Label} sekarang: {result.Total}.\nKetik /batal untuk membatalkan koreksi ini."));
    }

    [GeneratedRegex(@"^\s*(?<no>\d{1,3})\s+(?<value>[-+]?[\d.,]+)(?:\s+(?<periode>\S.*?))?\s*$")]
    private static partial Regex RowValuePeriode();

    /// <summary>Null when <paramref name="typed"/> is a whole count from 0 to the limit; otherwise the Indonesian refusal.</summary>
    private string? ValueProblem(string typed, string what, out int value)
    {
        var max = Angka.Format(interpreter.Options.MaxValue);
        if (typed.StartsWith('-')) { value = 0; return $"{what} tidak boleh negatif. Tulis bilangan bulat 0 sampai {max}."; }
        if (typed.Contains(',') || typed.Count(c => c == '.') > 0 && !Angka.IsGrouped(typed))
        { value = 0; return $"{what} harus bilangan bulat (tanpa pecahan), 0 sampai {max}."; }
        var digits = typed.TrimStart('+').Replace(".", "");
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value > interpreter.Options.MaxValue)
        { value = 0; return $"{what} {Short(typed, 24)} terlalu besar; paling banyak {max}."; }
        return null;
    }

    /// <summary>Null when the month is open for reporting; otherwise why not (future, or closed).</summary>
    private string? OpenPeriodProblem(Periode periode)
    {
        var current = Periode.Of(time.GetUtcNow());
        var oldest = current.AddMonths(-interpreter.Options.ClosedAfterMonths);
        if (periode.MonthsSince(current) > 0) return $"Periode {periode.Label} belum berjalan; koreksi hanya bisa untuk {oldest.Label} sampai {current.Label}.";
        if (current.MonthsSince(periode) > interpreter.Options.ClosedAfterMonths) return $"Periode {periode.Label} sudah ditutup; koreksi hanya bisa untuk {oldest.Label} sampai {current.Label}.";
        return null;
    }

    private async Task<TurnResult> RekapAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (!PeriodeRange.TryParse(argument, time.GetUtcNow(), out var range))
            return new TurnResult(new Reply(PeriodeHelp("/rekap", argument)));
        var jabatan = knowledge.Kb.Find(user.Jabatan!)!;
        var periode = range.Months[^1];
        var yearTotals = await realisasi.TotalsForYearAsync(jabatan.Nama, periode.Tahun, ct);
        var monthTotals = new Dictionary<string, int>();
        foreach (var month in range.Months)
            foreach (var (key, total) in await realisasi.TotalsAsync(jabatan.Nama, month.Code, ct))
                monthTotals[key] = monthTotals.GetValueOrDefault(key) + total;
        var yearTargets = (await targets.ForJabatanAsync(jabatan.Nama, periode.Tahun, ct)).ToDictionary(t => t.IndikatorKey);
        var rangeLabel = argument.Length == 0 ? "bulan ini" : range.Label;
        var text = new StringBuilder($"*Rekap {jabatan.Nama} — {periode.Tahun}*\n");
        foreach (var row in jabatan.Indikator.Where(r => !r.TidakTerukur))
        {
            var key = row.KeyFor(jabatan.Nama);
            var year = yearTotals.GetValueOrDefault(key);
            var month = monthTotals.GetValueOrDefault(key);
            var target = yearTargets.GetValueOrDefault(key);
            var capaian = target is { Nilai: > 0 } ? $"{100.0 * year / target.Nilai:0.#}%" : "-";
            text.Append($"{row.No}. {row.Uraian}\n   target {(target is null ? "-" : Angka.Format(target.Nilai))}, realisasi {Angka.Format(year)} ({rangeLabel} {Angka.Format(month)}), capaian {capaian}\n");
        }
        return new TurnResult(new Reply(text.ToString().TrimEnd()));
    }

    /// <summary>
    /// /target &lt;no&gt; &lt;nilai&gt; for the caller's own jabatan, /target &lt;jabatan&gt; &lt;no&gt; &lt;nilai&gt; for a jabatan under them
    /// in the organisation tree (an admin: any jabatan). The year is the current one.
    /// </summary>
    private async Task<TurnResult> TargetAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (user.Peran is not (Peran.Atasan or Peran.Admin))
            return new TurnResult(new Reply("Hanya atasan atau admin yang dapat menetapkan target."));
        var m = TargetText().Match(argument);
        if (!m.Success)
            return new TurnResult(new Reply("Tulis: /target <nomor baris> <nilai> untuk jabatan Anda, atau /target <jabatan> <nomor baris> <nilai> untuk jabatan di bawah Anda, misalnya /target 2 120 atau /target bendahara 2 120."));
        var jabatan = knowledge.Kb.Find(user.Jabatan!)!;
        if (m.Groups["jabatan"].Success)
        {
            var typed = m.Groups["jabatan"].Value;
            var named = knowledge.ResolveJabatan(typed, out var candidates);
            if (named is null)
            {
                if (candidates.Count == 0) return new TurnResult(Reply.From(knowledge.Answers.UnknownJabatan(typed)));
                return new TurnResult(new Reply("Target untuk jabatan yang mana?",
                    candidates.Select(c => new Choice(c, $"/target {c} {m.Groups["no"].Value} {m.Groups["value"].Value}")).ToList()));
            }
            if (user.Peran != Peran.Admin && !named.Equals(jabatan.Nama, StringComparison.OrdinalIgnoreCase)
                && !knowledge.Struktur.AllUnder(jabatan.Nama).Contains(named, StringComparer.OrdinalIgnoreCase))
                return new TurnResult(new Reply($"{named} tidak berada di bawah {jabatan.Nama}; target jabatan itu ditetapkan oleh atasannya atau admin."));
            jabatan = knowledge.Kb.Find(named)!;
        }
        var row = jabatan.Indikator.FirstOrDefault(r => r.No == int.Parse(m.Groups["no"].Value, CultureInfo.InvariantCulture));
        if (row is null || row.TidakTerukur) return new TurnResult(new Reply($"Baris {m.Groups["no"].Value} tidak ada atau tidak terukur pada indikator {jabatan.Nama}."));
        if (ValueProblem(m.Groups["value"].Value, "Target", out var value) is { } problem) return new TurnResult(new Reply(problem));
        var tahun = Periode.Of(time.GetUtcNow()).Tahun;
        await targets.SetAsync(jabatan.Nama, row.KeyFor(jabatan.Nama), tahun, value, null, user.Id, ct);
        return new TurnResult(new Reply($"Target {tahun} {jabatan.Nama} ditetapkan: {row.No}. {row.Uraian} = {Angka.Format(value)}."));
    }

    [GeneratedRegex(@"^\s*(?:(?<jabatan>\S.*?)\s+)?(?<no>\d{1,3})\s+(?<value>[-+]?[\d.,]+)\s*$")]
    private static partial Regex TargetText();

    /// <summary>The sender if they may report; otherwise why not.</summary>
    private async Task<(Pengguna? User, TurnResult? Refusal)> ReporterAsync(Incoming message, CancellationToken ct)
    {
        var user = await users.FindAsync(message.Channel, message.UserId, ct);
        string? why = user switch
        {
            null => "Anda belum terdaftar untuk melapor. Pilih jabatan Anda dengan /jabatan saya <nama jabatan>.",
            { Status: StatusPengguna.Diblokir } => "Akun Anda diblokir untuk pelaporan. Hubungi admin.",
            { Jabatan: null } => "Anda belum memilih jabatan. Ketik /jabatan saya <nama jabatan>.",
            { Status: StatusPengguna.Menunggu } => $"Pendaftaran Anda sebagai {user.Jabatan} masih menunggu persetujuan admin; laporan belum dapat diterima.",
            _ when knowledge.Kb.Find(user.Jabatan) is null => $"Jabatan {user.Jabatan} tidak ada dalam dokumen IKI saat ini. Pilih ulang dengan /jabatan saya <nama jabatan>.",
            _ => null,
        };
        return why is null ? (user, null) : (null, new TurnResult(new Reply(why)));
    }

    private IReadOnlyList<Choice> JabatanChoices() =>
        knowledge.Kb.Jabatan.Select(j => new Choice(j.Nama, $"/jabatan saya {j.Nama}")).ToList();

    private string Example(string jabatan)
    {
        var j = knowledge.Kb.Find(jabatan);
        var row = j?.Indikator.FirstOrDefault(r => !r.TidakTerukur);
        return row is null ? "pencaker dilayani 25" : _examples.For(j!, row);
    }

    private static string Key(Incoming message) => $"{message.Channel}:{message.MessageId}";

    private static string Label(string code) => Periode.TryParseCode(code, out var p) ? p.Label : code;

    private static string Short(string s, int max) => s.Length > max ? s[..max].TrimEnd() + "…" : s;
}
