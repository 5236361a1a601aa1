using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>
/// Checks the Bot Framework channel token on each incoming activity: an RS256 JWT in "Authorization: Bearer", signed
/// by a key from the OpenID metadata's jwks_uri (cached; fetched again when a token names an unknown kid, at most once
/// per <see cref="KeyRefreshMinInterval"/>), issuer https://api.botframework.com, audience = the app id, lifetime with
/// 5 minutes of skew, the "serviceurl" claim equal to the activity's serviceUrl, and the key endorsed for the
/// activity's channelId. Anonymous mode (local testing) accepts everything.
/// </summary>
public sealed class TeamsAuthenticator(HttpClient http, TeamsOptions options, TimeProvider time, ILogger<TeamsAuthenticator> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly JsonWebTokenHandler _handler = new();
    private Dictionary<string, (JsonWebKey Key, HashSet<string> Endorsements)> _keys = new();
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public TimeSpan KeyRefreshMinInterval { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan KeyMaxAge { get; init; } = TimeSpan.FromHours(24);
    /// <summary>How many times the keys were fetched (tests check the refresh on an unknown kid).</summary>
    public int KeyFetches { get; private set; }

    /// <summary>Null when the activity may be handled; otherwise why not (for the log; the caller answers 401).</summary>
    public async Task<string?> CheckAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        if (options.AllowAnonymous) return null;
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return "no bearer token";
        var raw = authorization["Bearer ".Length..].Trim();
        JsonWebToken token;
        try { token = new JsonWebToken(raw); }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException) { return "malformed token"; }
        if (token.Alg != SecurityAlgorithms.RsaSha256) return $"algorithm {token.Alg} refused";
        if (string.IsNullOrEmpty(token.Kid)) return "no kid";

        var key = await FindKeyAsync(token.Kid, ct);
        if (key is null) return $"unknown key {token.Kid}";

        var result = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.BotFrameworkIssuer,
            ValidAudience = options.AppId,
            IssuerSigningKey = key.Value.Key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            LifetimeValidator = (notBefore, expires, _, p) => LifetimeOk(notBefore, expires, p.ClockSkew),
        });
        if (!result.IsValid) return result.Exception?.GetType().Name + ": " + result.Exception?.Message;

        var channel = activity.ChannelId ?? "";
        if (!key.Value.Endorsements.Contains(channel)) return $"key {token.Kid} not endorsed for channel '{channel}'";
        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var s) ? s as string : null;
        if (serviceUrl is null || activity.ServiceUrl is null ||
            !string.Equals(serviceUrl.TrimEnd('/'), activity.ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return "serviceurl claim does not match the activity";
        return null;
    }

    private bool LifetimeOk(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } e && now <= e + skew && (notBefore is not { } n || now >= n - skew);
    }

    private async Task<(JsonWebKey Key, HashSet<string> Endorsements)?> FindKeyAsync(string kid, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue(kid, out var known) && now - _fetchedAt < KeyMaxAge) return known;
        await _gate.WaitAsync(ct);
        try
        {
            now = time.GetUtcNow();
            if (_keys.TryGetValue(kid, out known) && now - _fetchedAt < KeyMaxAge) return known;
            if (now - _fetchedAt < KeyRefreshMinInterval) return null; // fetched a moment ago: an unknown kid stays unknown
            try
            {
                _keys = await FetchKeysAsync(ct);
                _fetchedAt = time.GetUtcNow();
                KeyFetches++;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                log.LogError("Kunci token Bot Framework tidak dapat diambil dari {Url}: {Error}", options.OpenIdMetadataUrl, e.Message);
                return null;
            }
            return _keys.TryGetValue(kid, out known) ? known : null;
        }
        finally { _gate.Release(); }
    }

    private async Task<Dictionary<string, (JsonWebKey, HashSet<string>)>> FetchKeysAsync(CancellationToken ct)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.OpenIdMetadataUrl, ct));
        var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString() ?? throw new InvalidOperationException("no jwks_uri");
        if (!TeamsOptions.IsAllowedUrl(jwksUri)) throw new InvalidOperationException($"jwks_uri {jwksUri} is neither https nor loopback");
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUri, ct));
        var keys = new Dictionary<string, (JsonWebKey, HashSet<string>)>();
        foreach (var k in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (!k.TryGetProperty("kid", out var kid) || kid.GetString() is not { } id) continue;
            var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (k.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array)
                foreach (var x in e.EnumerateArray())
                    if (x.GetString() is { } s) endorsements.Add(s);
            keys[id] = (new JsonWebKey(k.GetRawText()), endorsements);
        }
        return keys;
    }
}
