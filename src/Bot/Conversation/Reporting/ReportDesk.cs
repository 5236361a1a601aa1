using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
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

    public Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct)
    {
        if (ReportPrefix().IsMatch(text)) return Task.FromResult(true);
        if (text.Contains('?') || !NumberLike().IsMatch(text)) return Task.FromResult(false);
        var words = knowledge.Questions.Reader.Read(text);
        return Task.FromResult(IntentDetector.Explicit(words) is null && !IntentDetector.AsksWho(words) && !IntentDetector.AsksForList(words));
    }

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
                return await StoreAsync(user, decision.Row!, decision.Value!.Value, decision.Periode, Key(message), text, ct);
            case ReportStatus.Clarify when decision.Value is { } value:
                _pending[user.Id] = new PendingReport(text, Key(message), value, decision.Periode, decision.Candidates.Select(c => c.No).ToList());
                var choices = decision.Candidates.Select(c => new Choice($"{c.No}. {Short(c.Program, 48)}", $"/pilih {c.No}")).ToList();
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
                return await CancelAsync(message, ct);
            case "/laporanku":
                return await MineAsync(message, ct);
            case "/koreksi":
                return await CorrectAsync(message, argument, ct);
            case "/rekap":
                return await RekapAsync(message, ct);
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
        if (!int.TryParse(argument, out var no) || !pending.Rows.Contains(no))
            return new TurnResult(new Reply($"Pilih salah satu baris: {string.Join(", ", pending.Rows)}."));
        var row = knowledge.Kb.Find(user.Jabatan!)!.Indikator.First(r => r.No == no);
        _pending.TryRemove(user.Id, out _);
        // The original message id: pressing the button twice still stores once.
        return await StoreAsync(user, row, pending.Value, pending.Periode, pending.MessageId, pending.Text, ct);
    }

    private async Task<TurnResult> StoreAsync(Pengguna user, Indikator row, int value, Periode periode, string messageId, string text, CancellationToken ct)
    {
        var (_, confirmation) = await recorder.RecordAsync(user.Id, user.Jabatan!, row, value, periode, messageId, text, ct);
        return new TurnResult(new Reply(confirmation));
    }

    private async Task<TurnResult> CancelAsync(Incoming message, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        var cancelled = await realisasi.CancelLastAsync(user.Id, Key(message), ct);
        if (cancelled is null) return new TurnResult(new Reply("Tidak ada laporan yang bisa dibatalkan."));
        var total = await realisasi.TotalAsync(cancelled.Jabatan, cancelled.IndikatorKey, cancelled.Periode, ct);
        return new TurnResult(new Reply($"Dibatalkan: {cancelled.IndikatorNo}. {cancelled.IndikatorTeks}: {cancelled.Nilai} ({Label(cancelled.Periode)}).\nTotal sekarang: {total}."));
    }

    private async Task<TurnResult> MineAsync(Incoming message, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        var periode = Periode.Of(time.GetUtcNow());
        var entries = await realisasi.ListForAsync(user.Id, periode.Code, ct: ct);
        if (entries.Count == 0)
            return new TurnResult(new Reply($"Belum ada laporan Anda untuk {periode.Label}. Contoh: \"{Example(user.Jabatan!)}\"."));
        var text = new StringBuilder($"*Laporan Anda {periode.Label}*\n");
        foreach (var e in entries.OrderBy(e => e.DibuatPada))
            text.Append($"• {e.DibuatPada.ToOffset(TimeSpan.FromHours(7)):dd/MM HH:mm} — {e.IndikatorNo}. {e.IndikatorTeks}: {e.Nilai}{(e.Jenis == JenisRealisasi.Koreksi ? " (koreksi)" : "")}\n");
        text.Append("Total:\n");
        foreach (var g in entries.GroupBy(e => (e.IndikatorNo, e.IndikatorTeks)).OrderBy(g => g.Key.IndikatorNo))
            text.Append($"{g.Key.IndikatorNo}. {g.Key.IndikatorTeks}: {g.Sum(e => e.Nilai)}\n");
        return new TurnResult(new Reply(text.ToString().TrimEnd()));
    }

    private async Task<TurnResult> CorrectAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (argument.Length == 0) return new TurnResult(new Reply("Tulis: /koreksi <indikator atau nomor baris> <nilai>, misalnya /koreksi 2 30."));
        var jabatan = knowledge.Kb.Find(user.Jabatan!)!;
        Indikator? row = null;
        int value;
        Periode periode = Periode.Of(time.GetUtcNow());
        var byNumber = RowAndValue().Match(argument);
        if (byNumber.Success)
        {
            row = jabatan.Indikator.FirstOrDefault(r => r.No == int.Parse(byNumber.Groups["no"].Value));
            if (row is null || row.TidakTerukur) return new TurnResult(new Reply($"Baris {byNumber.Groups["no"].Value} tidak ada atau tidak terukur pada indikator {jabatan.Nama}."));
            if (!int.TryParse(byNumber.Groups["value"].Value, out value) || value > interpreter.Options.MaxValue)
                return new TurnResult(new Reply($"Nilai harus bilangan bulat 0 sampai {interpreter.Options.MaxValue:N0}."));
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
        return new TurnResult(new Reply($"Dikoreksi: {row.No}. {row.Uraian}\nTotal {periode.Label} sekarang: {result.Total}.\nKetik /batal untuk membatalkan koreksi ini."));
    }

    [GeneratedRegex(@"^\s*(?<no>\d{1,3})\s+(?<value>-?\d+)\s*$")]
    private static partial Regex RowAndValue();

    private async Task<TurnResult> RekapAsync(Incoming message, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        var jabatan = knowledge.Kb.Find(user.Jabatan!)!;
        var periode = Periode.Of(time.GetUtcNow());
        var yearTotals = await realisasi.TotalsForYearAsync(jabatan.Nama, periode.Tahun, ct);
        var monthTotals = await realisasi.TotalsAsync(jabatan.Nama, periode.Code, ct);
        var yearTargets = (await targets.ForJabatanAsync(jabatan.Nama, periode.Tahun, ct)).ToDictionary(t => t.IndikatorKey);
        var text = new StringBuilder($"*Rekap {jabatan.Nama} — {periode.Tahun}*\n");
        foreach (var row in jabatan.Indikator.Where(r => !r.TidakTerukur))
        {
            var key = row.KeyFor(jabatan.Nama);
            var year = yearTotals.GetValueOrDefault(key);
            var month = monthTotals.GetValueOrDefault(key);
            var target = yearTargets.GetValueOrDefault(key);
            var capaian = target is { Nilai: > 0 } ? $"{100.0 * year / target.Nilai:0.#}%" : "-";
            text.Append($"{row.No}. {row.Uraian}\n   target {(target is null ? "-" : target.Nilai.ToString())}, realisasi {year} (bulan ini {month}), capaian {capaian}\n");
        }
        return new TurnResult(new Reply(text.ToString().TrimEnd()));
    }

    private async Task<TurnResult> TargetAsync(Incoming message, string argument, CancellationToken ct)
    {
        var (user, refusal) = await ReporterAsync(message, ct);
        if (user is null) return refusal!;
        if (user.Peran is not (Peran.Atasan or Peran.Admin))
            return new TurnResult(new Reply("Hanya atasan atau admin yang dapat menetapkan target."));
        var m = RowAndValue().Match(argument);
        var jabatan = knowledge.Kb.Find(user.Jabatan!)!;
        if (!m.Success) return new TurnResult(new Reply("Tulis: /target <nomor baris> <nilai>, misalnya /target 2 120."));
        var row = jabatan.Indikator.FirstOrDefault(r => r.No == int.Parse(m.Groups["no"].Value));
        if (row is null || row.TidakTerukur) return new TurnResult(new Reply($"Baris {m.Groups["no"].Value} tidak ada atau tidak terukur pada indikator {jabatan.Nama}."));
        if (!int.TryParse(m.Groups["value"].Value, out var value) || value < 0 || value > interpreter.Options.MaxValue)
            return new TurnResult(new Reply($"Target harus bilangan bulat 0 sampai {interpreter.Options.MaxValue:N0}."));
        var tahun = Periode.Of(time.GetUtcNow()).Tahun;
        await targets.SetAsync(jabatan.Nama, row.KeyFor(jabatan.Nama), tahun, value, null, user.Id, ct);
        return new TurnResult(new Reply($"Target {tahun} ditetapkan: {row.No}. {row.Uraian} = {value}."));
    }

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
        var row = knowledge.Kb.Find(jabatan)?.Indikator.FirstOrDefault(r => !r.TidakTerukur);
        return row is null ? "pencaker dilayani 25" : $"{Short(row.Uraian.Replace("Jumlah ", "", StringComparison.OrdinalIgnoreCase).TrimEnd(' ', ';'), 40)} 5";
    }

    private static string Key(Incoming message) => $"{message.Channel}:{message.MessageId}";

    private static string Label(string code) => Periode.TryParseCode(code, out var p) ? p.Label : code;

    private static string Short(string s, int max) => s.Length > max ? s[..max].TrimEnd() + "…" : s;
}
