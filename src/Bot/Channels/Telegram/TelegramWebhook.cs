using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// The webhook endpoint: POST at the path of Telegram:WebhookUrl. A request without the right
/// X-Telegram-Bot-Api-Secret-Token gets 403 and is not read. An update is handled and committed before 200 is
/// returned; if the commit fails Telegram gets 500 and sends the update again. An update that cannot be read (not JSON,
/// wrong shape) is logged and answered 200, so Telegram does not resend it for ever; a body over 1 MB gets 413.
/// Until Telegram's startup has finished (it runs in the background in the host shared with Teams) the answer is 503
/// and Telegram sends the update again later.
/// </summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const long MaxBodyBytes = 1024 * 1024;

    private static IResult TooLarge(ILogger log, HttpContext http)
    {
        log.LogWarning("Webhook: permintaan dari {Ip} lebih dari {Max} byte ditolak (413)", http.Connection.RemoteIpAddress, MaxBodyBytes);
        return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
    }

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app, TelegramOptions options)
    {
        var path = new Uri(options.WebhookUrl!).AbsolutePath;
        var secret = Encoding.UTF8.GetBytes(options.SecretToken ?? "");
        app.MapPost(path, async (HttpContext http, TelegramUpdateHandler handler, TelegramReadiness readiness, ILogger<TelegramUpdateHandler> log) =>
        {
            var given = Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString());
            if (secret.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, secret))
            {
                log.LogWarning("Webhook: permintaan dari {Ip} tanpa secret token yang benar ditolak", http.Connection.RemoteIpAddress);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            if (!readiness.IsStarted) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            // Telegram updates are a few KB: a larger body is refused before it is read into memory.
            if (http.Request.ContentLength > MaxBodyBytes)
                return TooLarge(log, http);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxBodyBytes;
            JsonDocument doc;
            try { doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted); }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return TooLarge(log, http); }
            catch (JsonException e)
            {
                // With the right secret it came from Telegram: an error status would only make Telegram send it again.
                log.LogWarning("Webhook: isi permintaan bukan JSON ({Error}); diabaikan", e.Message);
                return Results.Ok();
            }
            using (doc)
            {
                try
                {
                    await handler.HandleAsync(doc.RootElement, http.RequestAborted);
                    return Results.Ok();
                }
                catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
                {
                    log.LogError(e, "Webhook: update belum tersimpan; Telegram akan mengirim ulang");
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                }
            }
        });
        return app;
    }
}
