using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// The webhook endpoint: POST at the path of Telegram:WebhookUrl. A request without the right
/// X-Telegram-Bot-Api-Secret-Token gets 403 and is not read. An update is handled and committed before 200 is
/// returned; if the commit fails Telegram gets 500 and sends the update again.
/// </summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app, TelegramOptions options)
    {
        var path = new Uri(options.WebhookUrl!).AbsolutePath;
        var secret = Encoding.UTF8.GetBytes(options.SecretToken ?? "");
        app.MapPost(path, async (HttpContext http, TelegramUpdateHandler handler, ILogger<TelegramUpdateHandler> log) =>
        {
            var given = Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString());
            if (secret.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, secret))
            {
                log.LogWarning("Webhook: permintaan dari {Ip} tanpa secret token yang benar ditolak", http.Connection.RemoteIpAddress);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            JsonDocument doc;
            try { doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted); }
            catch (JsonException) { return Results.BadRequest(); }
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
