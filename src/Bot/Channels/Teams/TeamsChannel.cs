using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Hosting;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>Runs the bot with Teams (and Telegram too when its token is set) until Ctrl+C / SIGTERM.</summary>
public static class TeamsChannel
{
    /// <returns>
    /// 0 after a normal stop, 2 for a configuration error, 1 when a platform refused the start. A token Telegram rejects
    /// does not end this host: Telegram starts in the background and stops alone (see <see cref="TelegramStartup"/>).
    /// </returns>
    public static int Run(BotSettings settings)
    {
        var teams = settings.Teams;
        var telegram = settings.TelegramToken is null ? null : TelegramOptions.From(settings);
        var errors = teams.Validate().Concat(telegram?.Validate() ?? []).ToList();
        if (errors.Count > 0)
        {
            System.Console.Error.WriteLine("Konfigurasi salah:");
            foreach (var error in errors) System.Console.Error.WriteLine("  - " + error);
            return 2;
        }
        using var services = new BotServices(settings, TimeProvider.System);
        services.Knowledge.Warm(); // the index is built before the first user waits for it
        try
        {
            using var app = BotHost.Build(services, telegram, teams);
            app.Run();
            return 0;
        }
        catch (TelegramStartupException e)
        {
            System.Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
