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
        string? line;
        while ((line = await input.ReadLineAsync()) is not null)
        {
            if (line.Trim().Length == 0) continue;
            ReportOutput result;
            try
            {
                var item = JsonDocument.Parse(line).RootElement;
                var asJabatan = item.TryGetProperty("as", out var a) ? a.GetString() : jabatan;
                var itemText = item.TryGetProperty("text", out var t) ? t.GetString() : null;
                result = asJabatan is null || itemText is null
                    ? new ReportOutput("reject", null, null, null, Periode.Of(services.Time.GetUtcNow()).Code, null, "Baris masukan perlu \"as\" dan \"text\".")
                    : await RunAsync(services, asJabatan, itemText, dryRun);
            }
            catch (JsonException)
            {
                result = new ReportOutput("reject", null, null, null, Periode.Of(services.Time.GetUtcNow()).Code, null, "Baris masukan bukan JSON.");
            }
            output.WriteLine(Json.Write(result));
        }
        return 0;
    }
}
