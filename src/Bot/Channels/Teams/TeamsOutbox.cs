using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Hosting;
using IkiBot.Data;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>The Teams rows of the shared outbox, sent through the connector (see <see cref="ChannelOutbox{TSend}"/>).</summary>
public sealed class TeamsOutbox(
    TeamsConnector connector, FileLinks files, TeamsPublicAddress address, ChannelDeliveryStore store, TeamsPacer pacer,
    TimeProvider time, TeamsOptions options, ILogger<TeamsOutbox> log, SenderElection? election = null)
    : ChannelOutbox<TeamsSend>(TeamsOptions.Channel, store, pacer.Pacer, time,
        new OutboxPolicy(options.SendTimeout, options.SendRetries, options.SendRetryBaseDelay, options.SendRoundPause, options.MaxSendRounds), log, election)
{
    protected override TeamsSend Read(OutboxMessage row) => TeamsSend.FromJson(row.Payload);

    protected override async Task SendAsync(OutboxMessage row, TeamsSend send, CancellationToken ct)
    {
        var activity = send.Activity;
        if (send.FileName is { } name && row.File is { } content)
        {
            var token = files.Create(name, send.ContentType ?? "application/octet-stream", content, options.FileLinkLifetime);
            activity = TeamsRenderer.WithFileLink(activity, name, send.ContentType ?? "", address.FileUrl(token), options.FileLinkLifetime);
        }
        if (send.Kind == TeamsSend.Update) await connector.UpdateAsync(send, activity, ct);
        else await connector.PostAsync(send, activity, ct);
    }

    protected override bool IsTransient(Exception e) => e switch
    {
        TeamsConnectorException c => c.IsTransient,
        HttpRequestException or IOException or TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    protected override TimeSpan? RetryAfter(Exception? e) => e is TeamsConnectorException { Status: 429 } c ? c.RetryAfter ?? TimeSpan.FromSeconds(1) : null;

    protected override bool IsBlocked(Exception e) => e is TeamsConnectorException { IsBlocked: true };
}

/// <summary>The Teams outbox's own rate limits (a pacer separate from Telegram's).</summary>
public sealed class TeamsPacer(TimeProvider time, TeamsOptions options)
{
    public SendPacer Pacer { get; } = new(time, options.PerConversationPerSecond, options.PerConversationBurst, options.GlobalPerSecond);
}

/// <summary>The bot's public base address for download links: Teams:PublicUrl, else the address the last activity came to.</summary>
public sealed class TeamsPublicAddress(TeamsOptions options)
{
    private string? _seen;

    public void Saw(string baseUrl) => _seen ??= baseUrl.TrimEnd('/');

    public string FileUrl(string token) => $"{(options.PublicUrl?.TrimEnd('/') ?? _seen ?? "http://127.0.0.1:3978")}/files/{token}";
}
