using IkiBot.Bot.Composition;
using IkiBot.Bot.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Hosting;
using IkiBot.Data;
using IkiBot.Knowledge;
using Microsoft.Extensions.Hosting;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>Runs the bot on Telegram until Ctrl+C / SIGTERM: configuration checked first, with clear messages.</summary>
public static class TelegramChannel
{
    /// <returns>0 after a normal stop, 2 for a configuration error, 1 when Telegram refused the start.</returns>
    public static int Run(BotSettings settings)
    {
        var options = TelegramOptions.From(settings);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            System.Console.Error.WriteLine("Konfigurasi Telegram salah:");
            foreach (var error in errors) System.Console.Error.WriteLine("  - " + error);
            return 2;
        }

        using var services = new BotServices(settings, TimeProvider.System);
        services.Knowledge.Warm(); // the index is built before the first user waits for it
        try
        {
            using var host = TelegramHost.Build(options, services.Engine, services.Database, services.Time, more: s =>
            {
                s.AddSingleton<TelegramOutgoingSender>();
                s.AddHostedService(sp => new ProcessedMessagePruner(services.ProcessedMessages, services.Time, sp.GetService<ILogger<ProcessedMessagePruner>>()));
                s.AddHostedService(_ => new NativeHeapTrimmer(services.Time));
                if (settings.Reminders.Enabled)
                    s.AddHostedService(sp => services.CreateReminderService(sp.GetRequiredService<TelegramOutgoingSender>(),
                        sp.GetService<ILogger<ReminderService>>(), sp.GetService<SenderElection>()));
            });
            host.Services.GetRequiredService<TelegramOutbox>().UserBlocked = async chatId =>
            {
                if (await services.Users.FindAsync(TelegramOptions.Channel, chatId) is { } user)
                    await services.Reminders.MarkBlockedAsync(user.Id);
            };
            host.Run();
            return 0;
        }
        catch (TelegramStartupException e)
        {
            System.Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
