using System.Text.Json;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>remind / export / chart through Program.Main, as scripts use them.</summary>
[Collection("console")]
public sealed class SupervisionCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ikibot-cli-{Guid.NewGuid():N}");
    private string Db => Path.Combine(_folder, "t.db");

    public SupervisionCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ProgramRun.Of(args);

    [Fact]
    public void Remind_now_dry_run_json_says_who_would_get_what_and_sends_nothing()
    {
        Assert.Equal(0, Run("--db", Db, "users", "add", "--channel", "telegram", "--id", "11", "--jabatan", "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", "--nama", "Budi").Code);
        Assert.Equal(0, Run("--db", Db, "users", "add", "--channel", "telegram", "--id", "12", "--jabatan", "KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA", "--role", "atasan", "--nama", "Sari").Code);

        var (code, output, _) = Run("--db", Db, "remind", "--now", "--dry-run", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.True(json.GetProperty("dryRun").GetBoolean());
        var runs = json.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("kind").GetString()!);
        var budi = runs["pengingat"].GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("user").GetProperty("userId").GetString() == "11");
        Assert.Equal("akan dikirim", budi.GetProperty("status").GetString());
        Assert.Equal(6, budi.GetProperty("items").GetArrayLength());
        Assert.Contains("contoh: ", budi.GetProperty("text").GetString());
        var digest = Assert.Single(runs["ringkasan"].GetProperty("messages").EnumerateArray());
        Assert.Equal("12", digest.GetProperty("user").GetProperty("userId").GetString());

        // A dry run recorded nothing: a second one still says "akan dikirim".
        var again = JsonDocument.Parse(Run("--db", Db, "remind", "--now", "--dry-run", "--json").Out).RootElement;
        Assert.All(again.GetProperty("runs")[0].GetProperty("messages").EnumerateArray(), m => Assert.Equal("akan dikirim", m.GetProperty("status").GetString()));

        var schedule = JsonDocument.Parse(Run("--db", Db, "remind", "--json").Out).RootElement;
        Assert.Equal("0 14 * * 5", schedule[0].GetProperty("cron").GetString());
        Assert.EndsWith("T14:00", schedule[0].GetProperty("slot").GetString());

        Assert.Equal(2, Run("--db", Db, "remind", "--now", "--kind", "semuanya").Code);
    }

    [Fact]
    public void Export_and_chart_write_their_files()
    {
        var xlsx = Path.Combine(_folder, "rekap.xlsx"); // the folder must exist (issue 9: no folder is created silently)
        var (code, output, _) = Run("--db", Db, "export", "--tahun", "2026", "--out", xlsx, "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(28, json.GetProperty("sheets").GetInt32());
        Assert.Equal("Tahun 2026", json.GetProperty("label").GetString());
        Assert.Equal(28, IkiBot.Bot.Tests.Supervision.XlsxBook.Open(xlsx).Sheets.Count);

        Assert.Equal(0, Run("--db", Db, "export", "--periode", "2026-11", "--out", Path.Combine(_folder, "nov.xlsx")).Code);
        Assert.True(File.Exists(Path.Combine(_folder, "nov.xlsx")));

        var png = Path.Combine(_folder, "grafik.png");
        Assert.Equal(0, Run("--db", Db, "chart", "--jabatan", "BENDAHARA", "--indikator", "1", "--out", png).Code);
        Assert.Equal(0x89, File.ReadAllBytes(png)[0]);

        Assert.Equal(2, Run("--db", Db, "export", "--periode", "2026-13").Code);
        Assert.Equal(2, Run("--db", Db, "export", "--periode", "2026-11", "--tahun", "2026").Code);
        Assert.Equal(2, Run("--db", Db, "chart", "--jabatan", "BUKAN JABATAN", "--out", png).Code);
        Assert.Equal(2, Run("--db", Db, "chart").Code); // --jabatan is required
    }
}
