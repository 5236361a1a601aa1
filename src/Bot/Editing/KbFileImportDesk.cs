using System.Collections.Concurrent;
using System.Globalization;
using IkiBot.Bot.Conversation;
using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Model;

namespace IkiBot.Bot.Editing;

/// <summary>
/// An admin sends the new IKI document (text export or .docx) to the bot: first one Ya/Tidak question per pair that
/// matches only partly (same row or jabatan?), then the diff with Simpan or Batal (issue 12).
/// </summary>
public sealed class KbFileImportDesk(KbImport import, AdminGate gate) : ICommandDesk
{
    private sealed record Pending(int Token, KbImport.Preview Preview, string FileName, KnowledgeBase Incoming,
        IReadOnlyDictionary<string, bool> Decisions, string? AskedKey);

    private readonly ConcurrentDictionary<string, Pending> _pending = new();
    private int _tokens;

    public IReadOnlyList<string> HelpLines { get; } = ["/impor — (admin) kirim dokumen IKI baru (.txt atau .docx) sebagai berkas; bot menunjukkan perbedaannya"];

    public Task ObserveAsync(Incoming message, CancellationToken ct) => Task.CompletedTask;

    public async Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        if (command is not ("/impor" or "/simpanimpor" or "/batalimpor" or "/samaimpor" or "/bedaimpor")) return null;
        var (allowed, admin, refusal) = await gate.CheckAsync(message, "memuat dokumen IKI baru", ct);
        if (!allowed) return refusal;
        var key = $"{message.Channel}:{message.UserId}";
        if (command == "/batalimpor")
        {
            _pending.TryRemove(key, out _);
            return Say("Impor dibatalkan; dokumen tidak berubah.");
        }
        if (command == "/simpanimpor")
        {
            if (!_pending.TryGetValue(key, out var p) || p.AskedKey is not null || argument != p.Token.ToString(CultureInfo.InvariantCulture))
                return Say("Tidak ada impor yang menunggu disimpan.");
            _pending.TryRemove(key, out _);
            var outcome = await import.SaveAsync(p.Preview, $"impor {p.FileName}", admin?.Id, admin?.NamaTampilan ?? message.DisplayName, ct);
            return Say(outcome.Refusal is not null ? "Tidak disimpan: " + outcome.Refusal : $"Tersimpan sebagai versi {outcome.Saved!.Id}; jawaban bot sudah memakai dokumen baru.");
        }
        if (command is "/samaimpor" or "/bedaimpor")
        {
            if (!_pending.TryGetValue(key, out var p) || p.AskedKey is null || argument != p.Token.ToString(CultureInfo.InvariantCulture))
                return Say("Tidak ada pertanyaan impor yang menunggu jawaban.");
            var decisions = new Dictionary<string, bool>(p.Decisions) { [p.AskedKey] = command == "/samaimpor" };
            return await NextAsync(key, p.Incoming, decisions, p.FileName, ct);
        }
        if (message.File is not { } file) return Say("Kirim dokumen IKI (ekspor teks .txt atau Word .docx) sebagai berkas ke chat ini.");
        if (file.Size > KbImport.MaxBytes) return Say("Berkas terlalu besar; paling besar 5 MB. Tidak ada yang diubah.");
        var (kb, problem) = KbImport.Read(file.FileName, await file.DownloadAsync(ct));
        if (kb is null) return Say(problem!);
        return await NextAsync(key, kb, new Dictionary<string, bool>(), file.FileName, ct);
    }

    /// <summary>The next unclear pair as a question, or (all answered) the diff to save.</summary>
    private async Task<TurnResult> NextAsync(string key, KnowledgeBase incoming, IReadOnlyDictionary<string, bool> decisions, string fileName, CancellationToken ct)
    {
        var preview = await import.PlanAsync(incoming, decisions, ct);
        if (preview.Plan.IsEmpty)
        {
            _pending.TryRemove(key, out _);
            return Say(KbImport.Describe(preview));
        }
        var token = Interlocked.Increment(ref _tokens);
        if (preview.Plan.Unclear.Count > 0)
        {
            var pair = preview.Plan.Unclear[0];
            _pending[key] = new Pending(token, preview, fileName, incoming, decisions, pair.Key);
            var count = preview.Plan.Unclear.Count == 1 ? "" : $" ({preview.Plan.Unclear.Count} pertanyaan)";
            return new TurnResult(new Reply($"Perlu dipastikan dulu{count}:\n{pair.Question}",
                [new Choice("Ya", $"/samaimpor {token}"), new Choice("Tidak", $"/bedaimpor {token}"), new Choice("Batal", "/batalimpor")]));
        }
        _pending[key] = new Pending(token, preview, fileName, incoming, decisions, null);
        return new TurnResult(new Reply(KbImport.Describe(preview) + "\n\nSimpan sebagai versi baru?",
            [new Choice("Simpan", $"/simpanimpor {token}"), new Choice("Batal", "/batalimpor")]));
    }

    private static TurnResult Say(string text) => new(new Reply(text));
}
