using Microsoft.Extensions.Configuration;

namespace IkiBot.Bot.Configuration;

/// <summary>Settings from appsettings.json, environment variables (IkiBot__Database__Path style: "__" for ":") and the command line.</summary>
public sealed class BotSettings
{
    public string? KnowledgePath { get; init; }
    public string DatabasePath { get; init; } = "ikibot.db";
    /// <summary>Database:Provider as written: <c>sqlite</c> (default) or <c>postgres</c>; --db always means a SQLite file.</summary>
    public string DatabaseProvider { get; init; } = "sqlite";
    /// <summary>Database:ConnectionString, used when the provider is <c>postgres</c>.</summary>
    public string? DatabaseConnectionString { get; init; }
    public string? TelegramToken { get; init; }
    public string? TelegramBaseUrl { get; init; }
    public string? TelegramWebhookUrl { get; init; }
    public string? TelegramSecretToken { get; init; }
    public int MaxValue { get; init; } = 10_000;
    public int ClosedAfterMonths { get; init; } = 3;
    public IReadOnlyList<string> Admins { get; init; } = [];
    public ReminderSettings Reminders { get; init; } = new();
    /// <summary>The Teams channel's settings (Teams:*); <c>Teams.Enabled</c> says whether it runs.</summary>
    public Channels.Teams.TeamsOptions Teams { get; init; } = new();
    /// <summary>"Struktur:Atasan" overrides of the organisation tree read from the document (bawahan → atasan).</summary>
    public IReadOnlyDictionary<string, string> Atasan { get; init; } = new Dictionary<string, string>();

    public static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static BotSettings From(IConfiguration c, string? kbOverride = null, string? dbOverride = null) => new()
    {
        KnowledgePath = kbOverride ?? NullIfEmpty(c["Knowledge:Path"]),
        DatabasePath = dbOverride ?? NullIfEmpty(c["Database:Path"]) ?? "ikibot.db",
        DatabaseProvider = dbOverride is not null ? "sqlite" : NullIfEmpty(c["Database:Provider"])?.Trim() ?? "sqlite",
        DatabaseConnectionString = NullIfEmpty(c["Database:ConnectionString"]),
        TelegramToken = NullIfEmpty(c["Telegram:Token"]),
        TelegramBaseUrl = NullIfEmpty(c["Telegram:BaseUrl"]),
        TelegramWebhookUrl = NullIfEmpty(c["Telegram:WebhookUrl"]),
        TelegramSecretToken = NullIfEmpty(c["Telegram:SecretToken"]),
        MaxValue = int.TryParse(c["Reporting:MaxValue"], out var max) ? max : 10_000,
        ClosedAfterMonths = int.TryParse(c["Reporting:ClosedAfterMonths"], out var months) ? months : 3,
        Admins = c.GetSection("Admins").GetChildren().Select(x => x.Value).OfType<string>().ToList(),
        Reminders = ReminderSettings.From(c),
        Teams = Channels.Teams.TeamsOptions.From(c),
        Atasan = ReminderSettings.AtasanFrom(c),
    };

    /// <summary>Opens (and migrates) the database these settings name.</summary>
    /// <exception cref="Data.DatabaseUnavailableException">Unknown provider, or the database cannot be used.</exception>
    public Data.IkiDbContextFactory OpenDatabase()
    {
        var provider = DatabaseProvider.ToLowerInvariant() switch
        {
            "sqlite" => Data.DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => Data.DatabaseProvider.Postgres,
            _ => throw new Data.DatabaseUnavailableException(DatabaseProvider, "bukan penyedia yang dikenal", null,
                "Isi pengaturan Database:Provider dengan sqlite atau postgres."),
        };
        if (provider == Data.DatabaseProvider.Postgres && DatabaseConnectionString is null)
            throw new Data.DatabaseUnavailableException("PostgreSQL", "belum punya alamat", null,
                "Isi pengaturan Database:ConnectionString (mis. Host=127.0.0.1;Database=ikibot;Username=ikibot;Password=...).");
        return Data.Database.Open(provider, DatabasePath, DatabaseConnectionString);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
