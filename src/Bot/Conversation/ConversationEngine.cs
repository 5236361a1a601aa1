using IkiBot.Knowledge;
using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Bot.Conversation;

/// <summary>
/// The channel-neutral conversation: one incoming message in, the replies out.
/// Commands are Indonesian ("/tugas", "/bantuan"); anything else is a question or, from a registered user, a report.
/// </summary>
public sealed class ConversationEngine(IkiKnowledge knowledge, IReportDesk? reports = null, ICommandDesk? supervision = null, IQuestionLog? questionLog = null, CommandGate? gate = null)
{
    public const int MaxMessageLength = 2000;
    private readonly ChoiceMemory _choices = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Question, IReadOnlyList<Choice> Offered)> _askedBack = new();

    public IkiKnowledge Knowledge => knowledge;

    public async Task<TurnResult> HandleAsync(Incoming message, CancellationToken ct = default)
    {
        var text = (message.Text ?? "").Trim();
        var user = $"{message.Channel}:{message.UserId}";
        if (text.Length == 0) return new TurnResult(new Reply("Pesan kosong. Ketik pertanyaan Anda, misalnya \"tugas kasi PHI\", atau /bantuan."));
        if (text.Length > MaxMessageLength)
            return new TurnResult(new Reply($"Pesan terlalu panjang ({text.Length} karakter). Kirim pertanyaan singkat, paling banyak {MaxMessageLength} karakter."));

        if (_choices.Resolve(user, text) is { } payload) text = payload;
        else if (_choices.Pending(user) is { } open)
        {
            // A number that was not offered asks the same question again; the pending report stays.
            if (int.TryParse(text, out var n))
                return new TurnResult(open with { Text = $"Nomor {n} tidak ada di pilihan.\n{open.Text}" });
            if (CancelWords.Matches(text))
            {
                _choices.Forget(user);
                var dropped = reports is not null && await reports.DropPendingAsync(message, ct);
                return new TurnResult(new Reply(dropped ? "Baik, pertanyaan tadi dibatalkan; laporannya tidak disimpan." : "Baik, pertanyaan tadi dibatalkan."));
            }
        }
        if (CancelWords.IsBatal(text)) text = "/batal";
        await NoteAbandonedAsync(message, user, text, ct);
        var result = await RouteAsync(message with { Text = text }, text, ct);
        _choices.Remember(user, result.Replies.LastOrDefault());
        return result;
    }

    private async Task<TurnResult> RouteAsync(Incoming message, string text, CancellationToken ct)
    {
        if (supervision is not null) await supervision.ObserveAsync(message, ct);
        if (text.StartsWith('/'))
        {
            var (command, argument) = SplitCommand(text);
            // Who may use which command in which chat: CommandTable.
            if (gate is not null && await gate.RefuseAsync(message, command, argument, ct) is { } refused) return refused;
            switch (command)
            {
                case "/mulai" or "/start":
                    // In a group only the welcome: registering is personal.
                    return reports is null || !message.IsPrivate ? new TurnResult(new Reply(Welcome())) : await reports.StartAsync(message, Welcome(), ct);
                case "/keluar" or "/exit" or "/quit":
                    // The terminal stops on /keluar itself; a chat app has nothing to end.
                    return new TurnResult(new Reply("Sampai jumpa. Ketik /mulai kapan saja untuk mulai lagi."));
                case "/bantuan" or "/help":
                    return new TurnResult(new Reply(Help(reports is not null, supervision?.HelpLines)));
                case "/tugas": return await AboutAsync(message, Intent.Tugas, argument, ct);
                case "/fungsi": return await AboutAsync(message, Intent.Fungsi, argument, ct);
                case "/indikator": return await AboutAsync(message, Intent.Indikator, argument, ct);
                case "/jabatan" when argument.Length == 0:
                    return new TurnResult(Reply.From(knowledge.Answers.Daftar()));
            }
            if (supervision is not null && await supervision.HandleCommandAsync(message, command, argument, ct) is { } supervised)
                return supervised;
            if (reports is not null)
            {
                var handled = await reports.HandleCommandAsync(message, command, argument, ct);
                if (handled is not null) return handled;
            }
            return new TurnResult(new Reply($"Perintah {Shorten(command)} tidak dikenal. Ketik /bantuan untuk daftar perintah."));
        }

        if (supervision is IDialogueDesk dialogue && await dialogue.ContinueAsync(message, text, ct) is { } continued)
            return continued;

        if (reports is not null && await reports.LooksLikeReportAsync(message, text, ct))
        {
            var handled = await reports.HandleReportAsync(message, text, ct);
            if (handled is not null) return handled;
        }

        // "indikator saya apa aja": a registered user asking about their own jabatan.
        if (reports is not null && OwnJabatanQuestion.Intent(knowledge, text) is { } own
            && await reports.JabatanOfAsync(message, ct) is { } mine)
            return new TurnResult(Reply.From(knowledge.AskAbout(own, mine).Answer));

        var (interpretation, answer) = knowledge.Ask(text);
        if (questionLog is not null)
        {
            if (interpretation.NeedsChoice) _askedBack[$"{message.Channel}:{message.UserId}"] = (text, answer.Choices);
            else if (!Answered(interpretation)) await questionLog.UnansweredAsync(message, text, "tidak-terjawab", [], ct);
        }
        return new TurnResult(Reply.From(answer));
    }

    private static bool Answered(Interpretation i) =>
        i.Intent == Intent.Daftar || (i.Jabatan.Count > 0 && i.Intent is Intent.Siapa or Intent.Tugas or Intent.Fungsi or Intent.Indikator or Intent.Atasan);

    /// <summary>A question back whose choices the user did not take is logged as left.</summary>
    private async Task NoteAbandonedAsync(Incoming message, string user, string text, CancellationToken ct)
    {
        if (questionLog is null || !_askedBack.TryRemove(user, out var asked)) return;
        if (asked.Offered.Any(c => c.Payload == text)) return;
        await questionLog.UnansweredAsync(message, asked.Question, "ditinggalkan", asked.Offered.Select(c => c.Label).ToList(), ct);
    }

    private async Task<TurnResult> AboutAsync(Incoming message, Intent intent, string argument, CancellationToken ct)
    {
        if (argument.Length == 0 || OwnJabatanQuestion.IsSelf(argument))
        {
            // "/indikator" alone from a registered user: their own jabatan.
            if (reports is not null && await reports.JabatanOfAsync(message, ct) is { } mine) argument = mine;
            else return new TurnResult(new Reply($"Sebutkan jabatannya, misalnya /{intent.Code()} kasi PHI"));
        }
        var (_, answer) = knowledge.AskAbout(intent, argument);
        return new TurnResult(Reply.From(answer));
    }

    public static (string Command, string Argument) SplitCommand(string text)
    {
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var command = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var at = command.IndexOf('@'); // "/tugas@IkiBot" in Telegram groups
        if (at > 0) command = command[..at];
        return (command, space < 0 ? "" : text[(space + 1)..].Trim());
    }

    public static string Welcome() =>
        "*Selamat datang di IkiBot*\n" +
        "Saya menjawab pertanyaan tentang tugas, fungsi dan indikator kinerja (IKI) setiap jabatan di Dinas Tenaga Kerja.\n" +
        "Contoh: \"apa tugas Seksi PHI?\", \"indikator kasubag keuangan\", \"siapa yg ngurus IMTA?\".\n" +
        "Ketik /bantuan untuk semua perintah.";

    public static string Help(bool reporting, IReadOnlyList<string>? more = null)
    {
        var lines = new List<string>
        {
            "*Perintah IkiBot*",
            "/mulai — mulai memakai IkiBot" + (reporting ? " dan pilih jabatan Anda" : ""),
            "/tugas <jabatan> — tugas suatu jabatan",
            "/fungsi <jabatan> — fungsi suatu jabatan",
            "/indikator <jabatan> — indikator kinerja (IKI)",
            "/jabatan — daftar semua jabatan",
        };
        if (reporting)
            lines.AddRange(
            [
                "/jabatan saya <jabatan> — pilih jabatan Anda",
                "/laporanku [periode] — laporan Anda, mis. /laporanku oktober",
                "/batal — batalkan pertanyaan yang menunggu, atau laporan terakhir (dengan konfirmasi)",
                "/koreksi <no> <nilai> [bulan] — ganti total satu indikator, mis. /koreksi 2 30 bulan lalu",
                "/rekap [periode] — target dan realisasi Anda; atasan dan admin: jabatan di bawah Anda",
                "/target [jabatan] <no> <nilai> — target tahun ini (atasan: jabatan di bawahnya; admin: semua)",
            ]);
        if (more is not null) lines.AddRange(more);
        lines.Add("/keluar — akhiri obrolan di terminal");
        if (reporting) lines.Add("Lapor realisasi cukup dengan satu pesan, mis. \"pencaker dilayani 25\".");
        lines.Add("Atau tanyakan langsung, mis. \"siapa yg ngurus IMTA?\" atau \"atasan kasi PHI\".");
        return string.Join("\n", lines);
    }

    private static string Shorten(string s) => s.Length > 30 ? s[..30] + "…" : s;
}
