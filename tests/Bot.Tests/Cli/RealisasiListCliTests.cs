using System.Text.Json;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>`realisasi list`: what was reported in a month, as JSON for scripts and as text lines.</summary>
[Collection("console")]
public sealed class RealisasiListCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ikibot-list-{Guid.NewGuid():N}");
    private string Db => Path.Combine(_folder, "l.db");

    public RealisasiListCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ProgramRun.Of(args);

    [Fact]
    public void Json_lists_each_report_of_the_month_with_its_row_value_and_time_in_report_order()
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM");
        Assert.Equal(0, Run("--db", Db, "report", "--as", "BENDAHARA", "SPP diajukan 2").Code);
        Assert.Equal(0, Run("--db", Db, "report", "--as", "BENDAHARA", "SPP diajukan 5").Code);

        var (code, output, err) = Run("--db", Db, "realisasi", "list", "--periode", month, "--json");

        Assert.True(code == 0, err);
        var entries = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal([2, 5], entries.Select(e => e.GetProperty("value").GetInt32()));
        Assert.All(entries, e =>
        {
            Assert.Equal("BENDAHARA", e.GetProperty("jabatan").GetString());
            Assert.Equal(month, e.GetProperty("periode").GetString());
            Assert.Contains("SPP", e.GetProperty("indikator").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(e.GetProperty("no").GetInt32() > 0);
            Assert.True(DateTimeOffset.UtcNow - e.GetProperty("waktu").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        });
        Assert.True(entries[0].GetProperty("id").GetInt32() < entries[1].GetProperty("id").GetInt32());
    }

    [Fact]
    public void A_month_without_reports_is_an_empty_list_and_text_has_one_line_per_report()
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM");
        Assert.Equal(0, Run("--db", Db, "report", "--as", "BENDAHARA", "SPP diajukan 3").Code);

        Assert.Equal("[]", Run("--db", Db, "realisasi", "list", "--periode", "2020-01", "--json").Out.Trim());
        var text = Run("--db", Db, "realisasi", "list", "--periode", month).Out;
        var line = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(month + "\tBENDAHARA\t", line);
        Assert.EndsWith("\t3", line.TrimEnd());
    }

    [Fact]
    public void The_ikibot_program_writes_the_same_json_to_its_standard_output_as_the_verb_in_process()
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM");
        Assert.Equal(0, Run("--db", Db, "report", "--as", "PENGADMINISTRASI INFORMASI PASAR KERJA", "input data pencaker 85").Code);
        Assert.Equal(0, Run("--db", Db, "report", "--as", "BENDAHARA", "SPP diajukan 4").Code);
        var inProcess = Run("--db", Db, "realisasi", "list", "--periode", month, "--json").Out;

        // As its own process the program writes the UTF-8 bytes straight to standard output (StandardOutput).
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ikibot.dll"),
            "--db", Db, "realisasi", "list", "--periode", month, "--json"])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder,
              StandardOutputEncoding = new System.Text.UTF8Encoding(false) };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "ikibot did not finish");
        Assert.True(process.ExitCode == 0, error.Result);

        Assert.Equal(inProcess.Trim(), output.Result.Trim());
        Assert.Equal(2, JsonDocument.Parse(output.Result).RootElement.GetArrayLength());
    }
}
