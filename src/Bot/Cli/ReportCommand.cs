using System.Text.Json;
using IkiBot.Bot.Composition;
using IkiBot.Data;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>`report --as "JABATAN" "text" [--dry-run] [--json]`, or JSON Lines {"as","text"} on stdin with --json.</summary>
public static class ReportCommand
{
    public const string Channel = "cli";

    public sealed record ReportOutput(string Status, int? No, string? Indikator, int? Value, string Periode, IReadOnlyList<int>? Candidates, string Message);

    public static async Task<ReportOutput> RunAsync(BotServices services, string jabatan, string text, bool dryRun, string? messageId = null, CancellationToken ct = default)
    {
        var now = services.Time.GetUtcNow();
        var known = services.Knowledge.Kb.Find(jabatan);
        if (known is null)
            return new ReportOutput("reject", null, null, null, Periode.Of(now).Code, null,
                $"Jabatan \"{jabatan}\" tidak ada dalam dokumen IKI. Ketik nama jabatan persis seperti di /jabatan.");
        var decision = services.Reports.Interpret(known.Nama, text, now);
        var (rincian, ask) = decision is { Status: ReportStatus.Ok, Row: { } picked } ? RincianItems.Pick(picked, text) : (null, []);
        if (ask.Count > 0)
            return new ReportOutput("clarify", null, null, decision.Value, decision.Periode.Code, [decision.Row!.No],
                $"Angka {decision.Value} pada baris {decision.Row.No} untuk yang mana? Sebutkan salah satu: {string.Join("; ", ask)}.");
        switch (decision.Status)
        {
            case ReportStatus.Ok when !dryRun:
                var reporterId = await ReporterIdAsync(services, known.Nama, ct);
                var (result, confirmation) = await services.Recorder.RecordAsync(reporterId, known.Nama, decision.Row!, decision.Value!.Value,
                    decision.Periode, $"{Channel}:{messageId ?? Guid.NewGuid().ToString("N")}", text, ct, rincian);
                return new ReportOutput("ok", decision.Row!.No, rincian ?? decision.Row.Uraian, result.Entry.Nilai, decision.Periode.Code, null, confirmation);
            case ReportStatus.Ok:
                return new ReportOutput("ok", decision.Row!.No, rincian ?? decision.Row.Uraian, decision.Value, decision.Periode.Code, null,
                    $"(uji, tidak disimpan) {decision.Row.No}. {rincian ?? decision.Row.Uraian}: {decision.Value} — {decision.Periode.Label}");
            case ReportStatus.Clarify:
                return new ReportOutput("clarify", null, null, decision.Value, decision.Periode.Code,
                    decision.Candidates.Select(c => c.No).ToList(), decision.Message);
            default:
                return new ReportOutput("reject", null, null, decision.Value, decision.Periode.Code, null, decision.Message);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Db, string Jabatan), int> Reporters = new();

    /// <summary>The command line reports as one active user per jabatan; its id is looked up once per database.</summary>
    private static async Task<int> ReporterIdAsync(BotServices services, string jabatan, CancellationToken ct)
    {
        var key = (services.Settings.DatabasePath, jabatan);
        if (Reporters.TryGetValue(key, out var id)) return id;
        var reporter = await services.Users.RegisterAsync(Channel, jabatan, "Baris perintah", jabatan, Peran.Staf, StatusPengguna.Aktif, ct);
        return Reporters[key] = reporter.Id;
    }

    public static async Task<int> ExecuteAsync(BotServices services, string? jabatan, string? text, bool dryRun, bool json, TextReader input, TextWriter output)
    {
        if (text is not null)
        {
            if (jabatan is null) throw new UsageException("Sebutkan jabatan pelapor: report --as \"NAMA JABATAN\" \"teks laporan\"");
            var result = await RunAsync(services, jabatan, text, dryRun);
            output.WriteLine(json ? Json.Write(result) : result.Message);
            return 0;
        }
        if (!json) throw new UsageException("Tulis laporannya: report --as \"NAMA JABATAN\" \"pencaker dilayani 25\" (atau --json dengan JSON Lines di stdin).");
        foreach (var line in InputLines.Read(input))
            output.WriteLine(Json.Write(await BatchLineAsync(services, jabatan, line, dryRun)));
        return 0;
    }

    /// <summary>
    /// One line of a report --json batch: always exactly one result, whatever the line holds (any JSON shape, blanks,
    /// broken text). With "id" the line is stored under that id, so running the same batch again stores nothing twice.
    /// </summary>
    public static async Task<ReportOutput> BatchLineAsync(BotServices services, string? jabatan, string line, bool dryRun, CancellationToken ct = default)
    {
        ReportOutput Reject(string why) => new("reject", null, null, null, Periode.Of(services.Time.GetUtcNow()).Code, null, why);
        line = InputLines.Clean(line); // raw lone surrogates: JsonDocument.Parse would throw ArgumentException
        if (line.Trim().Length == 0) return Reject("Baris kosong: tulis satu objek {\"as\",\"text\"} per baris.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return Reject("Baris masukan bukan JSON.");
        }
        using (document)
        {
            var item = document.RootElement;
            if (item.ValueKind != JsonValueKind.Object)
                return Reject("Baris masukan harus objek JSON {\"as\",\"text\"}, bukan " + Kind(item.ValueKind) + ".");
            if (!Field(item, "as", out var asJabatan) || !Field(item, "text", out var itemText) || !Id(item, out var id))
                return Reject("\"as\" dan \"text\" harus teks Unicode yang sah, \"id\" (bila ada) teks (paling banyak 200 karakter) atau bilangan bulat.");
            asJabatan ??= jabatan;
            if (asJabatan is null || itemText is null) return Reject("Baris masukan perlu \"as\" dan \"text\".");
            if (itemText.Length > Conversation.ConversationEngine.MaxMessageLength)
                return Reject($"Teks terlalu panjang ({itemText.Length} karakter); paling banyak {Conversation.ConversationEngine.MaxMessageLength} karakter.");
            try
            {
                return await RunAsync(services, asJabatan, itemText, dryRun, id is null ? null : "id:" + id, ct);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or IkiBot.Data.DatabaseUnavailableException) && !ct.IsCancellationRequested)
            {
                // One bad line must not end the batch; the rest is still read and answered.
                Console.Error.WriteLine($"report --json: baris gagal diproses ({e.GetType().Name}: {e.Message})");
                return Reject("Baris ini tidak dapat diproses; laporan tidak disimpan.");
            }
        }
    }

    /// <summary>A missing or null field is null; a string is read (lone surrogates replaced); anything else is refused.</summary>
    private static bool Field(JsonElement item, string name, out string? value)
    {
        value = null;
        if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return true;
        if (v.ValueKind != JsonValueKind.String || Text(v) is not { } text) return false;
        value = InputLines.Clean(text);
        return true;
    }

    private static bool Id(JsonElement item, out string? id)
    {
        id = null;
        if (!item.TryGetProperty("id", out var v) || v.ValueKind == JsonValueKind.Null) return true;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) id = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (v.ValueKind == JsonValueKind.String && Text(v) is { Length: > 0 and <= 200 } s) id = InputLines.Clean(s);
        return id is not null;
    }

    /// <summary>Null when the string holds an escape that decodes to a lone surrogate ("\ud800"): GetString refuses those.</summary>
    private static string? Text(JsonElement v)
    {
        try
        {
            return v.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "larik",
        JsonValueKind.String => "teks",
        JsonValueKind.Number => "bilangan",
        JsonValueKind.True or JsonValueKind.False => "nilai benar/salah",
        _ => "null",
    };
}
