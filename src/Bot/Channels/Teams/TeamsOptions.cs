using IkiBot.Bot.Configuration;
using Microsoft.Extensions.Configuration;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>
/// The Teams channel's settings (Teams:AppId, Teams:AppPassword, Teams:TenantId, Teams:OpenIdMetadataUrl,
/// Teams:TokenEndpoint, Teams:AllowAnonymous) and limits with sensible defaults that tests shorten.
/// </summary>
public sealed record TeamsOptions
{
    public const string Channel = "teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    public string? AppId { get; init; }
    public string? AppPassword { get; init; }
    /// <summary>Empty: multi-tenant (token authority botframework.com, any tenant may write).</summary>
    public string? TenantId { get; init; }
    public string OpenIdMetadataUrl { get; init; } = DefaultOpenIdMetadataUrl;
    public string? TokenEndpoint { get; init; }
    /// <summary>Local testing only: no inbound token required, no outbound token sent.</summary>
    public bool AllowAnonymous { get; init; }
    /// <summary>Public base address of the bot (for /ekspor download links); null = the address of the request.</summary>
    public string? PublicUrl { get; init; }

    /// <summary>Time allowed for one connector call.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public int SendRetries { get; init; } = 5;
    public TimeSpan SendRetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan SendRoundPause { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxSendRounds { get; init; } = 10;
    /// <summary>Messages per second to one conversation (bursts allowed) and over all conversations.</summary>
    public double PerConversationPerSecond { get; init; } = 1;
    public int PerConversationBurst { get; init; } = 3;
    public double GlobalPerSecond { get; init; } = 30;
    public int HandleAttempts { get; init; } = 3;
    /// <summary>Least time between two fetches of the signing keys when a token names an unknown kid.</summary>
    public TimeSpan KeyRefreshMinInterval { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>How long an /ekspor download link works.</summary>
    public TimeSpan FileLinkLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>True when Teams is configured at all (an app id, or anonymous local testing).</summary>
    public bool Enabled => AppId is not null || AllowAnonymous;

    /// <summary>The token endpoint for outbound calls: the setting, else the Microsoft identity platform's for the tenant.</summary>
    public string EffectiveTokenEndpoint =>
        TokenEndpoint ?? $"https://login.microsoftonline.com/{TenantId ?? "botframework.com"}/oauth2/v2.0/token";

    public static TeamsOptions From(IConfiguration c) => new()
    {
        AppId = Value(c, "Teams:AppId"),
        AppPassword = Value(c, "Teams:AppPassword"),
        TenantId = Value(c, "Teams:TenantId"),
        OpenIdMetadataUrl = Value(c, "Teams:OpenIdMetadataUrl") ?? DefaultOpenIdMetadataUrl,
        TokenEndpoint = Value(c, "Teams:TokenEndpoint"),
        AllowAnonymous = bool.TryParse(c["Teams:AllowAnonymous"], out var anonymous) && anonymous,
        PublicUrl = Value(c, "Teams:PublicUrl"),
    };

    public static TeamsOptions From(BotSettings settings) => settings.Teams;

    /// <summary>Problems with the configuration, each a sentence naming the setting; empty when all is well.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (AllowAnonymous && AppId is not null)
            errors.Add("Teams:AllowAnonymous hanya untuk uji lokal dan tidak boleh dipakai bersama Teams:AppId. Kosongkan salah satunya.");
        if (AppId is not null && AppPassword is null)
            errors.Add("Teams:AppPassword kosong. Isi dengan client secret aplikasi Azure Bot (Teams:AppId).");
        if (AppId is not null && !Guid.TryParse(AppId, out _))
            errors.Add($"Teams:AppId \"{AppId}\" bukan GUID (Microsoft App ID dari registrasi Azure Bot).");
        if (TenantId is not null && !Guid.TryParse(TenantId, out _))
            errors.Add($"Teams:TenantId \"{TenantId}\" bukan GUID (Directory/tenant ID).");
        foreach (var (name, url) in new[] { ("Teams:OpenIdMetadataUrl", (string?)OpenIdMetadataUrl), ("Teams:TokenEndpoint", TokenEndpoint) })
            if (url is not null && !IsAllowedUrl(url))
                errors.Add($"{name} \"{url}\" harus alamat https, atau http hanya ke 127.0.0.1/localhost (uji lokal).");
        return errors;
    }

    /// <summary>https anywhere; plain http only to a loopback stand-in.</summary>
    public static bool IsAllowedUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == "https" || (u.Scheme == "http" && u.IsLoopback));

    private static string? Value(IConfiguration c, string key) => string.IsNullOrWhiteSpace(c[key]) ? null : c[key]!.Trim();
}
