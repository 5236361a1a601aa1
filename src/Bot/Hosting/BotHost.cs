using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Supervision;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Hosting;

/// <summary>
/// One ASP.NET Core host for every configured channel: Teams (<c>POST /api/messages</c>) and, when a token is set,
/// Telegram (polling as a hosted service, or its webhook endpoint) share the conversation core, the database, the
/// outbox table and one reminder scheduler that reaches each user on their own channel.
/// </summary>
public static class BotHost
{
    public static WebApplication Build(BotServices services, TelegramOptions? telegram, TeamsOptions teams,
        string? listenUrl = null, Action<ILoggingBuilder>? logging = null, HttpMessageHandler? teamsHttp = null)
    {
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        if (listenUrl is not null) web.WebHost.UseUrls(listenUrl);
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"))) web.WebHost.UseUrls("http://127.0.0.1:3978");

        if (telegram is not null)
        {
            var errors = telegram.Validate();
            if (errors.Count > 0) throw new TelegramStartupException(string.Join(Environment.NewLine, errors));
            // Telegram starts in the background: Teams answers at once even while Telegram cannot be reached.
            TelegramHost.Configure(web.Services, web.Logging, telegram, services.Engine, services.Database, services.Time, logging,
                besideOtherChannels: true);
            if (!telegram.UsesWebhook) web.Services.AddHostedService<TelegramPolling>();
            web.Services.AddSingleton<TelegramOutgoingSender>();
        }
        else
        {
            web.Logging.ClearProviders();
            if (logging is not null) logging(web.Logging);
            else
            {
                web.Logging.AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss "; });
                web.Logging.SetMinimumLevel(LogLevel.Information);
                web.Logging.AddFilter("Microsoft", LogLevel.Warning);
                web.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
            }
        }

        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(services.Settings.DatabasePath)) ?? ".", "teams-files");
        TeamsHost.Configure(web.Services, teams, services.Engine, services.Database, services.Time, folder, teamsHttp);

        web.Services.AddHostedService(_ => new NativeHeapTrimmer(services.Time));
        if (services.Settings.Reminders.Enabled)
            web.Services.AddHostedService(sp =>
            {
                var senders = new Dictionary<string, IOutgoingSender> { [TeamsOptions.Channel] = sp.GetRequiredService<TeamsOutgoingSender>() };
                if (telegram is not null) senders[TelegramOptions.Channel] = sp.GetRequiredService<TelegramOutgoingSender>();
                return services.CreateReminderService(new ChannelRouter(senders), sp.GetService<ILogger<ReminderService>>(), sp.GetService<SenderElection>());
            });

        var app = web.Build();
        if (telegram is { UsesWebhook: true }) app.MapTelegramWebhook(telegram);
        app.MapTeams();

        if (telegram is not null)
            app.Services.GetRequiredService<TelegramOutbox>().UserBlocked = async chatId =>
            {
                if (await services.Users.FindAsync(TelegramOptions.Channel, chatId) is { } user)
                    await services.Reminders.MarkBlockedAsync(user.Id);
            };
        var conversations = app.Services.GetRequiredService<IkiBot.Data.TeamsConversationStore>();
        app.Services.GetRequiredService<TeamsOutbox>().UserBlocked = async conversationId =>
        {
            if (await conversations.FindByConversationAsync(conversationId) is { } reference &&
                await services.Users.FindAsync(TeamsOptions.Channel, reference.UserKey) is { } user)
                await services.Reminders.MarkBlockedAsync(user.Id);
        };
        TeamsHost.WarnIfAnonymous(teams, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IkiBot.Teams"));
        return app;
    }
}
