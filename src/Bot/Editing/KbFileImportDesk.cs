using System.Collections.Concurrent;
using System.Globalization;
using IkiBot.Bot.Conversation;
using IkiBot.Knowledge.Answers;

namespace IkiBot.Bot.Editing;

/// <summary>An admin sends the new IKI document (text export or .docx) to the bot: the diff, then Simpan or Batal (issue 12).</summary>
public sealed class KbFileImportDesk(KbImport import, AdminGate gate) : ICommandDesk
{
    private readonly ConcurrentDictionary<string, (int Token, KbImport.Preview Preview, string FileName)> _pending = new();
    private int _tokens;

    public IReadOnlyList<string> HelpLines { get; } = ["/impor — (admin) kirim dokumen IKI baru (.txt atau .docx) sebagai berkas; bot menunjukkan perbedaannya"];

    public Task ObserveAsync(Incoming message, CancellationToken ct) => Task.CompletedTask;

    public async Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        if (command is not ("/impor" or "/simpanimpor" or "/batalimpor")) return null;
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
            if (!_pending.TryGetValue(key, out var p) || argument != p.Token.ToString(CultureInfo.InvariantCulture))
                return Say("Tidak ada impor yang menunggu disimpan.");
            _pending.TryRemove(key, out _);
            var outcome = await import.SaveAsync(p.Preview, $"impor {p.FileName}", admin?.Id, admin?.NamaTampilan ?? message.DisplayName, ct);
            return Say(outcome.Refusal is not null ? "Tidak disimpan: " + outcome.Refusal : $"Tersimpan sebagai versi {outcome.Saved!.Id}; jawaban bot sudah memakai dokumen baru.");
        }
        if (message.File is not { } file) return Say("Kirim dokumen IKI (ekspor teks .txt atau Word .docx) sebagai berkas ke chat ini.");
        if (file.Size > KbImport.MaxBytes) return Say("Berkas terlalu besar; paling besar 5 MB. Tidak ada yang diubah.");
        var (kb, problem) = KbImport.Read(file.FileName, await file.DownloadAsync(ct));
        if (kb is null) return Say(problem!);
        var preview = await import.PlanAsync(kb, ct);
        if (preview.Plan.IsEmpty) return Say(KbImport.Describe(preview));
        var token = Interlocked.Increment(ref _tokens);
        _pending[key] = (token, preview, file.FileName);
        return new TurnResult(new Reply(KbImport.Describe(preview) + "\n\nSimpan sebagai versi baru?",
            [new Choice("Simpan", $"/simpanimpor {token}"), new Choice("Batal", "/batalimpor")]));
    }

    private static TurnResult Say(string text) => new(new Reply(text));
}
