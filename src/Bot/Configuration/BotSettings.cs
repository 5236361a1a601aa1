using Microsoft.Extensions.Configuration;

namespace IkiBot.Bot.Configuration;

/// <summary>Settings from appsettings.json, environment variables (IkiBot__Database__Path style: "__" for ":") and the command line.</summary>
public sealed class BotSettings
{
    public string? KnowledgePath { get; init; }
    public string DatabasePath { get; init; } = "ikibot.db";
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

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
