using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>A connector call that failed: the HTTP status (0 for no answer) and the wait a 429 asked for.</summary>
public sealed class TeamsConnectorException(int status, string message, TimeSpan? retryAfter) : Exception(message)
{
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Worth trying again: no answer, 401 (token renewed first), 408, 429, 5xx. Never 413 (too big stays too big).</summary>
    public bool IsTransient => Status is 0 or 401 or 408 or 429 or >= 500;
    /// <summary>The user removed the bot or blocked it.</summary>
    public bool IsBlocked => Status == 403;
}

/// <summary>
/// The Bot Framework connector REST calls the bot makes: post an activity (a reply or a proactive message), update
/// one (PUT), and "typing". The serviceUrl's trailing slash is trimmed, ids are URL-encoded, every call carries the
/// outbound token. 200/201 (with or without an id) and 202 count as sent.
/// </summary>
public sealed class TeamsConnector(HttpClient http, ITeamsTokenSource tokens)
{
    /// <summary>Posts the activity; returns its id when the connector gave one.</summary>
    public async Task<string?> PostAsync(TeamsSend send, JsonObject activity, CancellationToken ct)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(send.ConversationId)}/activities";
        if (send.ActivityId is { Length: > 0 } replyTo) path += "/" + Uri.EscapeDataString(replyTo);
        return await CallAsync(HttpMethod.Post, send.ServiceUrl, path, Complete(send, activity), ct);
    }

    public async Task UpdateAsync(TeamsSend send, JsonObject activity, CancellationToken ct)
    {
        var id = send.ActivityId ?? throw new InvalidOperationException("Update without an activity id.");
        var body = Complete(send, activity);
        body["id"] = id;
        await CallAsync(HttpMethod.Put, send.ServiceUrl,
            $"v3/conversations/{Uri.EscapeDataString(send.ConversationId)}/activities/{Uri.EscapeDataString(id)}", body, ct);
    }

    public Task TypingAsync(TeamsAddress to, CancellationToken ct) =>
        PostAsync(to.Post(new JsonObject { ["type"] = "typing" }), new JsonObject { ["type"] = "typing" }, ct);

    /// <summary>The activity with the reference's parts: from = the bot, recipient = the user, the conversation, replyToId.</summary>
    public static JsonObject Complete(TeamsSend send, JsonObject activity)
    {
        var body = (JsonObject)activity.DeepClone();
        body["from"] = new JsonObject { ["id"] = send.BotId, ["name"] = send.BotName };
        body["recipient"] = new JsonObject { ["id"] = send.UserId };
        var conversation = new JsonObject { ["id"] = send.ConversationId };
        if (send.TenantId is not null) conversation["tenantId"] = send.TenantId;
        body["conversation"] = conversation;
        if (send.Kind == TeamsSend.Post && send.ActivityId is not null) body["replyToId"] = send.ActivityId;
        if (send.TenantId is not null && body["channelData"] is null)
            body["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = send.TenantId } };
        return body;
    }

    public static string BaseUrl(string serviceUrl) => serviceUrl.TrimEnd('/') + "/";

    private async Task<string?> CallAsync(HttpMethod method, string serviceUrl, string path, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(BaseUrl(serviceUrl)), path))
        {
            Content = new StringContent(body.ToJsonString(TeamsJson.Options), Encoding.UTF8, "application/json"),
        };
        if (await tokens.GetTokenAsync(ct) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try { response = await http.SendAsync(request, ct); }
        catch (HttpRequestException e) { throw new TeamsConnectorException(0, $"{method} {path}: {e.Message}", null); }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                if (text.Length == 0) return null;
                try { return JsonDocument.Parse(text).RootElement.TryGetProperty("id", out var id) ? id.GetString() : null; }
                catch (JsonException) { return null; }
            }
            if (status == 401) tokens.Invalidate();
            throw new TeamsConnectorException(status, $"{method} {path}: {status} {Shorten(text)}", RetryAfter(response));
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests) return null;
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.FromSeconds(1) ? d : TimeSpan.FromSeconds(1);
        return TimeSpan.FromSeconds(1);
    }

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;
}
