using IkiBot.Bot.Channels;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Conversation;
using IkiBot.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace IkiBot.Bot.Hosting;

/// <summary>
/// The Generic Host running the Telegram channel: startup (getMe, menu, webhook), the outbox sender, and either long
/// polling or the ASP.NET Core webhook endpoint. Everything from outside (engine, database, clock) comes in here.
/// </summary>
public static class TelegramHost
{
    public static IHost Build(TelegramOptions options, ConversationEngine engine, IkiDbContextFactory database,
        TimeProvider time, Action<ILoggingBuilder>? logging = null, Action<IServiceCollection>? more = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0) throw new TelegramStartupException(string.Join(Environment.NewLine, errors));

        if (options.UsesWebhook)
        {
            var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            if (options.WebhookListenUrl is { } listen) web.WebHost.UseUrls(listen);
            Configure(web.Services, web.Logging, options, engine, database, time, logging);
            more?.Invoke(web.Services);
            var app = web.Build();
            app.MapTelegramWebhook(options);
            return app;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Configure(builder.Services, builder.Logging, options, engine, database, time, logging);
        more?.Invoke(builder.Services);
        builder.Services.AddHostedService<TelegramPolling>();
        return builder.Build();
    }

    internal static void Configure(IServiceCollection services, ILoggingBuilder log, TelegramOptions options,
        ConversationEngine engine, IkiDbContextFactory database, TimeProvider time, Action<ILoggingBuilder>? logging,
        bool besideOtherChannels = false)
    {
        log.ClearProviders();
        if (logging is not null) logging(log);
        else
        {
            log.AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss "; });
            log.SetMinimumLevel(LogLevel.Information);
            log.AddFilter("Microsoft", LogLevel.Warning);
            log.AddFilter("System.Net.Http", LogLevel.Warning);
        }

        var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        })
        {
            // Above the long-poll wait; sends have their own shorter timeout in the outbox.
            Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds + 30),
        };
        var clientOptions = new TelegramBotClientOptions(options.Token, options.BaseUrl)
        {
            // 429 is the outbox's business (it pauses the chat); the library must not sleep on it as well.
            RetryThreshold = 0,
            RetryCount = 0,
        };
        services.AddSingleton(http);
        services.AddSingleton(clientOptions);
        services.AddSingleton<ITelegramBotClient>(new TelegramBotClient(clientOptions, http));
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(engine);
        services.AddSingleton(new ChannelDeliveryStore(database, time));
        services.AddSingleton(new SendPacer(time, options.PerChatPerSecond, options.PerChatBurst, options.GlobalPerSecond));
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton(new TelegramReadiness(inBackground: besideOtherChannels));
        services.AddSingleton<TelegramUpdateHandler>();
        SenderElection.AddTo(services, database);
        services.AddSingleton<TelegramOutbox>();
        services.AddSingleton<IDraftRenderer, TelegramDraftRenderer>();
        services.TryAddSingleton<DraftRenderers>();
        services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(15));

        // Polling and the outbox wait for the startup (getMe, menu, webhook) to finish; alone, the host's start waits too.
        services.AddHostedService<TelegramStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramOutbox>());
    }
}
