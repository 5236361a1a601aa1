using System.Text.Json;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>Issue 9 item 12 (and the terminal side of item 11): the command line speaks Indonesian and lists every verb.</summary>
[Collection("console")]
public sealed class CliIndonesianTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ikibot-cli9-{Guid.NewGuid():N}");
    private string Db => Path.Combine(_folder, "t.db");

    public CliIndonesianTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ProgramRun.Of(args);

    [Theory]
    [InlineData("Opsi --id wajib diisi.", "users", "add", "--channel", "telegram")]
    [InlineData("Nilai \"abc\" untuk --indikator tidak dapat dibaca: harus bilangan bulat.", "chart", "--jabatan", "bendahara", "--indikator", "abc")]
    [InlineData("Perintah atau argumen tidak dikenal: frobnicate", "frobnicate")]
    [InlineData("Perintah import perlu argumen", "target", "import")]
    [InlineData("Sebutkan sub-perintahnya", "users")]
    public void Parse_errors_are_Indonesian_and_the_usage_lists_every_verb(string expected, params string[] args)
    {
        var (code, _, err) = Run(["--db", Db, .. args]);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("System.", err);
        Assert.DoesNotContain(" is required", err);
        foreach (var verb in new[] { "chat", "ask", "kb", "bench", "report", "users add", "users list", "realisasi list", "target set", "target import", "remind", "export", "chart", "--out-dir" })
            Assert.Contains(verb, err);
    }

    [Fact]
    public void Export_refuses_a_missing_parent_folder_and_creates_nothing()
    {
        var missing = Path.Combine(_folder, "tidak-ada", "dalam");
        var (code, _, err) = Run("--db", Db, "export", "--periode", "2026-11", "--out", Path.Combine(missing, "x.xlsx"));
        Assert.Equal(2, code);
        Assert.Contains("tidak ada", err);
        Assert.False(Directory.Exists(Path.Combine(_folder, "tidak-ada")));
    }

    [Fact]
    public void Bench_runs_outside_the_repository_with_the_built_in_dev_set()
    {
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "tests", "eval", "dev.jsonl"))); // the test runs in bin/
        var (code, output, err) = Run("bench", "--repeat", "1", "--json");
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(60, json.GetProperty("questions").GetInt32());
        Assert.True(json.GetProperty("reports").GetInt32() > 0);
    }

    [Fact]
    public void Ask_in_the_terminal_prints_no_bold_markers()
    {
        var (code, output, _) = Run("ask", "tugas kasi phi");
        Assert.Equal(0, code);
        Assert.StartsWith("Tugas SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", output);
        Assert.DoesNotContain("*", output);
        Assert.Contains("*Tugas", Run("ask", "--json", "tugas kasi phi").Out); // JSON keeps the channel text
    }

    [Fact]
    public void Remind_in_the_terminal_prints_no_bold_markers()
    {
        Assert.Equal(0, Run("--db", Db, "users", "add", "--channel", "console", "--id", "pegawai", "--jabatan", "bendahara").Code);
        var (code, output, err) = Run("--db", Db, "remind", "--now", "--kind", "pengingat");
        Assert.True(code == 0, err);
        Assert.Contains("[kepada pegawai]", output);
        Assert.DoesNotContain("*", output);
    }
}
