using IkiBot.Bot.Channels;
using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Hosting;

/// <summary>The Teams channel's services on a host (the endpoint is mapped with <see cref="TeamsEndpoint.MapTeams"/>).</summary>
public static class TeamsHost
{
    public static void Configure(IServiceCollection services, TeamsOptions options, ConversationEngine engine,
        IkiDbContextFactory database, TimeProvider time, string filesFolder, HttpMessageHandler? handler = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new TeamsStartupException(string.Join(Environment.NewLine, errors));

        // One client for the connector, the token endpoint and the key metadata; each call has its own timeout.
        var http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        }, disposeHandler: handler is null) { Timeout = TimeSpan.FromSeconds(100) };

        services.TryAddSingleton(time);
        services.TryAddSingleton(engine);
        services.TryAddSingleton(new ChannelDeliveryStore(database, time));
        services.AddSingleton(options);
        services.AddSingleton(new TeamsConversationStore(database, time));
        services.AddSingleton(new FileLinks(filesFolder, time));
        services.AddSingleton<TeamsPacer>();
        services.AddSingleton<TeamsPublicAddress>();
        services.AddSingleton<ITeamsTokenSource>(_ => options.AllowAnonymous
            ? new AnonymousTokenSource()
            : new ClientCredentialsTokenSource(http, options, time));
        services.AddSingleton(sp => new TeamsConnector(http, sp.GetRequiredService<ITeamsTokenSource>()));
        services.AddSingleton(sp => new TeamsAuthenticator(http, options, time, sp.GetRequiredService<ILogger<TeamsAuthenticator>>())
        {
            KeyRefreshMinInterval = options.KeyRefreshMinInterval,
        });
        SenderElection.AddTo(services, database);
        services.AddSingleton<TeamsOutbox>();
        services.AddSingleton<IDraftRenderer, TeamsDraftRenderer>();
        services.TryAddSingleton<DraftRenderers>();
        services.AddSingleton<TeamsActivityHandler>();
        services.AddSingleton<TeamsOutgoingSender>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsOutbox>());
    }

    /// <summary>Said loudly at start: anonymous mode accepts anything posted to /api/messages.</summary>
    public static void WarnIfAnonymous(TeamsOptions options, ILogger log)
    {
        if (!options.AllowAnonymous) return;
        for (var i = 0; i < 3; i++)
            log.LogWarning("!!! Teams:AllowAnonymous=true: /api/messages menerima aktivitas TANPA token dan bot mengirim TANPA token. " +
                           "Hanya untuk uji lokal (playground). Jangan pernah dipakai di server yang dapat dijangkau orang lain. !!!");
    }
}

public sealed class TeamsStartupException(string message) : Exception(message);
