using System.Security.Cryptography;
using IkiBot.Bot.Teams.Tests.Harness;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>One authority, connector and bot for the class (tests run one after another and compare counts).</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    public TestAuthority Authority = null!;
    public FakeConnector Connector = null!;
    public TeamsBot Bot = null!;

    public async Task InitializeAsync()
    {
        Authority = await TestAuthority.StartAsync(TeamsBot.AppId);
        Connector = await FakeConnector.StartAsync();
        Bot = await new TeamsBot(TeamsBot.Authenticated(Authority)).StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Authority.DisposeAsync();
    }
}

/// <summary>Inbound tokens against a local stand-in authority; outbound calls carry its client-credentials token.</summary>
public class AuthTests(AuthFixture f) : IClassFixture<AuthFixture>
{
    private readonly TestAuthority _authority = f.Authority;
    private readonly FakeConnector _connector = f.Connector;
    private readonly TeamsBot _bot = f.Bot;
    private string ServiceUrl => _connector.Url + "/amer/";

    [Fact]
    public async Task The_right_token_is_handled_and_every_connector_call_carries_the_token_endpoints_token()
    {
        var handled = await _bot.HandledCountAsync();
        var tokens = _authority.TokenRequests;
        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await _bot.PostAsync(Activities.Message(ServiceUrl, "apa tugas seksi PHI?"), _authority.Sign(ServiceUrl));
            Assert.Equal(200, status);
        }
        var calls = await _connector.WaitForAsync(c => c.Count(x => x.Type == "message") >= 3);
        Assert.True(calls.Count(x => x.Type == "message") >= 3);
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Contains(c.Authorization!["Bearer ".Length..], _authority.Issued));
        Assert.True(_authority.TokenRequests - tokens <= 1); // cached until shortly before it expires
        Assert.Equal(1, _authority.TokenRequests);
        Assert.Equal(handled + 3, await _bot.HandledCountAsync());
    }

    public static TheoryData<string> Refusals => new()
    {
        "missing header", "forged signature", "wrong issuer", "wrong audience", "expired", "not yet valid", "alg none", "HS256",
        "unendorsed key", "serviceurl mismatch", "unknown kid", "garbage",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Anything_else_gets_401_and_nothing_is_handled_or_stored(string refusal)
    {
        var activity = Activities.Message(ServiceUrl, "pencaker dilayani 25");
        var handled = await _bot.HandledCountAsync();
        var outbox = await _bot.OutboxCountAsync();
        await Task.Delay(300); // calls from earlier tests have landed
        var calls = _connector.Calls.Count;
        string? token = refusal switch
        {
            "missing header" => null,
            "forged signature" => _authority.Sign(ServiceUrl, kid: "k1", key: _authority.Keys["rogue"]),
            "wrong issuer" => _authority.Sign(ServiceUrl, issuer: "https://sts.windows.net/lain/"),
            "wrong audience" => _authority.Sign(ServiceUrl, audience: "11111111-0000-0000-0000-000000000000"),
            "expired" => _authority.Sign(ServiceUrl, notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "not yet valid" => _authority.Sign(ServiceUrl, notBefore: DateTimeOffset.UtcNow.AddMinutes(7), expires: DateTimeOffset.UtcNow.AddHours(1)),
            "alg none" => _authority.SignWith("none", ServiceUrl),
            "HS256" => _authority.SignWith("HS256", ServiceUrl),
            "unendorsed key" => _authority.Sign(ServiceUrl, kid: "k2"), // k2 is endorsed for webchat only
            "serviceurl mismatch" => _authority.Sign("https://smba.trafficmanager.net/lain/"),
            "unknown kid" => _authority.Sign(ServiceUrl, kid: "k9", key: RSA.Create(2048)),
            _ => "bukan.sebuah.token",
        };
        var (status, _) = await _bot.PostAsync(activity, token);
        Assert.Equal(401, status);
        await Task.Delay(200);
        Assert.Equal(handled, await _bot.HandledCountAsync());
        Assert.Equal(outbox, await _bot.OutboxCountAsync());
        Assert.Equal(calls, _connector.Calls.Count);
    }

    [Fact]
    public async Task Within_five_minutes_of_skew_a_token_still_counts()
    {
        var token = _authority.Sign(ServiceUrl, notBefore: DateTimeOffset.UtcNow.AddHours(-1), expires: DateTimeOffset.UtcNow.AddMinutes(-3));
        Assert.Equal(200, (await _bot.PostAsync(Activities.Message(ServiceUrl, "daftar jabatan"), token)).Status);
    }

    [Fact]
    public async Task A_new_signing_key_is_fetched_when_a_token_names_an_unknown_kid()
    {
        Assert.Equal(200, (await _bot.PostAsync(Activities.Message(ServiceUrl, "halo"), _authority.Sign(ServiceUrl))).Status);
        var before = _authority.KeyRequests;
        _authority.Keys["k3"] = RSA.Create(2048);
        _authority.Published["k3"] = ["msteams"];
        Assert.Equal(200, (await _bot.PostAsync(Activities.Message(ServiceUrl, "halo lagi"), _authority.Sign(ServiceUrl, kid: "k3"))).Status);
        Assert.Equal(before + 1, _authority.KeyRequests);
        // A known kid does not fetch again.
        Assert.Equal(200, (await _bot.PostAsync(Activities.Message(ServiceUrl, "halo ketiga"), _authority.Sign(ServiceUrl))).Status);
        Assert.Equal(before + 1, _authority.KeyRequests);
    }
}
