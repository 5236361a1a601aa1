using System.Text.RegularExpressions;
using IkiBot.Bot.Configuration;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// Everything the Telegram channel needs to know. The first four come from configuration (Telegram:Token,
/// Telegram:BaseUrl, Telegram:WebhookUrl, Telegram:SecretToken); the rest are limits with sensible defaults
/// that tests shorten.
/// </summary>
public sealed partial record TelegramOptions
{
    public const string Channel = "telegram";

    public required string Token { get; init; }
    /// <summary>Another Bot API server (a local one, an emulator); null for api.telegram.org.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Public https address Telegram posts updates to; null for long polling.</summary>
    public string? WebhookUrl { get; init; }
    /// <summary>Expected in X-Telegram-Bot-Api-Secret-Token on every webhook request.</summary>
    public string? SecretToken { get; init; }
    /// <summary>Where the webhook endpoint listens (behind the https proxy); null for ASP.NET Core's default/ASPNETCORE_URLS.</summary>
    public string? WebhookListenUrl { get; init; }

    /// <summary>Long-polling timeout passed to getUpdates.</summary>
    public int PollTimeoutSeconds { get; init; } = 25;
    /// <summary>Pause after an empty getUpdates answered at once (a server that ignores the timeout).</summary>
    public TimeSpan IdlePollDelay { get; init; } = TimeSpan.FromMilliseconds(300);
    /// <summary>Messages per second to one chat, and how many may go at once before that rate applies.</summary>
    public double PerChatPerSecond { get; init; } = 1;
    public int PerChatBurst { get; init; } = 3;
    /// <summary>Messages per second over all chats.</summary>
    public double GlobalPerSecond { get; init; } = 30;
    /// <summary>Time allowed for one Bot API call that sends something.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries of one send within a round (transient errors, 429), with exponential backoff.</summary>
    public int SendRetries { get; init; } = 5;
    public TimeSpan SendRetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>After a round of retries failed: wait this long, then try again, at most <see cref="MaxSendRounds"/> rounds.</summary>
    public TimeSpan SendRoundPause { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxSendRounds { get; init; } = 10;
    /// <summary>Tries of the conversation on one update before the user gets an apology instead.</summary>
    public int HandleAttempts { get; init; } = 3;

    public bool UsesWebhook => WebhookUrl is not null;

    public static TelegramOptions From(BotSettings settings) => new()
    {
        Token = settings.TelegramToken ?? "",
        BaseUrl = settings.TelegramBaseUrl,
        WebhookUrl = settings.TelegramWebhookUrl,
        SecretToken = settings.TelegramSecretToken,
    };

    /// <summary>Problems with the configuration, each a sentence naming the setting; empty when all is well.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Token))
            errors.Add("Telegram:Token kosong. Isi dengan token dari @BotFather (bentuknya 123456789:ABC...).");
        else if (!TokenPattern().IsMatch(Token))
            errors.Add("Telegram:Token tidak berbentuk token bot: harus <angka>:<kode> (huruf, angka, _ atau -), " +
                       "misalnya 123456789:AAH... dari @BotFather. Periksa spasi atau tanda kutip yang ikut tersalin.");

        if (BaseUrl is not null &&
            (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https")))
            errors.Add($"Telegram:BaseUrl \"{BaseUrl}\" bukan alamat http(s) lengkap, misalnya http://127.0.0.1:8081.");

        if (WebhookUrl is not null)
        {
            if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var hook))
                errors.Add($"Telegram:WebhookUrl \"{WebhookUrl}\" bukan alamat lengkap, misalnya https://bot.contoh.go.id/telegram.");
            else if (hook.Scheme != "https")
                errors.Add($"Telegram:WebhookUrl harus https (Telegram hanya mengirim ke https), bukan \"{hook.Scheme}\": {WebhookUrl}.");
            else if (!hook.IsDefaultPort && hook.Port is not (443 or 80 or 88 or 8443))
                errors.Add($"Telegram:WebhookUrl memakai port {hook.Port}; Telegram hanya mengirim ke port 443, 80, 88 atau 8443.");

            if (string.IsNullOrEmpty(SecretToken))
                errors.Add("Telegram:SecretToken wajib diisi untuk mode webhook (1-256 karakter: huruf, angka, _ atau -), " +
                           "agar permintaan yang bukan dari Telegram ditolak.");
        }
        if (SecretToken is not null && !SecretPattern().IsMatch(SecretToken))
            errors.Add("Telegram:SecretToken hanya boleh berisi huruf, angka, _ dan -, panjang 1-256 karakter.");

        if (WebhookListenUrl is not null && !Uri.TryCreate(WebhookListenUrl, UriKind.Absolute, out _))
            errors.Add($"Alamat dengar webhook \"{WebhookListenUrl}\" tidak valid.");
        return errors;
    }

    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{1,200}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
