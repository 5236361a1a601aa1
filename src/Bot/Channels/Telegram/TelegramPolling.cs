using System.Net.Http.Json;
using System.Text.Json;
using IkiBot.Bot.Hosting;
using IkiBot.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// Long polling: getUpdates from just after the stored cursor, each update handled and committed before the next,
/// so the offset sent to Telegram only ever confirms updates whose effects are in the database. Updates are read one
/// by one from the raw answer, so an update this version cannot read is skipped alone instead of stalling the loop.
/// </summary>
public sealed class TelegramPolling(
    HttpClient http,
    TelegramBotClientOptions client,
    TelegramUpdateHandler handler,
    ChannelDeliveryStore store,
    TelegramOptions options,
    TelegramReadiness readiness,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TelegramPolling> log,
    SenderElection? election = null) : BackgroundService
{
    public static readonly string[] AllowedUpdates = ["message", "callback_query"];

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!await readiness.WaitAsync(stopping)) return;
        // Telegram gives updates to one getUpdates caller at a time: on a shared database only the replica holding the
        // sender lease polls (and sends); another polling replica stands by and takes over when that one stops.
        await SenderElection.ForEachTermAsync(election, PollAsync, stopping, standingBy: () =>
            log.LogWarning("Long polling hanya berjalan di satu replika dan replika lain sedang polling: replika ini menunggu dan mengambil alih " +
                           "bila replika itu berhenti. Untuk beberapa replika pakai mode webhook. " +
                           "(Long polling is single-instance: another replica polls, this one stands by; use webhook mode for replicas.)"));
    }

    /// <summary>Polls until <paramref name="ct"/> ends (false: the token was refused and polling stops for good).</summary>
    private async Task<bool> PollAsync(CancellationToken ct)
    {
        long cursor;
        try { cursor = await store.GetCursorAsync(TelegramOptions.Channel, ct) ?? 0; }
        catch (OperationCanceledException) { return true; }
        log.LogInformation("Telegram: long polling dimulai setelah update {Cursor}", cursor);

        var backoff = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<JsonElement> batch;
            var started = time.GetTimestamp();
            try
            {
                batch = await FetchAsync(cursor, ct);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                if (readiness.InBackground)
                {
                    log.LogCritical("!!! Telegram menolak token ({Error}); periksa Telegram:Token. Telegram berhenti, kanal lain tetap berjalan. !!!",
                        TelegramErrors.Describe(e));
                    return false;
                }
                log.LogCritical("Telegram menolak token ({Error}); periksa Telegram:Token. Bot berhenti.", TelegramErrors.Describe(e));
                lifetime.StopApplication();
                return false;
            }
            catch (Exception e)
            {
                log.LogWarning("getUpdates gagal ({Error}); dicoba lagi dalam {Delay}", TelegramErrors.Describe(e), backoff);
                try { await Task.Delay(backoff, time, ct); }
                catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                continue;
            }

            if (batch.Count == 0)
            {
                // A server that ignores the long-poll timeout answers at once: do not spin.
                if (time.GetElapsedTime(started) < TimeSpan.FromSeconds(1))
                {
                    try { await Task.Delay(options.IdlePollDelay, time, ct); }
                    catch (OperationCanceledException) { break; }
                }
                continue;
            }

            foreach (var raw in batch)
            {
                if (TelegramUpdateHandler.ReadUpdateId(raw) is not { } id || id <= cursor) continue;
                try { await HandleUntilCommittedAsync(raw, id, ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return true; }
                cursor = id;
            }
        }
        return true;
    }

    /// <summary>
    /// The handler turns conversation failures into an apology, so what fails here is the commit itself (the
    /// database): keep trying the same update, never skip it.
    /// </summary>
    private async Task HandleUntilCommittedAsync(JsonElement raw, long id, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                await handler.HandleAsync(raw, ct);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                log.LogError(e, "Update {Id} belum tersimpan; dicoba lagi dalam {Delay}", id, backoff);
                await Task.Delay(backoff, time, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task<IReadOnlyList<JsonElement>> FetchAsync(long cursor, CancellationToken ct)
    {
        var request = new Dictionary<string, object>
        {
            ["limit"] = 100,
            ["timeout"] = options.PollTimeoutSeconds,
            ["allowed_updates"] = AllowedUpdates,
        };
        if (cursor > 0) request["offset"] = cursor + 1;
        using var response = await http.PostAsJsonAsync(client.BaseRequestUrl + "/getUpdates", request, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        JsonDocument doc;
        try { doc = await JsonDocument.ParseAsync(body, cancellationToken: ct); }
        catch (JsonException e)
        {
            throw new RequestException($"getUpdates: jawaban bukan JSON (HTTP {(int)response.StatusCode})", response.StatusCode, e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True &&
                root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Array)
                return result.EnumerateArray().Select(e => e.Clone()).ToList();

            var code = root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : (int)response.StatusCode;
            var description = root.TryGetProperty("description", out var d) ? d.GetString() : root.GetRawText();
            ResponseParameters? parameters = null;
            if (root.TryGetProperty("parameters", out var p))
                parameters = p.Deserialize<ResponseParameters>(JsonBotAPI.Options);
            throw new ApiRequestException(description ?? "getUpdates gagal", code, parameters);
        }
    }
}
