using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Reporting;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Bot.Editing;

/// <summary>
/// Admins edit the knowledge base in chat (issue 12): /ubah, /tambah, /hapus of tugas, fungsi and indicator rows,
/// each shown as a before/after preview and stored as a new version only on Simpan; /riwayat, /urungkan.
/// </summary>
public sealed partial class KbEditDesk(KnowledgeVersions versions, AdminGate gate, TimeProvider time) : ICommandDesk, IDialogueDesk
{
    private static readonly string[] Steps = ["program", "indikator", "formulasi", "sumber data"];
    private readonly ConcurrentDictionary<string, NewRowDialogue> _dialogues = new();

    /// <summary>/tambah indikator &lt;jabatan&gt; asks for the columns one message at a time.</summary>
    private sealed record NewRowDialogue(string Jabatan, IReadOnlyList<string> Answers);

    public const int MaxTextLength = 1000;
    private static readonly string[] Columns = ["program", "indikator", "rincian", "formulasi", "sumber", "satuan"];
    private readonly ConcurrentDictionary<string, PendingEdit> _pending = new();
    private int _tokens;

    [GeneratedRegex(@"^[a-zA-Z][.)]?$")]
    private static partial Regex LetterToken();

    [GeneratedRegex(@"^\d{1,3}[.)]?$")]
    private static partial Regex NumberToken();

    public IReadOnlyList<string> HelpLines { get; } =
    [
        "/ubah tugas|fungsi <jabatan> <huruf> <teks> — (admin) ubah dokumen IKI; juga /tambah tugas <jabatan>: <teks>, /hapus tugas <jabatan> <huruf>",
        "/ubah indikator <jabatan> <no> <program|indikator|rincian|formulasi|sumber|satuan> <teks>, /tambah indikator <jabatan> (dipandu) atau /tambah indikator <jabatan>: <program> | <indikator>, /hapus indikator <jabatan> <no>",
        "/riwayat <jabatan> — perubahan dokumen; /urungkan — batalkan perubahan terakhir Anda",
    ];

    public Task ObserveAsync(Incoming message, CancellationToken ct) => Task.CompletedTask;

    public async Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        if (command is not ("/ubah" or "/tambah" or "/hapus" or "/simpan" or "/batalubah" or "/riwayat" or "/urungkan")) return null;
        var (allowed, admin, refusal) = await gate.CheckAsync(message, "mengubah dokumen IKI", ct);
        if (!allowed) return refusal;
        return command switch
        {
            "/simpan" => await SaveAsync(message, admin, argument, ct),
            "/batalubah" => Cancel(message, argument),
            "/riwayat" => await HistoryAsync(argument, ct),
            "/urungkan" => await UndoAsync(message, admin, ct),
            _ => await PreviewAsync(message, command, argument, ct),
        };
    }

    private static string Key(Incoming m) => $"{m.Channel}:{m.UserId}";

    // ---- preview ----

    private async Task<TurnResult> PreviewAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        await versions.RefreshAsync(ct);
        var words = argument.Split([' ', '\t', '\n'], 2, StringSplitOptions.RemoveEmptyEntries);
        var kind = words.Length == 0 ? (ElementKind?)null : words[0].ToLowerInvariant() switch
        {
            "tugas" => ElementKind.Tugas, "fungsi" => ElementKind.Fungsi, "indikator" => ElementKind.Indikator, _ => null,
        };
        if (kind is null) return Say($"Sebutkan tugas, fungsi atau indikator. Contoh: {Example(command, ElementKind.Tugas)}");
        var rest = words.Length > 1 ? words[1].Trim() : "";
        var action = command[1..];
        return action == "tambah" ? await AddAsync(message, kind.Value, rest, command, ct) : await ChangeOrRemoveAsync(message, action, kind.Value, rest, command, ct);
    }

    private static string Example(string command, ElementKind kind) => (command, kind) switch
    {
        ("/tambah", ElementKind.Indikator) => "/tambah indikator bendahara: Program | Jumlah SPJ yang diverifikasi",
        ("/tambah", _) => $"/tambah {kind.Name()} bendahara: Menyusun laporan keuangan bulanan",
        ("/hapus", ElementKind.Indikator) => "/hapus indikator bendahara 3",
        ("/hapus", _) => $"/hapus {kind.Name()} bendahara b",
        (_, ElementKind.Indikator) => "/ubah indikator bendahara 3 formulasi Jumlah SPJ bulan berjalan",
        _ => $"/ubah {kind.Name()} bendahara b Menyusun laporan keuangan bulanan",
    };

    private async Task<TurnResult> ChangeOrRemoveAsync(Incoming message, string action, ElementKind kind, string rest, string command, CancellationToken ct)
    {
        var tokens = rest.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var marker = -1;
        for (var i = 1; i < tokens.Length && marker < 0; i++)
            if (kind == ElementKind.Indikator ? NumberToken().IsMatch(tokens[i]) : LetterToken().IsMatch(tokens[i])) marker = i;
        if (marker < 0)
            return Say(kind == ElementKind.Indikator
                ? $"Sebutkan jabatan dan nomor baris indikator. Contoh: {Example(command, kind)}"
                : $"Sebutkan jabatan dan huruf {kind.Name()}. Contoh: {Example(command, kind)}");
        var jabatanText = string.Join(' ', tokens[..marker]);
        var (j, ask) = Resolve(jabatanText, command, kind, string.Join(' ', tokens[marker..]));
        if (j is null) return ask!;
        var mark = tokens[marker].TrimEnd('.', ')');
        string elemenId;
        if (kind == ElementKind.Indikator)
        {
            var no = int.Parse(mark, CultureInfo.InvariantCulture);
            var row = j.Indikator.FirstOrDefault(r => r.No == no);
            if (row is null)
                return Say(j.Indikator.Count == 0 ? $"{j.Nama} belum punya baris indikator."
                    : $"{j.Nama} tidak punya indikator nomor {no} (ada nomor {string.Join(", ", j.Indikator.Select(r => r.No))}).");
            elemenId = row.Id;
        }
        else
        {
            var list = kind == ElementKind.Tugas ? j.Tugas : j.Fungsi;
            var index = char.ToLowerInvariant(mark[0]) - 'a';
            if (index < 0 || index >= list.Count)
                return Say(list.Count == 0 ? $"{j.Nama} belum punya {kind.Name()}."
                    : $"{j.Nama} tidak punya {kind.Name()} huruf {mark.ToLowerInvariant()} (ada a–{KbElements.Letter(list.Count - 1)}).");
            elemenId = list[index].Id;
        }
        var label = KbElements.Label(j, elemenId);
        var text = string.Join(' ', tokens[(marker + 1)..]);
        var found = KbElements.Find(j, elemenId)!.Value;

        if (action == "hapus")
        {
            var note = "";
            if (found.Element is KbIndikator row)
            {
                var count = await versions.Store.RealisasiCountAsync(j.Nama, row.Id, JakartaTime.From(time.GetUtcNow()).Year, ct);
                if (count > 0) note = $"\nBaris ini punya {count} laporan realisasi tahun ini. Riwayatnya tetap tersimpan, tetapi baris ini tidak bisa dilapori lagi. Tetap hapus?";
            }
            return Preview(message, j, elemenId, $"hapus {kind.Name()}", label, Show(found.Element), null, x => KbElements.Put(x, elemenId, null, 0), note,
                note.Length > 0 ? "Tetap hapus" : "Simpan");
        }

        string column = "";
        if (kind == ElementKind.Indikator)
        {
            var first = text.Split(' ', 2);
            column = first[0].ToLowerInvariant();
            if (!Columns.Contains(column))
                return Say($"Kolom harus salah satu dari: {string.Join(", ", Columns)}. Contoh: {Example(command, kind)}");
            text = first.Length > 1 ? first[1].Trim() : "";
            label += $" ({column})";
        }
        if (TextProblem(text, command, kind) is { } problem) return Say(problem);

        if (found.Element is KbTeks teks)
        {
            var changed = teks with { Teks = text };
            return Preview(message, j, elemenId, $"ubah {kind.Name()}", label, teks.Teks, text, x => KbElements.Put(x, elemenId, changed, found.Index));
        }
        var r0 = (KbIndikator)found.Element;
        var (before, after) = column switch
        {
            "program" => (r0.Program, r0 with { Program = text }),
            "indikator" => (r0.Uraian, r0 with { Uraian = text }),
            "rincian" => (string.Join("\n", r0.Rincian), r0 with { Rincian = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }),
            "formulasi" => (r0.Formulasi, r0 with { Formulasi = text }),
            "sumber" => (r0.SumberData, r0 with { SumberData = text }),
            _ => (r0.Satuan ?? "", r0 with { Satuan = text }),
        };
        return Preview(message, j, elemenId, "ubah indikator", label, before, text, x => KbElements.Put(x, elemenId, after, found.Index));
    }

    private Task<TurnResult> AddAsync(Incoming message, ElementKind kind, string rest, string command, CancellationToken ct)
    {
        var colon = rest.IndexOf(':');
        if (colon < 0 && kind == ElementKind.Indikator && rest.Length > 0)
        {
            var (named, askBack) = Resolve(rest, command, kind, ":");
            if (named is null) return Task.FromResult(askBack!.Replies[0].Choices.Count > 0
                ? new TurnResult(askBack.Replies[0] with { Choices = askBack.Replies[0].Choices.Select(c => c with { Payload = $"/tambah indikator {c.Label}" }).ToList() })
                : askBack);
            _dialogues[Key(message)] = new NewRowDialogue(named.Nama, []);
            var next = named.Indikator.Count == 0 ? 1 : named.Indikator.Max(r => r.No) + 1;
            return Task.FromResult(Say($"Baris indikator baru untuk {named.Nama} (nomor {next}).\nKirim *program*-nya. (/batalubah untuk berhenti)"));
        }
        if (colon <= 0) return Task.FromResult(Say($"Pisahkan jabatan dan teks dengan titik dua. Contoh: {Example(command, kind)}"));
        var (j, ask) = Resolve(rest[..colon].Trim(), command, kind, ": " + rest[(colon + 1)..].Trim());
        if (j is null) return Task.FromResult(ask!);
        var text = rest[(colon + 1)..].Trim();
        if (kind != ElementKind.Indikator)
        {
            if (TextProblem(text, command, kind) is { } problem) return Task.FromResult(Say(problem));
            var added = new KbTeks(KbDocument.NewId(kind == ElementKind.Tugas ? "tgs" : "fgs"), text);
            var position = kind == ElementKind.Tugas ? j.Tugas.Count : j.Fungsi.Count;
            return Task.FromResult(Preview(message, j, added.Id, $"tambah {kind.Name()}", $"{kind.Name()} {KbElements.Letter(position)}", null, text,
                x => KbElements.Put(x, added.Id, added, int.MaxValue)));
        }
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts.Length > 4)
            return Task.FromResult(Say($"Tulis kolomnya dipisah \"|\": program | indikator [| formulasi | sumber data]. Contoh: {Example(command, kind)}"));
        foreach (var part in parts.Take(2))
            if (TextProblem(part, command, kind) is { } problem) return Task.FromResult(Say(problem));
        if (parts.Any(p => p.Length > MaxTextLength)) return Task.FromResult(Say($"Teks terlalu panjang; paling banyak {MaxTextLength:N0} karakter per kolom.".Replace(',', '.')));
        var no = j.Indikator.Count == 0 ? 1 : j.Indikator.Max(r => r.No) + 1;
        var row = new KbIndikator(KbDocument.NewId("ind"), no, parts[0], parts[1], [], parts.ElementAtOrDefault(2) ?? "", parts.ElementAtOrDefault(3) ?? "");
        return Task.FromResult(Preview(message, j, row.Id, "tambah indikator", $"indikator {no}", null, Show(row),
            x => KbElements.Put(x, row.Id, row with { No = x.Indikator.Count == 0 ? 1 : x.Indikator.Max(r => r.No) + 1 }, int.MaxValue)));
    }

    private static string? TextProblem(string text, string command, ElementKind kind)
    {
        if (string.IsNullOrWhiteSpace(text)) return $"Teks barunya kosong. Contoh: {Example(command, kind)}";
        if (text.Length > MaxTextLength) return $"Teks terlalu panjang ({text.Length} karakter); paling banyak 1.000 karakter.";
        return null;
    }

    /// <summary>The jabatan named, accepting abbreviations and typos; else a question back or a refusal.</summary>
    private (KbJabatan? Jabatan, TurnResult? Ask) Resolve(string text, string command, ElementKind kind, string rest)
    {
        if (text.Length == 0) return (null, Say($"Sebutkan jabatannya. Contoh: {Example(command, kind)}"));
        var name = versions.Knowledge.ResolveJabatan(text, out var candidates);
        if (name is not null && versions.Document.Find(name) is { } j) return (j, null);
        if (candidates.Count == 0) return (null, Say($"Jabatan \"{text}\" tidak ada dalam dokumen IKI. Lihat daftarnya dengan /jabatan."));
        var choices = candidates.Select(c => new Choice(c, $"{command} {kind.Name()} {c}{(rest.StartsWith(':') ? "" : " ")}{rest}")).ToList();
        var lines = string.Join("\n", candidates.Select((c, i) => $"{i + 1}. {c}"));
        return (null, new TurnResult(new Reply($"Maksud Anda jabatan yang mana?\n{lines}", choices) { ChoicesInText = true }));
    }

    private TurnResult Preview(Incoming message, KbJabatan j, string elemenId, string jenis, string label, string? before, string? after,
        Func<KbJabatan, KbJabatan> apply, string note = "", string saveLabel = "Simpan")
    {
        var token = Interlocked.Increment(ref _tokens);
        _pending[Key(message)] = new PendingEdit(token, versions.VersionId, j.Nama, elemenId, jenis, label, before, after,
            KbElements.Fingerprint(j, elemenId), apply);
        var text = new StringBuilder($"*Pratinjau perubahan* — {j.Nama}, {label}\n");
        text.Append($"Sebelum: {before ?? "(belum ada)"}\n");
        text.Append($"Sesudah: {after ?? "(dihapus)"}");
        text.Append(note.Length > 0 ? note : "\nDisimpan hanya bila Anda menekan Simpan.");
        return new TurnResult(new Reply(text.ToString(), [new Choice(saveLabel, $"/simpan {token}"), new Choice("Batal", $"/batalubah {token}")]));
    }

    private static string Show(object element) => element switch
    {
        KbTeks t => t.Teks,
        KbIndikator r => $"{r.No}. {r.Program} — {r.Uraian}" + (r.Formulasi.Length > 0 ? $"; formulasi: {r.Formulasi}" : "") + (r.SumberData.Length > 0 ? $"; sumber: {r.SumberData}" : ""),
        _ => "",
    };

    // ---- save, cancel ----

    public Task<TurnResult?> ContinueAsync(Incoming message, string text, CancellationToken ct)
    {
        if (!_dialogues.TryGetValue(Key(message), out var dialogue)) return Task.FromResult<TurnResult?>(null);
        var step = dialogue.Answers.Count;
        var answer = text.Trim();
        if (step >= 2 && answer == "-") answer = "";
        else if (TextProblem(answer, "/tambah", ElementKind.Indikator) is { } problem) return Task.FromResult<TurnResult?>(Say(problem));
        var answers = dialogue.Answers.Append(answer).ToList();
        if (answers.Count < Steps.Length)
        {
            _dialogues[Key(message)] = dialogue with { Answers = answers };
            var optional = answers.Count >= 2 ? " (atau \"-\" bila kosong)" : "";
            return Task.FromResult<TurnResult?>(Say($"Kirim *{Steps[answers.Count]}*-nya{optional}."));
        }
        _dialogues.TryRemove(Key(message), out _);
        var j = versions.Document.Find(dialogue.Jabatan);
        if (j is null) return Task.FromResult<TurnResult?>(Say($"Jabatan {dialogue.Jabatan} sudah tidak ada dalam dokumen."));
        var no = j.Indikator.Count == 0 ? 1 : j.Indikator.Max(r => r.No) + 1;
        var row = new KbIndikator(KbDocument.NewId("ind"), no, answers[0], answers[1], [], answers[2], answers[3]);
        return Task.FromResult<TurnResult?>(Preview(message, j, row.Id, "tambah indikator", $"indikator {no}", null, Show(row),
            x => KbElements.Put(x, row.Id, row with { No = x.Indikator.Count == 0 ? 1 : x.Indikator.Max(r => r.No) + 1 }, int.MaxValue)));
    }

    private TurnResult Cancel(Incoming message, string argument)
    {
        _dialogues.TryRemove(Key(message), out _);
        if (_pending.TryGetValue(Key(message), out var p) && (argument.Length == 0 || argument == p.Token.ToString(CultureInfo.InvariantCulture)))
            _pending.TryRemove(Key(message), out _);
        return Say("Perubahan dibatalkan; dokumen tidak berubah.");
    }

    private async Task<TurnResult> SaveAsync(Incoming message, Pengguna? admin, string argument, CancellationToken ct)
    {
        if (!_pending.TryGetValue(Key(message), out var p) || (argument.Length > 0 && argument != p.Token.ToString(CultureInfo.InvariantCulture)))
            return Say("Tidak ada perubahan yang menunggu disimpan (atau pratinjau ini sudah diganti yang lebih baru).");
        string? conflictBy = null;
        var outcome = await versions.SaveAsync((doc, latestId) =>
        {
            var j = doc.Find(p.Jabatan);
            if (j is null) return EditResult.Refused($"Jabatan {p.Jabatan} sudah tidak ada dalam dokumen.");
            if (latestId != p.BaseVersionId && KbElements.Fingerprint(j, p.ElemenId) != p.BeforeFingerprint)
            {
                conflictBy = "?";
                return EditResult.Refused("conflict");
            }
            var changed = p.Apply(j);
            var label = KbElements.Find(changed, p.ElemenId) is not null ? KbElements.Label(changed, p.ElemenId) : p.Label;
            if (p.Label.Contains('(')) label = p.Label;
            var row = new KbPerubahan { Oleh = "", Jabatan = j.Nama, Jenis = p.Jenis, ElemenId = p.ElemenId, Label = label, Sebelum = p.Sebelum, Sesudah = p.Sesudah };
            return new EditResult(doc.With(changed), [row], null);
        }, "ubah", $"{p.Jenis} {p.Jabatan} {p.Label}", admin?.Id, admin?.NamaTampilan ?? message.DisplayName, ct);
        if (conflictBy is not null)
        {
            _pending.TryRemove(Key(message), out _);
            var by = await versions.Store.ChangedSinceAsync(p.ElemenId, p.BaseVersionId, ct);
            var who = by is null ? "admin lain" : $"{by.Oleh} ({JakartaTime.From(by.Waktu):dd/MM HH:mm} WIB)";
            return Say($"Tidak disimpan: {p.Label} {p.Jabatan} sudah diubah oleh {who} setelah pratinjau Anda. Lihat lagi isinya, lalu ulangi perubahan Anda.");
        }
        if (outcome.Refusal is not null) return Say("Tidak disimpan: " + outcome.Refusal);
        _pending.TryRemove(Key(message), out _);
        return Say($"Tersimpan (versi {outcome.Saved!.Id}): {p.Jenis} {p.Jabatan}, {p.Label}. Jawaban bot sudah memakai isi baru. Batalkan dengan /urungkan.");
    }

    // ---- history, undo ----

    private async Task<TurnResult> HistoryAsync(string argument, CancellationToken ct)
    {
        if (argument.Length == 0) return Say("Sebutkan jabatannya, misalnya: /riwayat bendahara");
        var (j, ask) = Resolve(argument, "/riwayat", ElementKind.Tugas, "");
        if (j is null)
            return ask!.Replies[0].Choices.Count > 0
                ? new TurnResult(ask.Replies[0] with { Choices = ask.Replies[0].Choices.Select(c => c with { Payload = $"/riwayat {c.Label}" }).ToList() })
                : ask;
        var history = await versions.Store.HistoryAsync(j.Nama, 10, ct);
        if (history.Count == 0) return Say($"Belum ada perubahan pada {j.Nama} sejak dokumen dimuat.");
        var text = new StringBuilder($"*Riwayat perubahan {j.Nama}* (terbaru di atas)\n");
        foreach (var h in history)
        {
            var undone = h.DiurungkanOlehId is not null ? " (diurungkan)" : "";
            text.Append($"\n{JakartaTime.From(h.Waktu):dd/MM/yyyy HH:mm} · {h.Oleh} · {h.Jenis}, {h.Label}{undone}\n");
            text.Append($"  sebelum: {Short(h.Sebelum ?? "(belum ada)")}\n  sesudah: {Short(h.Sesudah ?? "(dihapus)")}\n");
        }
        return new TurnResult(MessageSplitter.Split(text.ToString().TrimEnd(), 3500).Select(part => new Reply(part)).ToArray());
    }

    private static string Short(string s) => s.Length > 160 ? s[..160] + "…" : s;

    private async Task<TurnResult> UndoAsync(Incoming message, Pengguna? admin, CancellationToken ct)
    {
        if (admin is null) return Say("Daftarkan diri Anda dulu dengan /mulai agar perubahan Anda tercatat.");
        var last = await versions.Store.LastUndoableAsync(admin.Id, ct);
        if (last is null) return Say("Tidak ada perubahan Anda yang bisa diurungkan.");
        var before = await versions.Store.FindAsync(last.VersionId - 1, ct);
        var after = await versions.Store.FindAsync(last.VersionId, ct);
        if (before is null || after is null) return Say("Versi sebelum perubahan itu tidak ditemukan; tidak ada yang diubah.");
        var old = KbDocument.FromJson(before.Isi).Find(last.Jabatan);
        var afterFingerprint = KbElements.Fingerprint(KbDocument.FromJson(after.Isi).Find(last.Jabatan), last.ElemenId);
        var restore = old is null ? null : KbElements.Find(old, last.ElemenId);
        string? conflict = null;
        var outcome = await versions.SaveAsync((doc, _) =>
        {
            var j = doc.Find(last.Jabatan);
            if (j is null) return EditResult.Refused($"Jabatan {last.Jabatan} sudah tidak ada dalam dokumen.");
            if (KbElements.Fingerprint(j, last.ElemenId) != afterFingerprint) { conflict = "x"; return EditResult.Refused("conflict"); }
            var changed = KbElements.Put(j, last.ElemenId, restore?.Element, restore?.Index ?? 0);
            var row = new KbPerubahan
            {
                Oleh = "", Jabatan = j.Nama, Jenis = "urungkan " + last.Jenis, ElemenId = last.ElemenId, Label = last.Label,
                Sebelum = last.Sesudah, Sesudah = last.Sebelum, MengurungkanId = last.Id,
            };
            return new EditResult(doc.With(changed), [row], null);
        }, "urungkan", $"urungkan {last.Jenis} {last.Jabatan} {last.Label}", admin.Id, admin.NamaTampilan, ct);
        if (conflict is not null)
        {
            var by = await versions.Store.ChangedSinceAsync(last.ElemenId, last.VersionId, ct);
            return Say($"Tidak bisa diurungkan: {last.Label} {last.Jabatan} sudah diubah lagi oleh {by?.Oleh ?? "admin lain"}. Lihat /riwayat {last.Jabatan}.");
        }
        if (outcome.Refusal is not null) return Say("Tidak diurungkan: " + outcome.Refusal);
        return Say($"Diurungkan (versi {outcome.Saved!.Id}): {last.Jenis} {last.Jabatan}, {last.Label} kembali seperti sebelumnya.");
    }

    private static TurnResult Say(string text) => new(new Reply(text));
}
