using System.Text.Json;
using IkiBot.Bot.Tests.Supervision;
using IkiBot.Data;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>Issue 9 items 6 and 12: `target set`, `target import` and abbreviations on the command line.</summary>
[Collection("console")]
public sealed class TargetCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ikibot-target-{Guid.NewGuid():N}");
    private string Db => Path.Combine(_folder, "t.db");
    private static readonly int Year = IkiBot.Knowledge.Reporting.Periode.Of(DateTimeOffset.UtcNow).Tahun;

    public TargetCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ProgramRun.Of(args);

    private IReadOnlyList<(string Jabatan, int Nilai)> Targets()
    {
        using var services = new Composition.BotServices(new Configuration.BotSettings { DatabasePath = Db }, TimeProvider.System, quiet: true);
        return services.Knowledge.Kb.Jabatan
            .SelectMany(j => services.Targets.ForJabatanAsync(j.Nama, Year).GetAwaiter().GetResult().Select(t => (j.Nama, t.Nilai)))
            .ToList();
    }

    [Fact]
    public void Target_set_takes_an_abbreviated_jabatan_and_refuses_bad_values_in_Indonesian()
    {
        var (code, output, err) = Run("--db", Db, "target", "set", "--jabatan", "bendahara", "--no", "2", "--tahun", Year.ToString(), "--nilai", "1.200", "--json");
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("BENDAHARA", json.GetProperty("jabatan").GetString());
        Assert.Equal(1200, json.GetProperty("nilai").GetInt32());

        var bad = Run("--db", Db, "target", "set", "--jabatan", "bendahara", "--no", "2", "--nilai", "-3");
        Assert.Equal(2, bad.Code);
        Assert.Contains("bilangan bulat 0 sampai 10.000", bad.Err);
        Assert.Equal(1200, Assert.Single(Targets()).Nilai);
    }

    [Fact]
    public void Target_import_from_csv_stores_every_row_or_nothing()
    {
        var good = Path.Combine(_folder, "target.csv");
        File.WriteAllText(good, $"Jabatan;No;Tahun;Target\nBENDAHARA;2;{Year};100\nkasi PHI;1;{Year};12\nBENDAHARA;3;;\n");
        var (code, output, err) = Run("--db", Db, "target", "import", good);
        Assert.True(code == 0, err);
        Assert.Contains("Disimpan: 2 target", output);
        Assert.Equal(2, Targets().Count);

        var bad = Path.Combine(_folder, "salah.csv");
        File.WriteAllText(bad, "Jabatan,No,Target\nBENDAHARA,2,500\nBENDAHARA,99,5\nJABATAN KHAYALAN,1,5\nBENDAHARA,3,-1\n");
        var refused = Run("--db", Db, "target", "import", bad);
        Assert.Equal(1, refused.Code);
        Assert.Contains("baris 3", refused.Err);
        Assert.Contains("baris 4", refused.Err);
        Assert.Contains("baris 5", refused.Err);
        Assert.Contains("Tidak ada yang disimpan", refused.Err);
        Assert.Contains(Targets(), t => t is ("BENDAHARA", 100)); // the good first row was not stored either
    }

    [Fact]
    public async Task Target_import_reads_an_exported_workbook()
    {
        using (var bot = new SupervisionBot())
        {
            await bot.UserAsync("admin", SupervisionBot.Sekretaris, Peran.Admin);
            await bot.Say("/target bendahara 2 70", "admin");
            await bot.Say($"/target {SupervisionBot.SeksiDn} 3 600", "admin");
            var file = Assert.Single((await bot.Say("/ekspor", "admin")).Replies).File!;
            await File.WriteAllBytesAsync(Path.Combine(_folder, "rekap.xlsx"), file.Content);
        }
        var (code, output, err) = Run("--db", Db, "target", "import", Path.Combine(_folder, "rekap.xlsx"), "--tahun", "2026", "--json");
        Assert.True(code == 0, err + output);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("stored").GetInt32());
    }

    [Fact]
    public void Users_add_accepts_an_abbreviated_jabatan()
    {
        var (code, output, err) = Run("--db", Db, "users", "add", "--channel", "telegram", "--id", "5", "--jabatan", "kadis");
        Assert.True(code == 0, err);
        Assert.Contains("KEPALA DINAS", output);
    }
}
