using System.Net.Http.Json;
using System.Text.Json;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>The bearer token for connector calls; null when the channel runs anonymously (local testing).</summary>
public interface ITeamsTokenSource
{
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
    /// <summary>The connector refused the token (401): the next call fetches a new one.</summary>
    void Invalidate();
}

public sealed class AnonymousTokenSource : ITeamsTokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>(null);
    public void Invalidate() { }
}

/// <summary>
/// OAuth 2.0 client credentials (app id + secret) for scope https://api.botframework.com/.default, from the token
/// endpoint, cached until five minutes before it expires (or half its life when shorter). A plain form POST rather
/// than MSAL: the same request, and it also works against a local http stand-in (MSAL insists on https authorities).
/// </summary>
public sealed class ClientCredentialsTokenSource(HttpClient http, TeamsOptions options, TimeProvider time) : ITeamsTokenSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>Tokens fetched from the endpoint since start (tests check the cache).</summary>
    public int Fetched { get; private set; }

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        if (_token is { } cached && time.GetUtcNow() < _renewAt) return cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is { } again && time.GetUtcNow() < _renewAt) return again;
            using var request = new HttpRequestMessage(HttpMethod.Post, options.EffectiveTokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = options.AppId ?? "",
                    ["client_secret"] = options.AppPassword ?? "",
                    ["scope"] = TeamsOptions.BotFrameworkScope,
                }),
            };
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new TeamsConnectorException((int)response.StatusCode,
                    $"token endpoint {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}", null);
            }
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var token = json.GetProperty("access_token").GetString() ?? throw new TeamsConnectorException(0, "token endpoint: no access_token", null);
            var lifetime = TimeSpan.FromSeconds(json.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600);
            var margin = lifetime > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(5) : lifetime / 2;
            _token = token;
            _renewAt = time.GetUtcNow() + lifetime - margin;
            Fetched++;
            return token;
        }
        finally { _gate.Release(); }
    }

    public void Invalidate() => _token = null;
}
