using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IkiBot.Bot.Teams.Tests.Harness;

/// <summary>
/// A local stand-in for the Bot Framework token authority on 127.0.0.1: OpenID metadata, JWKS with endorsements
/// (k1: msteams + webchat, k2: webchat only; more keys can be published later), a client-credentials token endpoint,
/// and <see cref="Sign"/> for channel tokens as the Bot Connector makes them.
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    public Dictionary<string, RSA> Keys { get; } = new() { ["k1"] = RSA.Create(2048), ["k2"] = RSA.Create(2048), ["rogue"] = RSA.Create(2048) };
    public ConcurrentDictionary<string, string[]> Published { get; } = new(new Dictionary<string, string[]> { ["k1"] = ["msteams", "webchat"], ["k2"] = ["webchat"] });
    public ConcurrentBag<string> Issued { get; } = new();
    public int TokenRequests;
    public int KeyRequests;
    public string AppId { get; }
    public string AppSecret { get; }
    public string Url { get; private set; } = "";
    public string MetadataUrl => Url + "/v1/.well-known/openidconfiguration";
    public string TokenUrl => Url + "/botframework.com/oauth2/v2.0/token";

    private TestAuthority(string appId, string secret, WebApplication app) { AppId = appId; AppSecret = secret; _app = app; }

    public static async Task<TestAuthority> StartAsync(string appId, string secret = "rahasia-uji")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var me = new TestAuthority(appId, secret, app);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = Issuer, jwks_uri = me.Url + "/v1/.well-known/keys", id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref me.KeyRequests);
            return Results.Json(new
            {
                keys = me.Published.Select(p =>
                {
                    var k = me.Keys[p.Key].ExportParameters(false);
                    return new Dictionary<string, object>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = p.Key, ["n"] = Base64UrlEncoder.Encode(k.Modulus!),
                        ["e"] = Base64UrlEncoder.Encode(k.Exponent!), ["endorsements"] = p.Value,
                    };
                }),
            });
        });
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http) =>
        {
            Interlocked.Increment(ref me.TokenRequests);
            var f = await http.Request.ReadFormAsync();
            if (f["grant_type"] != "client_credentials" || f["client_id"] != appId || f["client_secret"] != secret)
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (f["scope"] != "https://api.botframework.com/.default") return Results.Json(new { error = "invalid_scope" }, statusCode: 400);
            var token = $"keluar-{Guid.NewGuid():N}";
            me.Issued.Add(token);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = token });
        });
        await app.StartAsync();
        me.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return me;
    }

    /// <summary>A channel token: by default what the Bot Connector sends (iss, aud = app id, serviceurl, 1 h).</summary>
    public string Sign(string serviceUrl, string kid = "k1", RSA? key = null, string? issuer = Issuer, string? audience = null,
        DateTimeOffset? expires = null, DateTimeOffset? notBefore = null)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl };
        if (issuer is not null) claims["iss"] = issuer;
        claims["aud"] = audience ?? AppId;
        var nbf = notBefore ?? now.AddSeconds(-5);
        var exp = expires ?? now.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = nbf.UtcDateTime,
            IssuedAt = nbf.UtcDateTime,
            Expires = exp.UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? Keys[kid]) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A token with another algorithm header: "none" (no signature) or HS256 signed with the app secret.</summary>
    public string SignWith(string alg, string serviceUrl)
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var head = B64(JsonSerializer.Serialize(new { alg, typ = "JWT", kid = "k1" }));
        var body = B64(JsonSerializer.Serialize(new { iss = Issuer, aud = AppId, serviceurl = serviceUrl, nbf = now - 5, exp = now + 3600 }));
        if (alg == "none") return $"{head}.{body}.";
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.ASCII.GetBytes($"{head}.{body}"));
        return $"{head}.{body}.{Base64UrlEncoder.Encode(mac)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
