using System.Net;
using Polly.Timeout;
using Telegram.Bot.Exceptions;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>How to read what the Bot API answered when a call failed.</summary>
public static class TelegramErrors
{
    /// <summary>The 429 wait Telegram asked for, if this is one.</summary>
    public static TimeSpan? RetryAfter(Exception? e) =>
        e is ApiRequestException { ErrorCode: 429 } api
            ? TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1))
            : null;

    /// <summary>Worth trying again: 429, 5xx, network trouble, a timeout.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        ApiRequestException api => api.ErrorCode is 429 or >= 500 or 0,
        RequestException r => r.HttpStatusCode is null or 0 or HttpStatusCode.TooManyRequests || (int)r.HttpStatusCode.Value >= 500
                              || r.InnerException is HttpRequestException or IOException or TaskCanceledException,
        HttpRequestException or IOException or TimeoutRejectedException or TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The user blocked the bot (403).</summary>
    public static bool IsBlocked(Exception e) => e is ApiRequestException { ErrorCode: 403 };

    /// <summary>Telegram says the change is already there (a keyboard cleared twice, a message gone): nothing left to do.</summary>
    public static bool IsAlreadyDone(Exception e, TelegramSend send) =>
        e is ApiRequestException { ErrorCode: 400 } api &&
        (api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) || send.Kind == TelegramSend.ClearKeyboard);

    public static string Describe(Exception? e) => e switch
    {
        null => "?",
        ApiRequestException api => $"{api.ErrorCode} {api.Message}",
        RequestException r => $"{(int?)r.HttpStatusCode} {r.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
