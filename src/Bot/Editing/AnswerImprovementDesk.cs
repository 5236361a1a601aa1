using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Editing;

/// <summary>
/// The loop that improves answers (issue 12): questions the bot could not answer, or whose question back was left,
/// are logged; /belumterjawab shows admins the most frequent; /sinonim kata = istilah dokumen takes effect at once.
/// </summary>
public sealed partial class AnswerImprovementDesk(IkiKnowledge knowledge, AnswerImprovementStore store, AdminGate gate, TimeProvider time)
    : ICommandDesk, IQuestionLog
{
    public const int MaxIstilahLength = 100;

    [GeneratedRegex(@"^[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*$")]
    private static partial Regex OneWord();

    public IReadOnlyList<string> HelpLines { get; } =
    [
        "/belumterjawab — (admin) pertanyaan yang paling sering belum terjawab, 30 hari terakhir",
        "/sinonim <kata> = <istilah dokumen> — (admin) ajarkan kata baru; /sinonim hapus <kata>; /sinonim — daftarnya",
    ];

    public Task ObserveAsync(Incoming message, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Loads the stored synonyms into the live knowledge (at start).</summary>
    public async Task LoadAsync(CancellationToken ct = default) =>
        knowledge.Synonyms.Set((await store.ActiveSynonymsAsync(ct)).Select(s => KeyValuePair.Create(s.Kata, s.Istilah)));

    public Task UnansweredAsync(Incoming message, string question, string kind, IReadOnlyList<string> offered, CancellationToken ct) =>
        store.LogAsync(message.Channel, message.UserId, question, TextNormalizer.Collapse(question).ToLowerInvariant().TrimEnd('?', '.', '!', ' '),
            kind, string.Join("; ", offered), ct);

    public async Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        if (command is not ("/belumterjawab" or "/sinonim")) return null;
        var (allowed, admin, refusal) = await gate.CheckAsync(message, command == "/sinonim" ? "menambah sinonim" : "melihat pertanyaan yang belum terjawab", ct);
        if (!allowed) return refusal;
        return command == "/belumterjawab" ? await UnansweredListAsync(ct) : await SynonymAsync(admin, argument, ct);
    }

    private async Task<TurnResult> UnansweredListAsync(CancellationToken ct)
    {
        var groups = await store.MostFrequentAsync(time.GetUtcNow().AddDays(-30), 10, ct);
        if (groups.Count == 0) return Say("Tidak ada pertanyaan yang belum terjawab dalam 30 hari terakhir.");
        var text = new StringBuilder("*Pertanyaan belum terjawab* (30 hari terakhir, tersering di atas)\n");
        var n = 0;
        foreach (var g in groups)
        {
            var how = g.Jenis == "ditinggalkan" ? $"pilihan ditinggalkan: {g.Ditawarkan}" : "tidak dipahami";
            text.Append($"\n{++n}. \"{g.Teks}\" — {g.Count}x, {g.Pengguna} orang, terakhir {JakartaTime.From(g.Terakhir):dd/MM HH:mm} ({how})");
        }
        text.Append("\n\nAjarkan kata yang belum dikenal dengan /sinonim <kata> = <istilah dokumen>.");
        return Say(text.ToString());
    }

    private async Task<TurnResult> SynonymAsync(Pengguna? admin, string argument, CancellationToken ct)
    {
        if (argument.Length == 0)
        {
            var all = await store.ActiveSynonymsAsync(ct);
            return Say(all.Count == 0 ? "Belum ada sinonim tambahan. Contoh: /sinonim pesangon = pemutusan hubungan kerja"
                : "*Sinonim tambahan*\n" + string.Join("\n", all.Select(s => $"{s.Kata} = {s.Istilah}")));
        }
        if (argument.StartsWith("hapus ", StringComparison.OrdinalIgnoreCase))
        {
            var word = argument[6..].Trim().ToLowerInvariant();
            if (!await store.RemoveSynonymAsync(word, admin?.Id, ct)) return Say($"Tidak ada sinonim untuk \"{word}\".");
            await LoadAsync(ct);
            return Say($"Sinonim \"{word}\" dihapus; berlaku sekarang.");
        }
        var eq = argument.IndexOf('=');
        if (eq < 0) return Say("Tulis: /sinonim <kata> = <istilah dokumen>, misalnya /sinonim pesangon = pemutusan hubungan kerja");
        var kata = argument[..eq].Trim().ToLowerInvariant();
        var istilah = argument[(eq + 1)..].Trim();
        if (!OneWord().IsMatch(kata)) return Say("Kata sebelum \"=\" harus satu kata, misalnya: pesangon");
        if (istilah.Length == 0) return Say("Istilah dokumen sesudah \"=\" kosong.");
        if (istilah.Length > MaxIstilahLength) return Say($"Istilah terlalu panjang ({istilah.Length} karakter); paling banyak {MaxIstilahLength}.");
        var missing = MissingWords(istilah);
        if (missing.Count > 0) return Say($"Kata {string.Join(", ", missing.Select(w => $"\"{w}\""))} tidak ada di dokumen IKI; sinonim harus menunjuk istilah dokumen.");
        await store.SetSynonymAsync(kata, istilah, admin?.Id, ct);
        await LoadAsync(ct);
        return Say($"Sinonim disimpan: \"{kata}\" dibaca sebagai \"{istilah}\"; berlaku sekarang. Hapus dengan /sinonim hapus {kata}.");
    }

    /// <summary>Words of the istilah that occur nowhere in the current document.</summary>
    private List<string> MissingWords(string istilah)
    {
        var kb = knowledge.Kb;
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var j in kb.Jabatan)
            foreach (var t in j.Tugas.Concat(j.Fungsi).Concat(j.Indikator.SelectMany(r => new[] { r.Program, r.Uraian, r.Formulasi, r.SumberData }.Concat(r.Rincian))).Append(j.Nama))
                foreach (Match m in Regex.Matches(t, @"[\p{L}\p{N}]+")) words.Add(m.Value);
        return Regex.Matches(istilah, @"[\p{L}\p{N}]+").Select(m => m.Value).Where(w => !words.Contains(w)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static TurnResult Say(string text) => new(new Reply(text));
}
