using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Telegram.Tests.Harness;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>Webhook mode: registration with setWebhook, the secret-token check, updates handled once.</summary>
public sealed class WebhookTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "s3cret_Token-42";
    private FakeBotApi _fake = null!;
    private BotUnderTest _bot = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private string _endpoint = "";

    public async Task InitializeAsync()
    {
        _fake = await FakeBotApi.StartAsync();
        var port = Loopback.FreePort();
        _endpoint = $"http://127.0.0.1:{port}/telegram/hook";
        _bot = new BotUnderTest(BotUnderTest.Options_(_fake.Url) with
        {
            WebhookUrl = "https://bot.disnaker.example.go.id/telegram/hook",
            SecretToken = Secret,
            WebhookListenUrl = $"http://127.0.0.1:{port}",
        });
        await _bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        output.WriteLine(_bot.LogText);
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        _http.Dispose();
    }

    private static string Update(long id, long user, string text) => new JsonObject
    {
        ["update_id"] = id,
        ["message"] = new JsonObject
        {
            ["message_id"] = 5, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = text,
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Dewi" },
            ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
        },
    }.ToJsonString();

    private async Task<HttpStatusCode> PostAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_webhook_is_registered_with_its_secret_at_start()
    {
        var set = Assert.Single(_fake.Succeeded("setWebhook"));
        Assert.Equal("https://bot.disnaker.example.go.id/telegram/hook", set.Body["url"]!.ToString());
        Assert.Equal(Secret, set.Body["secret_token"]!.ToString());
        Assert.Equal(["message", "callback_query"], set.Body["allowed_updates"]!.AsArray().Select(x => x!.ToString()));
        Assert.Empty(_fake.All("getUpdates")); // no polling in webhook mode
        Assert.Empty(_fake.All("deleteWebhook"));
    }

    [Fact]
    public async Task Requests_without_the_right_secret_are_refused_with_403_and_not_handled()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(Update(1, 31, "/tugas kasi phi"), null));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(Update(2, 31, "/tugas kasi phi"), "wrong"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(Update(3, 31, "/tugas kasi phi"), Secret + "x"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(Update(4, 31, "/tugas kasi phi"), ""));
        await Task.Delay(500);
        Assert.Empty(_fake.All("sendMessage"));
        Assert.Null(await _bot.Store.GetCursorAsync(TelegramOptions.Channel));
    }

    [Fact]
    public async Task An_update_with_the_secret_is_answered_once_even_when_sent_twice()
    {
        var update = Update(10, 32, "/tugas kasi phi");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(update, Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(update, Secret)); // Telegram retrying
        await Loopback.WaitUntilAsync(() => _fake.Succeeded("sendMessage").Count >= 1, TimeSpan.FromSeconds(5), () => "the answer");
        await Task.Delay(500);
        var sent = Assert.Single(_fake.Succeeded("sendMessage"));
        Assert.Equal(32, sent.ChatId);
        Assert.Contains("PERSELISIHAN HUBUNGAN INDUSTRIAL", sent.Text);
    }

    /// <summary>Issue 8 item 6: with the right secret, whatever arrives is answered 200 and logged, never 500 (Telegram would resend it for ever).</summary>
    [Theory]
    [InlineData("{\"update_id\":\"x\"}")]
    [InlineData("{\"update_id\":1e400}")]
    [InlineData("{\"update_id\":1.5}")]
    [InlineData("{\"update_id\":null}")]
    [InlineData("{\"update_id\":{}}")]
    [InlineData("{\"update_id\":77,\"message\":\"x\"}")]
    [InlineData("{\"update_id\":78,\"message\":{\"chat\":5}}")]
    [InlineData("{\"update_id\":79,\"message\":{\"message_id\":1,\"date\":\"kemarin\",\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"hai\"}}")]
    [InlineData("{\"update_id\":80,\"callback_query\":[1]}")]
    [InlineData("[1]")]
    [InlineData("123")]
    [InlineData("null")]
    [InlineData("\"\\ud800\"")]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task A_wrong_shape_update_with_the_secret_gets_200_and_a_log_line_and_the_next_update_is_answered(string body)
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(body, Secret));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Update(500, 33, "/tugas kasi phi"), Secret));
        await Loopback.WaitUntilAsync(() => _fake.Succeeded("sendMessage").Count >= 1, TimeSpan.FromSeconds(10), () => "the answer to the next update");
        Assert.DoesNotContain("Webhook: update belum tersimpan", _bot.LogText);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_1_MB_gets_413_without_being_handled(bool chunked)
    {
        var big = Update(600, 34, "/tugas kasi phi " + new string('a', 1_100_000));
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)))
            : new StringContent(big, Encoding.UTF8, "application/json");
        if (chunked) request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(TelegramWebhook.SecretHeader, Secret);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await _bot.Store.IsHandledAsync(TelegramOptions.Channel, "600"));
        Assert.Contains("ditolak (413)", _bot.LogText);
        // An update of normal size is still taken.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Update(601, 34, "/tugas kasi phi"), Secret));
    }
}
