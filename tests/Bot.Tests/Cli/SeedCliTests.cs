using System.Text.Json;
using IkiBot.Data;

namespace IkiBot.Bot.Tests.Cli;

/// <summary>Issue 13 item 5: the load tool fills a throw-away database and refuses one with real data.</summary>
[Collection("console")]
public sealed class SeedCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ikibot-seed-{Guid.NewGuid():N}");
    private string Db => Path.Combine(_folder, "s.db");

    public SeedCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ProgramRun.Of(args);

    private Composition.BotServices Open() =>
        new(new Configuration.BotSettings { DatabasePath = Db }, TimeProvider.System, quiet: true);

    [Fact]
    public void Seed_fills_users_atasan_and_realizations_that_the_recap_verbs_then_count()
    {
        var (code, output, err) = Run("--db", Db, "seed", "--realisasi", "5000", "--users", "300", "--atasan", "12", "--tahun", "2025", "--json");
        Assert.True(code == 0, err);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(5000, json.GetProperty("realisasi").GetInt32());
        Assert.Equal(12, json.GetProperty("months").GetInt32());

        using (var services = Open())
        {
            var users = services.Users.ListAsync().GetAwaiter().GetResult();
            Assert.Equal(300, users.Count);
            var atasan = users.Where(u => u.Peran == Peran.Atasan).ToList();
            Assert.Equal(12, atasan.Count);
            Assert.All(atasan, a => Assert.NotEmpty(services.Knowledge.Struktur.AllUnder(a.Jabatan!)));
            // Spread: every jabatan has someone.
            Assert.Equal(services.Knowledge.Kb.Jabatan.Count, users.Select(u => u.Jabatan).Distinct().Count());

            var perMonth = Enumerable.Range(1, 12)
                .Select(m => services.Realisasi.ListByPeriodeAsync($"2025-{m:D2}").GetAwaiter().GetResult().Count).ToList();
            Assert.Equal(5000, perMonth.Sum());
            Assert.All(perMonth, n => Assert.InRange(n, 300, 540));
        }

        // The export of the year sums exactly what was seeded.
        var export = Run("--db", Db, "export", "--tahun", "2025", "--out", Path.Combine(_folder, "x.xlsx"), "--json");
        Assert.True(export.Code == 0, export.Err);
        Assert.Equal(28, JsonDocument.Parse(export.Out).RootElement.GetProperty("sheets").GetInt32());

        // Seeding again replaces the seeded rows instead of adding to them.
        Assert.Equal(0, Run("--db", Db, "seed", "--realisasi", "100", "--users", "10", "--atasan", "0", "--tahun", "2025").Code);
        using (var services = Open())
        {
            Assert.Equal(10, services.Users.ListAsync().GetAwaiter().GetResult().Count);
            Assert.Equal(100, Enumerable.Range(1, 12).Sum(m => services.Realisasi.ListByPeriodeAsync($"2025-{m:D2}").GetAwaiter().GetResult().Count));
        }
    }

    [Fact]
    public void Seed_refuses_a_database_with_real_users_and_changes_nothing()
    {
        Assert.Equal(0, Run("--db", Db, "users", "add", "--channel", "telegram", "--id", "77", "--jabatan", "bendahara").Code);
        var (code, _, err) = Run("--db", Db, "seed", "--realisasi", "10", "--users", "5");
        Assert.Equal(1, code);
        Assert.Contains("data sungguhan", err);
        using var services = Open();
        Assert.Single(services.Users.ListAsync().GetAwaiter().GetResult());
    }

    [Theory]
    [InlineData("--realisasi", "-1")]
    [InlineData("--users", "0")]
    [InlineData("--atasan", "999")]
    public void Seed_refuses_bad_sizes_with_an_Indonesian_usage_line(string option, string value)
    {
        string[] args = option == "--users" ? ["--db", Db, "seed", option, value] : ["--db", Db, "seed", "--users", "10", option, value];
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("harus", err);
    }

    [Fact]
    public void Seed_without_db_is_refused()
    {
        var (code, _, err) = Run("seed", "--realisasi", "1");
        Assert.Equal(2, code);
        Assert.Contains("--db", err);
    }
}
